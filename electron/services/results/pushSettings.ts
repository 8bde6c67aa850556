import type { Database } from 'better-sqlite3';
import { newPushSecret } from './pushReceiver';

/** The push receiver's saved configuration. */
export interface PushSettings {
  enabled: boolean;
  port: number;
  secret: string;
  /** The address to listen on; null: the host's default (see PushControl). */
  host: string | null;
}

/** Default port offered the first time (the user chooses; any free port ≥ 1024 works). */
export const DEFAULT_PUSH_PORT = 8765;

/** `push_receiver`: one row, created with a fresh secret on first read. */
export class PushSettingsStore {
  constructor(private readonly db: Database) {}

  read(): PushSettings {
    const row = this.db
      .prepare<[], { enabled: number; port: number; path_secret: string; bind_host: string | null }>(
        'SELECT enabled, port, path_secret, bind_host FROM push_receiver WHERE id = 1',
      )
      .get();
    if (row)
      return { enabled: row.enabled === 1, port: row.port, secret: row.path_secret, host: row.bind_host };
    const fresh = { enabled: false, port: DEFAULT_PUSH_PORT, secret: newPushSecret(), host: null };
    this.write(fresh);
    return fresh;
  }

  write(settings: PushSettings): void {
    this.db
      .prepare(
        `INSERT INTO push_receiver (id, enabled, port, path_secret, bind_host) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, port = excluded.port,
           path_secret = excluded.path_secret, bind_host = excluded.bind_host`,
      )
      .run(settings.enabled ? 1 : 0, settings.port, settings.secret, settings.host);
  }
}
