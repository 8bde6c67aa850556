import type { resultCalls } from '../../../shared/contracts/results';
import type { FeatureHandlers } from '../contract/dispatch';
import type { ResultsFeature } from './feature';

/** The handlers of `contracts/results.ts`, joined in createHandlers. */
export function resultHandlers(results: ResultsFeature): FeatureHandlers<typeof resultCalls> {
  return {
    'results:sources': () => results.sources(),
    'sync:start': ({ taskId }) => results.sync(taskId),
    'sync:cancel': ({ taskId }) => results.cancel(taskId),
    'sync:fetchCall': ({ taskId, outid }) => results.fetchCall(taskId, outid),
    'results:query': ({ source, filter, offset, limit }) =>
      results.queryOffMain(source, filter, offset, limit),
    'results:counts': ({ source, filter }) => results.countsOffMain(source, filter),
    'results:call': ({ callId }) => results.review(callId),
    'results:transcript': ({ callId, durationMs }) => results.transcript(callId, durationMs),
    'results:retryTranscript': ({ callId }) => results.retryTranscript(callId),
    'results:linkList': ({ taskId, listId }) => results.linkList(taskId, listId),
    'results:dashboard': ({ taskId }) => results.dashboardOffMain(taskId),
    'results:toList': (request) => results.toList(request),
    'recordings:open': ({ callId }) => results.openRecording(callId),
    'recordings:storePeaks': ({ key, peaks, peaksPerSecond, durationMs }) =>
      results.recordings.storePeaks(key, { peaks, peaksPerSecond, durationMs }),
    'push:state': () => results.push.state(),
    'push:configure': (request) => results.push.configure(request),
  };
}
