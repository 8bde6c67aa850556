/**
 * Every provider the app can talk to, by id. The only module that imports a provider's folder
 * (a lint rule enforces it): features reach a provider through the account service, which asks
 * here. A new provider adds its id to `PROVIDER_IDS` (shared/providers.ts) and one line below;
 * `satisfies` makes the build fail until it does.
 */
import type { Locale } from '../../../shared/locale';
import type { ProviderId, ProviderInfo } from '../../../shared/providers';
import type { AppError } from '../../../shared/result';
import { cecFactory } from '../huawei/provider/index';
import { sobotFactory } from '../sobot/provider/index';
import type { ProviderFactory } from './types';

export const PROVIDERS = {
  sobot: sobotFactory,
  'huawei-cec': cecFactory,
} as const satisfies Record<ProviderId, ProviderFactory>;

/** The factory of a provider. */
export function providerFactory(id: ProviderId): ProviderFactory {
  return PROVIDERS[id];
}

/** Every provider's description, for the accounts screen. */
export function providerInfos(): ProviderInfo[] {
  return Object.values(PROVIDERS).map((factory) => factory.info);
}

/** Localises an error any provider's client threw (the dispatcher's describer). */
export function describeProviderError(error: unknown, locale: Locale): AppError | undefined {
  for (const factory of Object.values(PROVIDERS)) {
    const described = factory.describeError(error, locale);
    if (described) return described;
  }
  return undefined;
}
