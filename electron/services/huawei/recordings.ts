/**
 * Call recordings. Which call fetches one depends on the form of `recordPath`:
 * - an http(s) URL (a signed object-storage link): a plain GET, done by the app's media proxy
 *   (the caller gets a marker, not bytes);
 * - a drive path `Y:/…` to a file: CC-FS `downloadRecord` by fileName;
 * - a voicebot or IVR folder (the tenant's rule: `/voice/<vdn>/IVRrecordFile`,
 *   `/3rdfile/<vdn>/IVRrecordFile`, `/3rdfile/<vdn>/thirdvoicebotfile`): `ivr/downloadFile`
 *   with mode `"1"` (a string, signed as sent), the folder holding exactly one file;
 * - empty: no recording (or `downloadRecord` by callId, when the caller asks for it).
 *
 * CC-FS answers the WAV's bytes, or HTTP 200 with JSON `resultCode 03000xx` on failure:
 * 0300008 is flow control (waited out with backoff), 0300011 "no such file". A callId with
 * several recordings answers a zip: its first `.wav` is taken. No Range header is ever sent
 * to CC-FS; the app's own media route serves ranges from the cached file.
 */
import { abortedError } from '../http/errors';
import { CecError, CecRecordingError } from './errors';
import type { CecTransport } from './transport';
import type { RecordingSource } from './types';
import { firstWav, isZip, ZipReadError } from './zip';

export const CCFS_IVR_DOWNLOAD = '/CCFS/resource/ccfs/ivr/downloadFile';
export const CCFS_DOWNLOAD_RECORD = '/CCFS/resource/ccfs/downloadRecord';
/** CC-FS flow control: wait and ask again. */
export const CCFS_FLOW_CONTROL = '0300008';
export const CCFS_NO_FILE = '0300011';
/** A recording larger than this is refused (an hour of 8 kHz stereo A-law is ≈ 58 MB). */
export const DEFAULT_MAX_RECORDING_BYTES = 128 * 1024 * 1024;

const FOLDER =
  /^(?:[A-Za-z]:)?[\\/]*(?:voice|3rdfile)[\\/]\d+[\\/](?:IVRrecordFile|thirdvoicebotfile)[\\/]*$/i;
const DRIVE = /^[A-Za-z]:[\\/]/;

/** How the recording of a call with this `recordPath` is fetched. */
export function recordingSource(recordPath: string, callId?: string): RecordingSource {
  const path = recordPath.trim();
  if (/^https?:\/\//i.test(path)) return { kind: 'url', url: path };
  if (FOLDER.test(path)) return { kind: 'ccfs-ivr', filePath: path };
  if (DRIVE.test(path)) return { kind: 'ccfs-record', fileName: path };
  if (path === '' && callId) return { kind: 'ccfs-call', callId };
  return { kind: 'none' };
}

/** What a recording fetch gave. */
export type RecordingFetch =
  | { kind: 'wav'; bytes: Uint8Array; contentType: string; entryName?: string }
  /** Fetch this signed URL through the media proxy (a plain GET, no CEC signature). */
  | { kind: 'url'; url: string }
  | { kind: 'none' };

const isWav = (b: Uint8Array): boolean =>
  b.length >= 12 &&
  String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === 'RIFF' &&
  String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!) === 'WAVE';

/** Options of a download. */
export interface RecordingOptions {
  signal?: AbortSignal;
  maxBytes?: number;
  /** Waits before asking again after 0300008 (default 1 s, 2 s, 4 s; then the error stands). */
  flowControlDelaysMs?: readonly number[];
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortedError('downloadRecording'));
      },
      { once: true },
    );
  });

/** Downloads a recording from CC-FS (or says where else to get it). */
export async function downloadRecording(
  t: CecTransport,
  source: RecordingSource,
  options: RecordingOptions = {},
): Promise<RecordingFetch> {
  if (source.kind === 'none') return { kind: 'none' };
  if (source.kind === 'url') return { kind: 'url', url: source.url };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RECORDING_BYTES;
  const path = source.kind === 'ccfs-ivr' ? CCFS_IVR_DOWNLOAD : CCFS_DOWNLOAD_RECORD;
  const json =
    source.kind === 'ccfs-ivr'
      ? { request: { version: '2.0' }, msgBody: { filePath: source.filePath, mode: '1' } }
      : {
          msgBody: source.kind === 'ccfs-record' ? { fileName: source.fileName } : { callId: source.callId },
        };
  const delays = options.flowControlDelaysMs ?? [1000, 2000, 4000];
  const sleep = options.sleep ?? defaultSleep;
  const operation = 'downloadRecording';
  for (let attempt = 0; ; attempt++) {
    let answer;
    try {
      answer = await t.binary(
        { operation, method: 'POST', path, json, idempotent: true, signal: options.signal },
        maxBytes,
      );
    } catch (err) {
      const wait = delays[attempt];
      if (err instanceof CecError && err.code === CCFS_FLOW_CONTROL && wait !== undefined) {
        await sleep(wait, options.signal);
        continue;
      }
      throw err;
    }
    if (answer.kind === 'json') throw new CecRecordingError('JSON without a file');
    const { bytes, contentType } = answer;
    if (isWav(bytes)) return { kind: 'wav', bytes, contentType };
    if (isZip(bytes)) {
      let entry;
      try {
        entry = firstWav(bytes, maxBytes);
      } catch (err) {
        if (err instanceof ZipReadError) throw new CecRecordingError(err.message);
        throw err;
      }
      if (!entry || !isWav(entry.bytes)) throw new CecRecordingError('no .wav in the zip');
      return { kind: 'wav', bytes: entry.bytes, contentType: 'audio/wav', entryName: entry.name };
    }
    throw new CecRecordingError('not a WAV file');
  }
}
