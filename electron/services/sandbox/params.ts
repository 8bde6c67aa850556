/**
 * Request parameters, whatever way they came: the query string (GET), a form-encoded body (the
 * vendor demo's POST), a JSON body (the advanced option) or multipart/form-data (file upload).
 * Query parameters are merged under body parameters, as a Spring server does.
 */

import { reject } from './codes';

/** The workbook sent as `data_file`. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export class RequestParams {
  constructor(
    private readonly values: ReadonlyMap<string, unknown>,
    /** The `data_file` part of a multipart body, if any. */
    readonly file: UploadedFile | null = null,
  ) {}

  /** A parameter as trimmed text; undefined when absent or blank. */
  text(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    const text = (
      typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
    ).trim();
    return text === '' ? undefined : text;
  }

  /** A parameter as it arrived (a JSON body may carry `data` as an array rather than a string). */
  raw(name: string): unknown {
    return this.values.get(name);
  }
}

/** A strict integer (`"4"`, `4`); undefined for anything else (`"4.5"`, `"four"`, `""`). */
export function strictInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d{1,16}$/.test(text)) return undefined;
  return Number(text);
}

/** Builds the parameters of a request from its query string and body. */
export async function parseParams(
  query: URLSearchParams,
  contentType: string,
  body: Buffer | null,
): Promise<RequestParams> {
  const values = new Map<string, unknown>();
  for (const [key, value] of query) if (!values.has(key)) values.set(key, value);
  if (!body || body.length === 0) return new RequestParams(values);
  const type = contentType.toLowerCase();

  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      reject('329999', '请求体不是合法的JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      reject('329999', '请求体不是JSON对象');
    for (const [key, value] of Object.entries(parsed)) values.set(key, value);
    return new RequestParams(values);
  }

  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Request('http://sandbox.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        // A plain Uint8Array copy: accepted as a body by both Node's and the DOM's typings.
        body: Uint8Array.from(body),
      }).formData();
    } catch {
      reject('329999', 'multipart请求体无法解析');
    }
    let file: UploadedFile | null = null;
    for (const [key, value] of form) {
      if (typeof value === 'string') values.set(key, value);
      else if (key === 'data_file' && !file) {
        file = { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
      }
    }
    return new RequestParams(values, file);
  }

  // Form-encoded, and the default for a body without a content type (Java's URLConnection
  // sends form-encoded data labelled as such, but be lenient about the header).
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) values.set(key, value);
  return new RequestParams(values);
}
