/**
 * Where secrets live: the OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret
 * Service). Nothing else in the app stores a secret; electron-store, SQLite, logs and files
 * never see one. The Electron host may offer an encrypted safeStorage vault where no keychain
 * answers, and says so on screen.
 */
export interface SecretVault {
  /** What backs the vault, shown to the user in Settings. */
  readonly kind: 'keychain' | 'safe-storage';
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  /** Answers whether something was deleted. */
  delete(key: string): Promise<boolean>;
  /** Whether the vault answers at all (a probe write, read and delete). */
  check(): Promise<boolean>;
}
