/**
 * One call's outcome, from the callback or the result query (both carry the fragments' fields:
 * campaignId, sessionId, called, callTimeStr, callStatus, failCode, vdnId, callId, customField,
 * recordPath), normalised once.
 *
 * A call the platform never placed (failCode 34605 empty number, 34606 dial attempt failed)
 * comes with an empty callId; it still needs a stable key so a repeated push or an overlapping
 * result window adds nothing. That key is derived from what identifies the attempt — campaign,
 * sessionId, called and call time — so the callback and the query derive the same one.
 */
import { createHash } from 'node:crypto';
import { wireInt, wireText } from './fields';
import type { JsonObject } from './json';
import { parseZonedStamp } from './time';
import type { CallOutcome } from './types';

/** Prefix of a derived id; a real callId (`0023-134864174`, `1644464743-1388`) never has it. */
export const DERIVED_ID_PREFIX = 'derived:';

/** The stable id of a call without a callId. */
export function derivedCallId(parts: {
  campaignId: string;
  sessionId: string;
  called: string;
  callTimeStr: string;
}): string {
  const key = [parts.campaignId, parts.sessionId, parts.called, parts.callTimeStr].join('\u0000');
  return `${DERIVED_ID_PREFIX}${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}`;
}

/** Reads one outcome object; `timeZone` is the account's (callTimeStr has no zone). */
export function readCallOutcome(item: JsonObject, timeZone: string): CallOutcome {
  const campaignId = wireText(item['campaignId']);
  const sessionId = wireText(item['sessionId']);
  const called = wireText(item['called']);
  const callTimeStr = wireText(item['callTimeStr']);
  const callId = wireText(item['callId']);
  const derived = callId === '';
  return {
    id: derived ? derivedCallId({ campaignId, sessionId, called, callTimeStr }) : callId,
    derivedId: derived,
    campaignId,
    sessionId,
    called,
    callTimeStr,
    callTime: callTimeStr === '' ? null : parseZonedStamp(callTimeStr, timeZone),
    callStatus: wireInt(item['callStatus']),
    failCode: wireText(item['failCode']),
    vdnId: wireText(item['vdnId']),
    callId,
    customField: wireText(item['customField']),
    recordPath: wireText(item['recordPath']),
  };
}
