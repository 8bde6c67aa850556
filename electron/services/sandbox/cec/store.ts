/**
 * The CEC sandbox's campaigns, their numbers and their finished calls. A finished call keeps
 * only its row, callId, seed and start; everything else is regenerated from the plan.
 */
import type { SavableRng } from '../random';
import { planCecCall, type CecCallPlan } from './plan';
import { CEC_FLOWS } from './tenant';

/** The minutes [begin, end) of one calling slot, in the tenant's wall clock. */
export interface CecSlot {
  begin: string;
  end: string;
}

/** What create sets. */
export interface CampaignSettings {
  name: string;
  description: string;
  beginTime: number;
  endTime: number;
  deviceType: number;
  callerNo: string;
  maxAlertingTime: number;
  slots: CecSlot[];
  flowAccessCode: string;
  callCount: number;
  callInterval: number;
  callbackUrl: string | null;
}

export type CampaignMode = 'active' | 'paused' | 'deleted';
export type CecRowState = 'pending' | 'dialling' | 'done' | 'deleted';

export interface CecRow {
  dataId: string;
  sessionId: string;
  called: string;
  customField: string;
  /** The callData string as sent ('' for none). */
  callData: string;
  state: CecRowState;
}

export interface CecCall {
  callId: string;
  /** '' in the wire outcome when the platform never placed the call. */
  wireCallId: string;
  campaignId: string;
  row: CecRow;
  seed: number;
  startTime: number;
  plan: CecCallPlan;
}

export interface CecCampaign {
  id: string;
  createdAt: number;
  settings: CampaignSettings;
  mode: CampaignMode;
  rows: CecRow[];
  bySession: Map<string, CecRow>;
  cursor: number;
  pendingRows: number;
  activeCalls: number;
  calls: CecCall[];
}

/** The variables of a row's callData (a JSON object of strings), for the script. */
export function rowVariables(row: CecRow): Map<string, string> {
  const out = new Map<string, string>();
  if (!row.callData) return out;
  try {
    const parsed: unknown = JSON.parse(row.callData);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      for (const [k, v] of Object.entries(parsed))
        if (typeof v === 'string' || typeof v === 'number') out.set(k, String(v));
  } catch {
    // Not JSON: the script uses its fallbacks.
  }
  return out;
}

/** The template a campaign's flow speaks. */
export function templateIndexOf(campaign: CecCampaign): number {
  return CEC_FLOWS.find((f) => f.accessCode === campaign.settings.flowAccessCode)?.templateIndex ?? 0;
}

/** The plan of a call on `row` of `campaign` starting at `startTime` with `seed`. */
export function planFor(campaign: CecCampaign, row: CecRow, seed: number, startTime: number): CecCallPlan {
  return planCecCall({
    seed,
    templateIndex: templateIndexOf(campaign),
    variables: rowVariables(row),
    startTime,
    maxAlertingTime: campaign.settings.maxAlertingTime,
  });
}

export class CecStore {
  readonly campaigns = new Map<string, CecCampaign>();
  readonly order: CecCampaign[] = [];
  readonly callsById = new Map<string, CecCall>();
  readonly dataIds = new Set<string>();
  storedRows = 0;
  /** The next campaign id (numeric, as the platform's). */
  nextCampaign = 1001;
  /** The sequence behind callIds (`<seconds>-<n>`, the shape of the manual's examples). */
  nextCall = 1;

  constructor(private readonly ids: SavableRng) {}

  register(id: string, createdAt: number, settings: CampaignSettings, mode: CampaignMode): CecCampaign {
    if (this.campaigns.has(id)) throw new Error(`campaign ${id} appears twice`);
    const campaign: CecCampaign = {
      id,
      createdAt,
      settings,
      mode,
      rows: [],
      bySession: new Map(),
      cursor: 0,
      pendingRows: 0,
      activeCalls: 0,
      calls: [],
    };
    this.campaigns.set(id, campaign);
    this.order.push(campaign);
    return campaign;
  }

  create(settings: CampaignSettings, now: number): CecCampaign {
    return this.register(String(this.nextCampaign++), now, settings, 'active');
  }

  /** A fresh 19-digit dataId (never starting with 0, never a safe JS integer). */
  newDataId(): string {
    let id: string;
    do {
      id = String(1 + Math.floor(this.ids.next() * 9));
      while (id.length < 19) id += String(Math.floor(this.ids.next() * 10));
    } while (this.dataIds.has(id));
    this.dataIds.add(id);
    return id;
  }

  addRow(
    campaign: CecCampaign,
    row: Omit<CecRow, 'state' | 'dataId'> & { dataId?: string; state?: CecRowState },
  ): CecRow {
    const stored: CecRow = { ...row, dataId: row.dataId ?? this.newDataId(), state: row.state ?? 'pending' };
    if (row.dataId) this.dataIds.add(row.dataId);
    campaign.rows.push(stored);
    if (stored.state !== 'deleted') campaign.bySession.set(stored.sessionId, stored);
    if (stored.state === 'pending') campaign.pendingRows++;
    this.storedRows++;
    return stored;
  }

  nextPendingRow(campaign: CecCampaign): CecRow | undefined {
    while (campaign.cursor < campaign.rows.length && campaign.rows[campaign.cursor]!.state !== 'pending')
      campaign.cursor++;
    return campaign.rows[campaign.cursor];
  }

  newCallId(simNow: number): string {
    return `${Math.floor(simNow / 1000)}-${this.nextCall++}`;
  }

  /** Files a finished call, keeping the campaign's calls sorted by start. */
  fileCall(campaign: CecCampaign, call: CecCall): void {
    const calls = campaign.calls;
    let at = calls.length;
    while (at > 0 && calls[at - 1]!.startTime > call.startTime) at--;
    calls.splice(at, 0, call);
    this.callsById.set(call.callId, call);
  }
}
