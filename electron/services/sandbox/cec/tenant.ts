/**
 * The CEC sandbox's built-in demo tenant. Its credentials are public on purpose, like the Sobot
 * sandbox's: the sandbox listens on loopback and holds invented data only. Every signed request
 * is still verified against them, so a client that signs wrongly fails here as it would at
 * Huawei.
 */
import { TEMPLATES } from '../templates';

export const CEC_SANDBOX_AK = 'SANDBOXDEMOAK0000001';
export const CEC_SANDBOX_SK = 'sandbox-demo-sk/CEC+secret=1';
export const CEC_SANDBOX_VDN_ID = 1;
export const CEC_SANDBOX_QC_APP_KEY = 'sandbox-demo-qc-app-key';
export const CEC_SANDBOX_QC_APP_SECRET = 'sandbox-demo-qc-app-secret';
/** The operator id the demo's QC service knows (x-UserId). */
export const CEC_SANDBOX_QC_USER_ID = '1611917095665261978';
/** The tenant's zone: calling hours and callTimeStr are its wall clock. */
export const CEC_SANDBOX_TIME_ZONE = 'Asia/Shanghai';

/** How far a signature's time may be from the sandbox's real clock, as at Huawei (~15 min). */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** Caller numbers the tenant may show. */
export const CEC_CALLER_NUMBERS: readonly string[] = ['02180344315', '01087654321'];

/** An IVR flow of the tenant: its access code (`ivrParam.deviceSign`) and its script. */
export interface CecFlow {
  accessCode: string;
  name: string;
  /** A Sobot sandbox template whose lines the robot speaks. */
  templateIndex: number;
}

/** The tenant's IVR flows (what the access-code query would list). */
export const CEC_FLOWS: readonly CecFlow[] = TEMPLATES.map((t, i) => ({
  accessCode: String(85000 + i),
  name: t.template_name,
  templateIndex: i,
}));

/** Numbers on the demo blocklist (0200024) unless the sandbox is given another list. */
export const DEFAULT_BLOCKLIST: readonly string[] = ['13800000000', '13900000000'];

/** Simultaneous IVR calls the tenant may hold. */
export const TENANT_LINES = 4;

/** Campaigns per device class that are not finished or deleted (max.liveliest.taskCount). */
export const MAX_LIVE_CAMPAIGNS = 20;

/** Numbers one campaign may hold (0200020 past it). */
export const MAX_CAMPAIGN_ROWS = 200_000;
