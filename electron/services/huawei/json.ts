/**
 * The number-preserving JSON reader, shared with the Sobot client: CEC answers carry 19-digit
 * dataIds and callIds that a JavaScript number would round, so no answer goes through
 * `JSON.parse`. It lives in the neutral http/ folder; this is the CEC client's one import point.
 */
export {
  parseTolerantJson,
  isJsonObject,
  JsonNumber,
  JsonSyntaxError,
  type JsonObject,
  type JsonValue,
} from '../http/tolerantJson';
