/**
 * The result push (document 2.6): Sobot POSTs each finished call to the task's push_url. The
 * vendor's own example is not valid JSON (bare `02180344315`, `000000`, `18207736077`), so it
 * goes through the tolerant reader and the same normalisers as query_task_data.
 */
import { TransportError } from '../http/errors';
import {
  isJsonObject,
  JsonSyntaxError,
  parseTolerantJson,
  type JsonObject,
  type JsonValue,
} from '../http/tolerantJson';
import { ShapeError } from './normalize';
import { makeExcerpt } from './transport';
import { toCallData } from './results';
import type { CallData } from './types';

/** Finds the `{ detail, msg }` object: `result.data` as documented, or shallower wrappers. */
function findCallData(root: JsonObject): JsonValue | undefined {
  const result = root['result'];
  if (isJsonObject(result) && isJsonObject(result['data'])) return result['data'];
  if (isJsonObject(root['data'])) return root['data'];
  if (isJsonObject(root['detail'])) return root;
  return undefined;
}

/**
 * Parses a pushed call result into `{ detail, msg }`, normalised exactly like query_task_data.
 * @param text the raw request body
 * @param secrets strings to redact from the excerpt kept on an error (e.g. the signature)
 * @throws TransportError `net.bad_response` (endpoint `push`) for anything unreadable
 */
export function parsePushPayload(text: string, secrets: string[] = []): CallData {
  const bad = (reason: string): never => {
    throw new TransportError({
      code: 'net.bad_response',
      endpoint: 'push',
      sent: 'yes',
      excerpt: makeExcerpt(text, secrets),
      reason,
    });
  };
  let root: JsonValue;
  try {
    root = parseTolerantJson(text.trim());
  } catch (err) {
    return bad(err instanceof JsonSyntaxError && err.truncated ? 'truncated JSON' : 'not JSON');
  }
  if (!isJsonObject(root)) return bad('not a JSON object');
  const data = findCallData(root);
  if (data === undefined) return bad('no result.data.detail');
  try {
    return toCallData(data);
  } catch (err) {
    if (err instanceof ShapeError) return bad(err.message);
    throw err;
  }
}
