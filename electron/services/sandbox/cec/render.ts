/**
 * Calls and campaigns as the platform shows them. The shapes follow the manual's examples:
 * the callback's `callStatus` is a number and `failCode` `"0"` on success; the result detail's
 * `callStatus` a string and `failCode` `"00000"`; times without a zone, in the tenant's wall
 * clock; `vdnId` a number. Recordings are reached by a CC-FS drive path, a signed
 * object-storage link, or (empty path) by callId.
 */
import { formatZonedStamp } from '../../huawei/time';
import { hash32 } from '../random';
import { campaignStatus } from './dialer';
import type { CecCall, CecCampaign } from './store';
import { CEC_SANDBOX_TIME_ZONE, CEC_SANDBOX_VDN_ID } from './tenant';

/** The object-storage stand-in's path prefix. */
export const OBS_PREFIX = '/cec-obs/isales/record/';

const zoned = (ms: number): string => formatZonedStamp(ms, CEC_SANDBOX_TIME_ZONE);

/** The CC-FS file name of a call's recording (a drive path, like the fragments' example). */
export function driveFileName(call: CecCall): string {
  const day = zoned(call.startTime).slice(0, 10).replace(/-/g, '');
  return `Y:/1/${CEC_SANDBOX_VDN_ID}/${day}/${hash32(call.callId) % 10_000}/${call.callId}.V3`;
}

/** `recordPath` as the outcome carries it. */
export function recordPathOf(call: CecCall, origin: string): string {
  switch (call.plan.recording) {
    case 'drive':
      return driveFileName(call);
    case 'url': {
      const expires = Math.floor(call.plan.endTime / 1000) + 7 * 86_400;
      return `${origin}${OBS_PREFIX}${call.callId}?AccessKeyId=SANDBOXOBS&Expires=${expires}&Signature=${hash32(call.callId, 5).toString(16)}`;
    }
    default:
      return '';
  }
}

/** One outcome, as the callback pushes it or the result query lists it. */
export function wireOutcome(campaign: CecCampaign, call: CecCall, origin: string): Record<string, unknown> {
  const success = call.plan.callStatus === 6;
  return {
    campaignId: campaign.id,
    sessionId: call.row.sessionId,
    called: call.row.called,
    callTimeStr: zoned(call.startTime),
    callStatus: call.plan.callStatus,
    failCode: success ? '0' : call.plan.failCode,
    vdnId: CEC_SANDBOX_VDN_ID,
    callId: call.wireCallId,
    customField: call.row.customField,
    recordPath: recordPathOf(call, origin),
  };
}

/** callresultdetail's `data`. */
export function wireDetail(call: CecCall, origin: string): Record<string, unknown> {
  const p = call.plan;
  return {
    callId: call.wireCallId,
    called: call.row.called,
    callEndTime: zoned(p.endTime),
    vdnId: CEC_SANDBOX_VDN_ID,
    callStatus: String(p.callStatus),
    failCode: p.failCode,
    resultCode: p.callStatus === 6 ? 'OB99999' : 'OB00000',
    callBeginTime: p.answerTime > 0 ? zoned(p.answerTime) : '',
    recordPath: recordPathOf(call, origin),
    ackBeginTime: zoned(p.ackTime),
  };
}

const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** A campaign as list and detail show it (campaignId as a bare number, as ids often come). */
export function wireCampaign(c: CecCampaign, now: number): Record<string, unknown> {
  const s = c.settings;
  return {
    campaignId: Number(c.id),
    name: s.name,
    description: s.description,
    status: campaignStatus(c, now),
    strBeginTime: utc(s.beginTime),
    strEndTime: utc(s.endTime),
    deviceType: s.deviceType,
    callerNo: s.callerNo,
    maxAlertingTime: s.maxAlertingTime,
  };
}
