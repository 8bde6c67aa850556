/**
 * A CEC call's recording: stereo 8 kHz G.711 A-law, the customer on the left channel and the
 * robot on the right (the QC example's `left_channel: customer`, `right_channel: staff`), from
 * the answer to the hang-up. Each line of the plan is heard exactly where its QC segment says,
 * so the waveform, the transcript and the audio agree.
 */
import { hash32 } from '../random';
import { encodeWav, interleave, synthesize, type AudioSegment } from '../wav';
import type { CecCall } from './store';

/** The recording's length in ms (0 for a call that was not answered). */
export function recordingMs(call: CecCall): number {
  const { answerTime, endTime } = call.plan;
  return answerTime > 0 ? endTime - answerTime : 0;
}

/** The WAV bytes of a call's recording. */
export function renderCecRecording(call: CecCall): Buffer {
  const total = recordingMs(call);
  const channel = (side: 'left' | 'right'): AudioSegment[] =>
    call.plan.lines
      .filter((l) => l.channel === side)
      .map((l) => ({
        offsetMs: l.startMs,
        durationMs: l.endMs - l.startMs,
        kind: side === 'left' ? 'customer' : 'robot',
      }));
  const left = synthesize(total, channel('left'), hash32(call.callId, 11));
  const right = synthesize(total, channel('right'), hash32(call.callId, 13));
  return encodeWav(interleave(left, right), 'alaw', 2);
}

/** The single prompt file of the voicebot folder (`ivr/downloadFile` mode 1). */
export function renderPrompt(): Buffer {
  const segments: AudioSegment[] = [{ offsetMs: 200, durationMs: 2_400, kind: 'robot' }];
  return encodeWav(synthesize(3_000, segments, 424242), 'alaw');
}
