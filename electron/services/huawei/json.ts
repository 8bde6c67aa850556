/**
 * The number-preserving JSON reader, shared with the Sobot client: CEC answers carry 19-digit
 * dataIds and callIds that a JavaScript number would round, so no answer goes through
 * `JSON.parse`. One import point, so the reader can move to a neutral folder in one line.
 */
export {
  parseTolerantJson,
  isJsonObject,
  JsonNumber,
  JsonSyntaxError,
  type JsonObject,
  type JsonValue,
} from '../sobot/json';
