/**
 * The create-campaign body, after every documented check — nothing is sent when one fails.
 * Field names are those of Huawei's public demo and manual (`name`, `description`,
 * `strBeginTime`/`strEndTime` in UTC, `deviceType` 3 = IVR, `callerNo`, `maxAlertingTime`,
 * `scheduleParam.workdayBeginTimeN`/`workdayEndTimeN` for N = 1…3, `ivrParam.deviceSign` = the
 * flow's access code with `callCount`/`callInterval`, and `callBackUrl`).
 */
import { CecValidationError } from './errors';
import { formatUtcStamp } from './time';
import { DEVICE_TYPE_IVR, type CreateCampaignParams } from './types';

export const MAX_CAMPAIGN_NAME = 100;
export const MAX_DESCRIPTION = 200;
export const MAX_SLOTS = 3;
const DESCRIPTION_FORBIDDEN = /["[\]=;<>]/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

const invalid = (field: string, reason: string): never => {
  throw new CecValidationError(field, reason);
};

const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * The create body, after every documented check (nothing is sent when one fails).
 * @param now the client's clock: the begin time may not be before today (UTC); one earlier in the
 *   last day (today's local midnight east of UTC) becomes now
 * @throws CecValidationError naming the field
 */
export function createCampaignBody(p: CreateCampaignParams, now: number): Record<string, unknown> {
  const name = p.name.trim();
  if (name === '' || [...name].length > MAX_CAMPAIGN_NAME)
    invalid('name', `1 to ${MAX_CAMPAIGN_NAME} characters`);
  const description = p.description?.trim() ?? '';
  if ([...description].length > MAX_DESCRIPTION)
    invalid('description', `at most ${MAX_DESCRIPTION} characters`);
  if (DESCRIPTION_FORBIDDEN.test(description)) invalid('description', 'none of "[]=;<> allowed');
  if (!Number.isFinite(p.beginTime) || !Number.isFinite(p.endTime)) invalid('strBeginTime', 'not a time');
  // A begin within the last day starts now: "from today" east of UTC is local midnight, which is
  // still yesterday in UTC, and the platform refuses a begin before today (UTC) with 0200002.
  const beginTime = p.beginTime < now && p.beginTime > now - DAY_MS ? now : p.beginTime;
  if (beginTime < Math.floor(now / DAY_MS) * DAY_MS) invalid('strBeginTime', 'before today (UTC)');
  if (!(p.endTime > beginTime)) invalid('strEndTime', 'not after the begin time');
  if (p.slots.length < 1 || p.slots.length > MAX_SLOTS) invalid('scheduleParam', `1 to ${MAX_SLOTS} slots`);
  const slots = p.slots.map((s) => ({ begin: s.begin.trim(), end: s.end.trim() }));
  for (const s of slots) {
    if (!HHMM.test(s.begin) || !HHMM.test(s.end)) invalid('scheduleParam', 'times are HH:mm');
    if (minuteOf(s.end) <= minuteOf(s.begin)) invalid('scheduleParam', 'a slot ends before it begins');
  }
  const sorted = [...slots].sort((a, b) => minuteOf(a.begin) - minuteOf(b.begin));
  for (let i = 1; i < sorted.length; i++)
    if (minuteOf(sorted[i]!.begin) < minuteOf(sorted[i - 1]!.end)) invalid('scheduleParam', 'slots overlap');
  const callerNo = p.callerNo.trim();
  if (!/^[0-9*#]{1,24}$/.test(callerNo)) invalid('callerNo', '1 to 24 of 0-9 * #');
  const flow = p.flowAccessCode.trim();
  if (flow === '') invalid('ivrParam.deviceSign', 'the flow access code is missing');
  const alerting = p.maxAlertingTime ?? 60;
  if (!Number.isInteger(alerting) || alerting < 5 || alerting > 120)
    invalid('maxAlertingTime', '5 to 120 seconds');
  const callCount = p.callCount ?? 10;
  const callInterval = p.callInterval ?? 5;
  if (!Number.isInteger(callCount) || callCount < 1) invalid('ivrParam.callCount', 'a whole number ≥ 1');
  if (!Number.isInteger(callInterval) || callInterval < 0)
    invalid('ivrParam.callInterval', 'a whole number ≥ 0');
  if (p.callbackUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(p.callbackUrl.trim()))
    invalid('callBackUrl', 'an http(s) URL');

  const scheduleParam: Record<string, string> = {};
  sorted.forEach((s, i) => {
    scheduleParam[`workdayBeginTime${i + 1}`] = s.begin;
    scheduleParam[`workdayEndTime${i + 1}`] = s.end;
  });
  return {
    name,
    ...(description ? { description } : {}),
    strBeginTime: formatUtcStamp(beginTime),
    strEndTime: formatUtcStamp(p.endTime),
    deviceType: DEVICE_TYPE_IVR,
    callerNo,
    maxAlertingTime: alerting,
    scheduleParam,
    ivrParam: { deviceSign: flow, callCount, callInterval },
    ...(p.callbackUrl !== undefined ? { callBackUrl: p.callbackUrl.trim() } : {}),
  };
}
