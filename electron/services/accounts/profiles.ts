import { z } from 'zod';
import { SANDBOX_ACCOUNT_ID, type TaskDefaults } from '../../../shared/accounts';
import { taskDefaultsSchema } from '../../../shared/schemas/accounts';
import type { SettingsFile } from '../settings/settingsFile';

/** The settings file name (electron-store `name`) that holds account profiles. */
export const ACCOUNTS_FILE_NAME = 'accounts';

/** What is stored about an account outside the keychain: nothing secret. */
export interface AccountProfile {
  id: string;
  name: string;
  provider: 'sobot';
  baseUrl: string;
  email: string;
  defaults: TaskDefaults;
}

const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  provider: z.literal('sobot'),
  baseUrl: z.string(),
  email: z.string().catch(''),
  defaults: taskDefaultsSchema.catch({}),
});

/** Profiles and the active account id, in a settings file (electron-store in the app). */
export class ProfileStore {
  constructor(private readonly file: SettingsFile) {}

  /** Every stored profile that still reads as valid; a damaged one is skipped, not fatal. */
  list(): AccountProfile[] {
    const raw = this.file.read('profiles');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((entry) => {
      const parsed = profileSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  save(profiles: AccountProfile[]): void {
    this.file.write('profiles', profiles);
  }

  /** The active account; the sandbox on first run or when the active one was removed. */
  activeId(): string {
    const stored = this.file.read('activeId');
    const known =
      typeof stored === 'string' &&
      (stored === SANDBOX_ACCOUNT_ID || this.list().some((p) => p.id === stored));
    return known ? stored : SANDBOX_ACCOUNT_ID;
  }

  setActive(id: string): void {
    this.file.write('activeId', id);
  }
}
