/**
 * Recordings served by the sandbox: a call's recording is built on request from its plan (never
 * stored for every call), and template first-node clips from the template's script.
 *
 * A connected call's recording covers answer_time → end_time, so its length equals
 * fee_duration, and each utterance is heard from `date_time − answer_time` (clamped to 0: the
 * first robot line is stamped while the phone still rings and plays from the answer). An
 * unanswered call's recording covers start_time → end_time: ring-back or busy tone, or the
 * operator's announcement for a number that is off, suspended or vacant. Every fifth call (by
 * callid hash) is A-law, as real recordings often are.
 */

import type { CallPlan } from './call-plan';
import { hash32 } from './random';
import { speechMs } from './call-plan';
import type { SandboxTemplate } from './templates';
import { encodeWav, synthesize, type AudioSegment, type WavEncoding } from './wav';

export const MEDIA_PREFIX = '/sandbox-media/';

/** The URL of a call's recording on the sandbox. */
export function callRecordingUrl(origin: string, callid: string): string {
  return `${origin}${MEDIA_PREFIX}call/${callid}.wav`;
}

/** The URLs of a template's first-node recordings, comma-joined as `record` is on the wire. */
export function templateRecordUrls(origin: string, template: SandboxTemplate): string {
  const urls: string[] = [];
  for (let n = 1; n <= template.recordCount; n++) {
    urls.push(`${origin}${MEDIA_PREFIX}template/${template.templateid}/${n}.wav`);
  }
  return urls.join(',');
}

/** Which WAV encoding a call's recording uses. */
export function recordingEncoding(callid: string): WavEncoding {
  return hash32(callid) % 5 === 0 ? 'alaw' : 'pcm16';
}

/** Where sounds sit on the recording's timeline, and how long the recording is. */
export function recordingLayout(plan: CallPlan): { totalMs: number; segments: AudioSegment[] } {
  if (plan.answerTime > 0) {
    const segments = plan.utterances.map((u) => ({
      offsetMs: Math.max(0, u.at - plan.answerTime),
      durationMs: u.durationMs,
      kind: u.sender === 1 ? ('robot' as const) : ('customer' as const),
    }));
    return { totalMs: plan.endTime - plan.answerTime, segments };
  }
  const totalMs = plan.endTime - plan.startTime;
  const after = (offsetMs: number): number => Math.max(0, totalMs - offsetMs);
  switch (plan.status) {
    case 3:
    case 7:
      return { totalMs, segments: [{ offsetMs: 1500, durationMs: after(1500), kind: 'ringback' }] };
    case 9:
      return { totalMs, segments: [{ offsetMs: 500, durationMs: after(500), kind: 'busy' }] };
    default:
      return { totalMs, segments: [{ offsetMs: 800, durationMs: after(1100), kind: 'announcement' }] };
  }
}

/** The WAV bytes of a call's recording. */
export function renderCallRecording(callid: string, plan: CallPlan): Buffer {
  const { totalMs, segments } = recordingLayout(plan);
  return encodeWav(synthesize(totalMs, segments, hash32(callid, 7)), recordingEncoding(callid));
}

/** The WAV bytes of a template's n-th first-node clip (the opening line, then a short pause). */
export function renderTemplateClip(template: SandboxTemplate, n: number): Buffer {
  const line = template.nodes[0]?.robot ?? '';
  const durationMs = Math.min(6_000, speechMs(line, 1));
  const segments: AudioSegment[] = [{ offsetMs: 200, durationMs, kind: 'robot' }];
  return encodeWav(synthesize(durationMs + 500, segments, hash32(`${template.templateid}/${n}`)), 'pcm16');
}

/** A tiny LRU so an audio element's successive Range requests do not re-synthesise the file. */
export class RecordingCache {
  private readonly entries = new Map<string, Buffer>();
  constructor(private readonly capacity = 8) {}

  get(key: string, build: () => Buffer): Buffer {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = build();
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
