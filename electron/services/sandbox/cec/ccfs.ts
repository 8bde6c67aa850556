/**
 * CC-FS in the sandbox: `downloadRecord` by fileName or callId and `ivr/downloadFile`. Success
 * is the WAV's bytes (`Application/Octet-stream;charset=UTF-8`, as the fragments say); failure
 * is HTTP 200 with JSON `resultCode 03000xx`. A callId whose recording came in two parts answers
 * a zip of both (the call's own recording first).
 */
import { deflateRawSync } from 'node:zlib';
import { ccfsFail } from './codes';
import { recordingMs, renderCecRecording, renderPrompt } from './audio';
import { driveFileName } from './render';
import type { CecState } from './state';
import type { CecCall } from './store';
import { CEC_SANDBOX_VDN_ID } from './tenant';

/** What a CC-FS handler answers. */
export type CcfsReply = { kind: 'file'; bytes: Buffer } | { kind: 'json'; body: Record<string, unknown> };

const noFile = (detail?: string): CcfsReply => ({ kind: 'json', body: ccfsFail('0300011', detail) });

function hasRecording(call: CecCall | undefined): call is CecCall {
  return call !== undefined && call.plan.recording !== 'none' && recordingMs(call) > 0;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A minimal deflated zip of the given files (what the platform sends for several recordings). */
export function zipFiles(files: { name: string; bytes: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = deflateRawSync(f.bytes);
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(f.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(f.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `downloadRecord`: `{msgBody: {fileName}}` or `{msgBody: {callId}}`. */
export function downloadRecord(state: CecState, body: Record<string, unknown> | null): CcfsReply {
  const msg = (body?.['msgBody'] ?? {}) as Record<string, unknown>;
  const fileName = typeof msg['fileName'] === 'string' ? msg['fileName'] : '';
  const callId = typeof msg['callId'] === 'string' ? msg['callId'] : '';
  if (fileName !== '') {
    const id = /\/([^/]+)\.V3$/.exec(fileName)?.[1];
    const call = id ? state.store.callsById.get(id) : undefined;
    if (!hasRecording(call) || call.plan.recording !== 'drive' || driveFileName(call) !== fileName)
      return noFile(fileName);
    return { kind: 'file', bytes: renderCecRecording(call) };
  }
  if (callId !== '') {
    const call = state.store.callsById.get(callId);
    if (!hasRecording(call)) return noFile(callId);
    const recording = renderCecRecording(call);
    if (call.plan.recording !== 'zip') return { kind: 'file', bytes: recording };
    // Two parts: the call, then the robot's prompt (a transfer leg in a real tenant).
    return {
      kind: 'file',
      bytes: zipFiles([
        { name: `${callId}_1.wav`, bytes: recording },
        { name: `${callId}_2.wav`, bytes: renderPrompt() },
      ]),
    };
  }
  return { kind: 'json', body: ccfsFail('0300011', 'fileName or callId') };
}

const VOICEBOT = `/3rdfile/${CEC_SANDBOX_VDN_ID}/thirdvoicebotfile`;
const IVR_FOLDER = `/3rdfile/${CEC_SANDBOX_VDN_ID}/IVRrecordFile`;

/**
 * `ivr/downloadFile`: mode "1" takes a folder that must hold exactly one file (the voicebot
 * folder holds the robot's prompt; the IVR folder holds two, so it is refused); otherwise the
 * path must name a file under the tenant's rule.
 */
export function downloadIvrFile(body: Record<string, unknown> | null): CcfsReply {
  const msg = (body?.['msgBody'] ?? {}) as Record<string, unknown>;
  const path = (typeof msg['filePath'] === 'string' ? msg['filePath'] : '')
    .replace(/^[A-Za-z]:/, '')
    .replace(/\/+$/, '');
  if (msg['mode'] === '1' || msg['mode'] === 1) {
    if (path === VOICEBOT) return { kind: 'file', bytes: renderPrompt() };
    return noFile(path === IVR_FOLDER ? 'the folder holds more than one file' : path);
  }
  if (path === `${VOICEBOT}/prompt.wav`) return { kind: 'file', bytes: renderPrompt() };
  return noFile(path);
}
