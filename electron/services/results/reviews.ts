import type { CallReview, RecordingInfo, Utterance } from '../../../shared/results';
import type { RecordingService } from '../recordings/service';
import type { CallStore } from './callStore';
import { failure } from './failure';
import type { ResultsFeatureDeps } from './featureDeps';
import { ResultsReader, type StoredReview } from './resultsQuery';

/**
 * One call as the review pane shows it: its stored transcript placed on the recording by the
 * provider's rule, what the provider sends on review (transcripts, times), and its recording.
 */
export class CallReviews {
  constructor(
    private readonly deps: Pick<ResultsFeatureDeps, 'accounts' | 'broadcast' | 'log'>,
    private readonly calls: CallStore,
    private readonly reader: ResultsReader,
    private readonly recordings: RecordingService,
    private readonly now: () => number,
  ) {}

  /** The active account: the calls reviewed are its calls. */
  private get accountId(): string {
    return this.deps.accounts.activeId();
  }

  /** One row's latest call, stored under the task; null when not called yet (or not looked up by this provider). */
  async fetchCall(taskId: string, outid: string): Promise<CallReview | null> {
    const accountId = this.accountId;
    const { provider } = await this.deps.accounts.sessionFor(accountId);
    const call = provider.rowCall ? await provider.rowCall(taskId, outid) : null;
    if (!call) return null;
    this.calls.ingest([call], { accountId, taskId, now: this.now() });
    this.deps.broadcast?.('results:changed', { accountId, taskId });
    const stored = this.reader.call(accountId, call.id);
    return stored ? this.placed(stored, null) : null;
  }

  /** A call with its transcript; lines are placed once the recording's length is known (`transcript`). */
  call(callId: string): CallReview {
    return this.placed(this.stored(callId), null);
  }

  /**
   * A call as the review pane opens it. Where the provider's transcripts come on their own
   * (`capabilities.transcripts` `on_review`: CEC quality inspection), one still pending is
   * fetched now and stored once ready or failed; pending stays pending for the next review.
   * A connected call whose results carried no end (CEC's outcomes) has its times looked up too
   * (`Provider.callTiming`) and stored. A lookup that fails (network, refused) is logged and
   * leaves what is stored.
   */
  async review(callId: string): Promise<CallReview> {
    const stored = this.stored(callId);
    const factory = this.deps.accounts.factoryFor(this.accountId);
    const wantsTranscript =
      factory.info.capabilities.transcripts === 'on_review' && stored.transcript === 'pending';
    const wantsTiming =
      factory.info.capabilities.durations === 'on_review' &&
      stored.call.outcome === 'connected' &&
      stored.call.endedAt === null;
    if (!wantsTranscript && !wantsTiming) return this.placed(stored, null);
    const accountId = this.accountId;
    const warn = (what: string) => (error: unknown) => {
      this.deps.log?.warn(what, { callId, error: String(error) });
      return null;
    };
    let provider;
    try {
      ({ provider } = await this.deps.accounts.sessionFor(accountId));
    } catch (error) {
      warn('review: provider unavailable; the stored call is shown')(error);
      return this.placed(stored, null);
    }
    const [timing, fetched] = await Promise.all([
      wantsTiming && provider.callTiming
        ? provider.callTiming(callId).catch(warn('call times lookup failed; they stay unknown'))
        : null,
      wantsTranscript && provider.fetchTranscript
        ? provider.fetchTranscript(callId).catch(warn('transcript fetch failed; it stays pending'))
        : null,
    ]);
    if (timing) this.calls.storeTiming(accountId, callId, timing, this.now());
    if (fetched && fetched.state !== 'pending')
      this.calls.storeTranscript(accountId, callId, fetched, this.now());
    return timing || (fetched && fetched.state !== 'pending')
      ? this.placed(this.stored(callId), null)
      : this.placed(stored, null);
  }

  /**
   * Asks the provider for a call's transcript again, whatever is stored: the operator's retry of
   * one that failed (quality inspection may have run again) or is still pending. What it answers
   * is stored, pending included; a fetch that fails throws (the pane says why) and stores
   * nothing. A ready transcript, or a provider whose transcripts come with the call, is left as
   * it is.
   */
  async retryTranscript(callId: string): Promise<CallReview> {
    const stored = this.stored(callId);
    const factory = this.deps.accounts.factoryFor(this.accountId);
    if (factory.info.capabilities.transcripts !== 'on_review' || stored.transcript === 'ready')
      return this.placed(stored, null);
    const accountId = this.accountId;
    const { provider } = await this.deps.accounts.sessionFor(accountId);
    const fetched = await provider.fetchTranscript?.(callId);
    if (!fetched) return this.placed(stored, null);
    this.calls.storeTranscript(accountId, callId, fetched, this.now());
    return this.placed(this.stored(callId), null);
  }

  /** The call's transcript placed on its recording of `durationMs` by the provider's rule. */
  transcript(callId: string, durationMs: number | null): Utterance[] {
    return this.placed(this.stored(callId), durationMs).utterances;
  }

  async openRecording(callId: string): Promise<RecordingInfo> {
    const ref = this.reader.recording(this.accountId, callId);
    if (ref === undefined) throw failure('results.call_not_found');
    if (ref === null) return this.recordings.open(null);
    const { provider, trustedHosts } = await this.deps.accounts.sessionFor(this.accountId);
    return this.recordings.open(ref, provider.fetchRecording?.bind(provider), trustedHosts);
  }

  private stored(callId: string): StoredReview {
    const review = this.reader.call(this.accountId, callId);
    if (!review) throw failure('results.call_not_found');
    return review;
  }

  private placed(review: StoredReview, durationMs: number | null): CallReview {
    const factory = this.deps.accounts.factoryFor(this.accountId);
    return {
      call: review.call,
      utterances: factory.placeTranscript(ResultsReader.timing(review.call), review.lines, durationMs),
      transcript: review.transcript,
    };
  }
}
