/**
 * The outbound result callback: CC-iSales POSTs a bare JSON array of outcomes to the campaign's
 * callback URL and expects exactly `{"retCode":"0","retMsg":"success"}` with HTTP 200. A body
 * that is not an array is answered 400 (the platform will not get a success for it). The push
 * receiver calls this with the raw body and writes back whatever `answer` says.
 */
import { isJsonObject, JsonSyntaxError, parseTolerantJson, type JsonValue } from './json';
import { readCallOutcome } from './outcomes';
import type { CallOutcome } from './types';

/** The answer the platform expects for a callback it may consider delivered. */
export const CALLBACK_SUCCESS_BODY = '{"retCode":"0","retMsg":"success"}';

/** What to write back, and what was received. */
export type CallbackResult =
  | {
      ok: true;
      outcomes: CallOutcome[];
      /** Array items that were not objects (left out; counted for the log). */
      skipped: number;
      answer: { status: 200; contentType: string; body: string };
    }
  | { ok: false; reason: string; answer: { status: 400; contentType: string; body: string } };

const JSON_TYPE = 'application/json;charset=UTF-8';

function refuse(reason: string): CallbackResult {
  return {
    ok: false,
    reason,
    answer: { status: 400, contentType: JSON_TYPE, body: JSON.stringify({ retCode: '1', retMsg: reason }) },
  };
}

/**
 * Parses a callback body.
 * @param body the raw request body (UTF-8 bytes or text)
 * @param timeZone the account's zone, for callTimeStr
 */
export function parseOutcomeCallback(body: string | Uint8Array, timeZone: string): CallbackResult {
  const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
  let root: JsonValue;
  try {
    root = parseTolerantJson(text.trim());
  } catch (err) {
    return refuse(err instanceof JsonSyntaxError && err.truncated ? 'truncated JSON' : 'not JSON');
  }
  if (!Array.isArray(root)) return refuse('the body is not a JSON array');
  const items = root.filter(isJsonObject);
  return {
    ok: true,
    outcomes: items.map((item) => readCallOutcome(item, timeZone)),
    skipped: root.length - items.length,
    answer: { status: 200, contentType: JSON_TYPE, body: CALLBACK_SUCCESS_BODY },
  };
}
