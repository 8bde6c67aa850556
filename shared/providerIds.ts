// The providers' ids on their own, with nothing imported: shared types that name a provider
// (results, settings) read them here without depending on the whole capabilities model.

/** Every provider the app supports; the registry in main must implement each one. */
export const PROVIDER_IDS = ['sobot', 'huawei-cec'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}
