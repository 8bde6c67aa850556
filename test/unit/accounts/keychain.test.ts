import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

  it('keeps an account’s secrets as one entry, keeping a secret the form left empty', async () => {
    const store = new CredentialStore(vault);
    const id = randomUUID();
    await store.write('sobot', id, { appid: 'appid-1', signature: '签名一' });
    expect(await store.read('sobot', id)).toEqual({ appid: 'appid-1', signature: '签名一' });
    await store.write('sobot', id, { appid: 'appid-2', signature: '' });
    expect(await store.read('sobot', id)).toEqual({ appid: 'appid-2', signature: '签名一' });
    // The entry keeps the name version 0.1 gave it, so accounts saved then still read.
    expect(JSON.parse((await vault.get(`sobot:${id}`))!)).toEqual({ appid: 'appid-2', signature: '签名一' });
    await store.remove('sobot', id);
    expect(await store.read('sobot', id)).toBeNull();
  });

  it('answers the availability probe', async () => {
    expect(await vault.check()).toBe(true);
  });
});
