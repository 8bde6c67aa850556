import { z } from 'zod';
import { SANDBOX_ACCOUNT_ID, type TaskDefaults } from '../../../shared/accounts';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/providers';
import { taskDefaultsSchema } from '../../../shared/schemas/accounts';
import type { SettingsFile } from '../settings/settingsFile';

/** The settings file name (electron-store `name`) that holds account profiles. */
export const ACCOUNTS_FILE_NAME = 'accounts';

/** What is stored about an account outside the keychain: nothing secret. */
export interface AccountProfile {
  id: string;
  name: string;
  provider: ProviderId;
  /** The provider's non-secret fields (base URL, ids…). */
  settings: Record<string, string>;
  defaults: TaskDefaults;
}

/** Profiles as this version writes them (`profilesVersion` 2). */
const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  provider: z.enum(PROVIDER_IDS),
  settings: z.record(z.string(), z.string()),
  defaults: taskDefaultsSchema.catch({}),
});

/**
 * Version 1 (until 0.1): Sobot-only, the base URL and email beside the name, and task defaults
 * in iCall's words (`templateid`, `telephone`, `callTimeSlot` as one comma list).
 */
const profileV1Schema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  provider: z.literal('sobot'),
  baseUrl: z.string(),
  email: z.string().catch(''),
  defaults: z
    .object({
      templateid: z.string().optional(),
      telephone: z.array(z.string()).optional(),
      callTimeSlot: z.string().optional(),
    })
    .catch({}),
});

/** Migration 1 → 2 of one profile. */
function fromV1(old: z.infer<typeof profileV1Schema>): AccountProfile {
  const defaults: TaskDefaults = {};
  if (old.defaults.templateid) defaults.templateId = old.defaults.templateid;
  if (old.defaults.telephone) defaults.callerNumbers = old.defaults.telephone;
  if (old.defaults.callTimeSlot)
    defaults.callingHours = old.defaults.callTimeSlot
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  return {
    id: old.id,
    name: old.name,
    provider: 'sobot',
    settings: { baseUrl: old.baseUrl, email: old.email },
    defaults: taskDefaultsSchema.catch({}).parse(defaults),
  };
}

export const PROFILES_VERSION = 2;

/** Profiles and the active account id, in a settings file (electron-store in the app). */
export class ProfileStore {
  constructor(private readonly file: SettingsFile) {}

  /**
   * Every stored profile that still reads as valid; a damaged one is skipped, not fatal. A file
   * of an older version is migrated and written back once.
   */
  list(): AccountProfile[] {
    const raw = this.file.read('profiles');
    if (!Array.isArray(raw)) return [];
    if (this.file.read('profilesVersion') === PROFILES_VERSION) {
      return raw.flatMap((entry) => {
        const parsed = profileSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    }
    const migrated = raw.flatMap((entry) => {
      const current = profileSchema.safeParse(entry);
      if (current.success) return [current.data];
      const old = profileV1Schema.safeParse(entry);
      return old.success ? [fromV1(old.data)] : [];
    });
    this.save(migrated);
    return migrated;
  }

  save(profiles: AccountProfile[]): void {
    this.file.write('profiles', profiles);
    this.file.write('profilesVersion', PROFILES_VERSION);
  }

  /** The active account; the sandbox on first run or when the active one was removed. */
  activeId(builtInIds: readonly string[] = [SANDBOX_ACCOUNT_ID]): string {
    const stored = this.file.read('activeId');
    const known =
      typeof stored === 'string' && (builtInIds.includes(stored) || this.list().some((p) => p.id === stored));
    return known ? stored : SANDBOX_ACCOUNT_ID;
  }

  setActive(id: string): void {
    this.file.write('activeId', id);
  }
}
