/**
 * Huawei Cloud CEC shapes, in the vendor's field names (this folder is the provider's edge; the
 * adapter maps them onto the domain). Digit strings — campaign ids, dataIds, callIds, phones,
 * codes — are strings: they never pass through a JavaScript number.
 */
import type { CecNumberProblem } from '../../../shared/codes/huaweiCec';

/** Campaign status: 2 running (also "not begun yet" and "all dialled"), 3 paused, 4 finished. */
export type CampaignStatus = 2 | 3 | 4;

/**
 * The outbound device: 3 is the IVR (a robot flow) of automatic outbound calls, the only kind
 * this app creates. 2, 5 and 6 are agent skill queues (predicted, previewed, preempted).
 */
export const DEVICE_TYPE_IVR = 3;

/** One calling-hours slot, `HH:mm` in the tenant's time zone, end after start. */
export interface CallingSlot {
  begin: string;
  end: string;
}

/** What creating a campaign takes (checked before sending: see campaigns.ts). */
export interface CreateCampaignParams {
  /** ≤ 100 characters, unique in the tenant. */
  name: string;
  /** ≤ 200 characters, none of `"[]=;<>`. */
  description?: string;
  /** Epoch ms; sent as `yyyy-MM-dd HH:mm:ss` in UTC, not before today. */
  beginTime: number;
  endTime: number;
  /** 1 to 3 slots. */
  slots: readonly CallingSlot[];
  /** Shown to the callee: 1–24 of `0-9*#`. */
  callerNo: string;
  /** The IVR flow's access code (`ivrParam.deviceSign`). */
  flowAccessCode: string;
  /** Ring at most this long, 5–120 s (default 60). */
  maxAlertingTime?: number;
  /** Where the platform pushes each outcome (`callBackUrl`); omitted for none. */
  callbackUrl?: string;
  /** IVR calls placed per round and seconds between rounds (`ivrParam`), defaults 10 and 5. */
  callCount?: number;
  callInterval?: number;
}

/** A campaign as list or detail answers it. Unknown values are null, never guessed. */
export interface Campaign {
  campaignId: string;
  name: string;
  description: string | null;
  /** Null when the answer carried no documented status. */
  status: CampaignStatus | null;
  /** The raw status as sent, for display of undocumented values. */
  rawStatus: string | null;
  /** `yyyy-MM-dd HH:mm:ss` (UTC) as sent, and as epoch ms. */
  strBeginTime: string | null;
  strEndTime: string | null;
  beginTime: number | null;
  endTime: number | null;
  deviceType: number | null;
  callerNo: string | null;
}

/** One page of campaigns. */
export interface CampaignPage {
  campaigns: Campaign[];
  /** Total across pages, when the server says it. */
  totalCount: number | null;
}

/** A row to add to a campaign, in wire form (validated by numbers.ts first). */
export interface NumberRow {
  /** ≤ 32 characters; the key the outcome comes back with. */
  sessionId: string;
  /** ≤ 24 of `0-9*#`. */
  called: string;
  /** ≤ 200 characters. */
  customField?: string;
  /** The script's variables; sent as a JSON string of ≤ 1024 UTF-8 bytes. */
  callData?: Readonly<Record<string, string>>;
}

/** Why a row was refused locally, before anything was sent. */
export type NumberProblem = CecNumberProblem;

/** What happened to one row of an upload. */
export type RowFate =
  | { fate: 'accepted'; dataId: string | null }
  | { fate: 'rejected'; code: string; reason: string }
  /** Its request's answer was lost: it may or may not be in the campaign. */
  | { fate: 'uncertain'; code: string }
  /** The upload stopped before its request was sent. */
  | { fate: 'not_sent' };

/** One outcome of a call as the callback or the result query gives it. */
export interface CallOutcome {
  /** The call's own id; derived (`derived:…`) when the platform sent none. */
  id: string;
  /** Whether `id` was derived because callId was empty. */
  derivedId: boolean;
  campaignId: string;
  sessionId: string;
  called: string;
  /** As sent (`yyyy-MM-dd HH:mm:ss`, no zone) and in epoch ms in the account's time zone. */
  callTimeStr: string;
  callTime: number | null;
  /** 6 success, 5 failure; null when absent or not a number. */
  callStatus: number | null;
  /** As sent, leading zeros kept. */
  failCode: string;
  vdnId: string;
  /** As sent; may be empty (34605/34606). */
  callId: string;
  customField: string;
  /** As sent after trimming; empty when none. */
  recordPath: string;
}

/** callresultdetail: ringing, answer and end of one call, epoch ms in the account's zone. */
export interface CallResultDetail {
  callId: string;
  called: string;
  callStatus: number | null;
  failCode: string;
  /** The outbound result code (e.g. `OB99999`), as sent. */
  resultCode: string;
  recordPath: string;
  ackBeginTime: number | null;
  callBeginTime: number | null;
  callEndTime: number | null;
}

/** statistics (v2): counts of one campaign; absent counts are null. */
export interface CampaignStatistics {
  totalCount: number | null;
  totalCalledCount: number | null;
  totalCallSucc: number | null;
  totalFinishCount: number | null;
  unCallCount: number | null;
}

/** How a recording is to be fetched, chosen from the form of `recordPath`. */
export type RecordingSource =
  /** A signed object-storage link: the caller fetches it through its media proxy. */
  | { kind: 'url'; url: string }
  /** A CC-FS drive path (`Y:/…`): `downloadRecord` by fileName. */
  | { kind: 'ccfs-record'; fileName: string }
  /** A voicebot folder: `ivr/downloadFile` with mode "1". */
  | { kind: 'ccfs-ivr'; filePath: string }
  /** `downloadRecord` by callId (the platform gave no path). */
  | { kind: 'ccfs-call'; callId: string }
  | { kind: 'none' };

/** Who said a transcript line. */
export type CecSpeaker = 'customer' | 'agent' | 'robot';

/** One line of a QC transcript, placed on the recording. */
export interface CecUtterance {
  segmentId: string;
  speaker: CecSpeaker;
  text: string;
  startMs: number;
  endMs: number;
}

/** A call's QC transcript: done with its lines, or pending / failed with the raw status. */
export interface QcTranscript {
  state: 'done' | 'pending' | 'failed';
  /** QC `status` as sent; null when absent. */
  status: number | null;
  utterances: CecUtterance[];
  /** QC `duration` in ms, when given. */
  durationMs: number | null;
}
