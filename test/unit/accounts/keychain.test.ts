import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { CredentialStore } from '../../../electron/services/vault/credentials';
import { createKeyringVault } from '../../../electron/services/vault/keyringVault';
import { keychainStatus } from '../../support/keychain';

const status = await keychainStatus();

describe.skipIf(!status.available)(`the OS keychain (skipped without one: ${status.reason || 'n/a'})`, () => {
  const vault = createKeyringVault('Campaign Desk unit tests');

  it('stores, reads back, replaces and deletes a secret with Chinese characters', async () => {
    const key = `test:${randomUUID()}`;
    const secret = '签名-密钥 ✓ 0123456789abcdef=&+/%';
    await vault.set(key, secret);
    expect(await vault.get(key)).toBe(secret);
    await vault.set(key, '新的签名（已替换）');
    expect(await vault.get(key)).toBe('新的签名（已替换）');
    expect(await vault.delete(key)).toBe(true);
    expect(await vault.get(key)).toBeNull();
    expect(await vault.delete(key)).toBe(false);
  });

  it('keeps an account’s appid/signature pair, keeps the signature when only the appid changes', async () => {
    const store = new CredentialStore(vault);
    const id = randomUUID();
    await store.write(id, 'appid-1', '签名一');
    expect(await store.read(id)).toEqual({ appid: 'appid-1', signature: '签名一' });
    await store.write(id, 'appid-2', undefined);
    expect(await store.read(id)).toEqual({ appid: 'appid-2', signature: '签名一' });
    await store.remove(id);
    expect(await store.read(id)).toBeNull();
  });

  it('refuses an appid without any signature', async () => {
    const store = new CredentialStore(vault);
    await expect(store.write(randomUUID(), 'appid', undefined)).rejects.toBeInstanceOf(AppFailure);
  });

  it('answers the availability probe', async () => {
    expect(await vault.check()).toBe(true);
  });
});
