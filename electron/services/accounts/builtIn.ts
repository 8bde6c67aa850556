/**
 * The accounts every install has: the embedded sandbox's demo tenants, one per provider it
 * simulates. Their credentials are public on purpose (see sandbox/account.ts); they are never
 * written to the keychain.
 */
import { SANDBOX_ACCOUNT_ID, SANDBOX_CEC_ACCOUNT_ID } from '../../../shared/accounts';
import type { ProviderId } from '../../../shared/providers';
import {
  CEC_CALLER_NUMBERS,
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_QC_APP_KEY,
  CEC_SANDBOX_QC_APP_SECRET,
  CEC_SANDBOX_SK,
  CEC_SANDBOX_TIME_ZONE,
  CEC_SANDBOX_VDN_ID,
  SANDBOX_APPID,
  SANDBOX_EMAIL,
  SANDBOX_SIGNATURE,
} from '../sandbox/index';

/** The CEC demo tenant's fields; its iSales, CC-FS and QC are all at the sandbox's origin. */
function cecSettings(origin: string): Record<string, string> {
  return {
    baseUrl: origin,
    qcDomain: origin,
    vdnId: String(CEC_SANDBOX_VDN_ID),
    ccId: '',
    timeZone: CEC_SANDBOX_TIME_ZONE,
    caPem: '',
    callerNumbers: CEC_CALLER_NUMBERS.join(','),
    flows: CEC_FLOWS.map((f) => `${f.accessCode}=${f.name.replace(/[,，=]/g, ' ')}`).join(','),
  };
}

export interface BuiltInAccount {
  id: string;
  name: string;
  provider: ProviderId;
  /** The settings, given where the sandbox serves (its base URL for this provider). */
  settings(sandboxUrl: string): Record<string, string>;
  /** What Settings shows (no address: the sandbox runs inside the app). */
  shownSettings: Record<string, string>;
  secrets: Record<string, string>;
}

export const BUILT_IN_ACCOUNTS: readonly BuiltInAccount[] = [
  {
    id: SANDBOX_ACCOUNT_ID,
    name: '沙箱 Sandbox',
    provider: 'sobot',
    settings: (url) => ({ baseUrl: url, email: SANDBOX_EMAIL }),
    shownSettings: { baseUrl: '', email: SANDBOX_EMAIL },
    secrets: { appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE },
  },
  {
    id: SANDBOX_CEC_ACCOUNT_ID,
    name: 'CEC 沙箱 Huawei Sandbox',
    provider: 'huawei-cec',
    // The sandbox serves Sobot under a path of its origin, CEC at the origin itself.
    settings: (url) => cecSettings(new URL(url).origin),
    shownSettings: cecSettings(''),
    secrets: {
      ak: CEC_SANDBOX_AK,
      sk: CEC_SANDBOX_SK,
      qc_app_key: CEC_SANDBOX_QC_APP_KEY,
      qc_app_secret: CEC_SANDBOX_QC_APP_SECRET,
    },
  },
];

export function builtInAccount(id: string): BuiltInAccount | undefined {
  return BUILT_IN_ACCOUNTS.find((account) => account.id === id);
}
