/**
 * The single demo account the sandbox serves. Its credentials are public on purpose: the sandbox
 * only listens on loopback by default and holds nothing but invented data.
 */

export const SANDBOX_APPID = 'sandbox-demo-appid';
export const SANDBOX_SIGNATURE = 'sandbox-demo-signature';
export const SANDBOX_EMAIL = 'demo@sandbox.local';

/** Robots the account owns; every task's `robot_num` draws from this pool. */
export const ACCOUNT_ROBOTS = 4;

/** Caller (外显) numbers configured on the account, with their line concurrency. */
export const CALLER_NUMBERS: readonly { telephone: string; count: number }[] = [
  { telephone: '02180344315', count: 2 },
  { telephone: '01087654321', count: 2 },
];

/** Whether the pair is the demo account's. */
export function credentialsMatch(appid: string | undefined, signature: string | undefined): boolean {
  return appid === SANDBOX_APPID && signature === SANDBOX_SIGNATURE;
}

/** Whether the number is one of the account's caller numbers. */
export function isAccountCaller(telephone: string): boolean {
  return CALLER_NUMBERS.some((c) => c.telephone === telephone);
}
