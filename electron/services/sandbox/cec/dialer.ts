/**
 * CEC dialing on the sandbox's one simulated clock: the host moves the Sobot dialer and then
 * this one to the same instant, so both providers' calls happen on one timeline. Campaigns
 * dial their numbers in upload order between their begin and end times, inside their calling
 * slots (the tenant's wall clock), at most `callCount` at once each and TENANT_LINES in all.
 */
import { formatZonedStamp } from '../../huawei/time';
import { hash32 } from '../random';
import { planFor, type CecCall, type CecCampaign, type CecStore } from './store';
import { CEC_SANDBOX_TIME_ZONE, TENANT_LINES } from './tenant';

export const STATUS_RUNNING = 2;
export const STATUS_PAUSED = 3;
export const STATUS_FINISHED = 4;

/** The status the platform reports: 2 running (also before begin and when all dialled), 3, 4. */
export function campaignStatus(c: CecCampaign, now: number): 2 | 3 | 4 {
  if (now >= c.settings.endTime) return STATUS_FINISHED;
  return c.mode === 'paused' ? STATUS_PAUSED : STATUS_RUNNING;
}

const minuteOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `now` falls inside one of the campaign's slots, in the tenant's zone. */
export function insideSlots(c: CecCampaign, now: number): boolean {
  const clock = formatZonedStamp(now, CEC_SANDBOX_TIME_ZONE).slice(11, 16);
  const minute = minuteOfDay(clock);
  return c.settings.slots.some((s) => minute >= minuteOfDay(s.begin) && minute < minuteOfDay(s.end));
}

function mayDial(c: CecCampaign, now: number): boolean {
  return (
    c.mode === 'active' &&
    c.pendingRows > 0 &&
    now >= c.settings.beginTime &&
    now < c.settings.endTime &&
    insideSlots(c, now)
  );
}

export interface CecDialerHooks {
  onCallCompleted(campaign: CecCampaign, call: CecCall): void;
  onChange(): void;
}

export class CecDialer {
  /** Where this dialer's simulation has got to (epoch ms on the shared clock). */
  now: number;
  private active: { campaign: CecCampaign; call: CecCall }[] = [];
  peak = 0;

  constructor(
    private readonly store: CecStore,
    private readonly seed: number,
    startTime: number,
    private readonly hooks: CecDialerHooks,
  ) {
    this.now = startTime;
  }

  /** Whether some campaign still has numbers to dial or calls in progress. */
  hasWork(): boolean {
    if (this.active.length > 0) return true;
    return this.store.order.some(
      (c) => c.mode === 'active' && c.pendingRows > 0 && this.now < c.settings.endTime,
    );
  }

  /** Runs the simulation up to `target` (no-op when already there). */
  advanceTo(target: number): void {
    this.dispatch();
    while (this.now < target) {
      this.now = Math.min(this.nextEvent(), target);
      this.completeDue();
      this.dispatch();
    }
  }

  /** Moves to `time` without dialing in between (see the Sobot dialer's jumpTo). */
  jumpTo(time: number): void {
    if (!(time > this.now)) return;
    this.now = time;
    this.completeDue();
    this.dispatch();
  }

  /** Drops a deleted campaign's calls in progress. */
  abortCampaign(campaign: CecCampaign): void {
    for (const a of this.active.filter((x) => x.campaign === campaign)) {
      a.call.row.state = 'pending';
      campaign.pendingRows++;
      campaign.activeCalls--;
    }
    this.active = this.active.filter((x) => x.campaign !== campaign);
  }

  dispatch(): void {
    for (const campaign of this.store.order) {
      if (this.active.length >= TENANT_LINES) return;
      if (!mayDial(campaign, this.now)) continue;
      const lines = Math.min(campaign.settings.callCount, TENANT_LINES);
      while (campaign.activeCalls < lines && this.active.length < TENANT_LINES) {
        const row = this.store.nextPendingRow(campaign);
        if (!row) break;
        const callId = this.store.newCallId(this.now);
        const seed = hash32(callId, this.seed);
        const plan = planFor(campaign, row, seed, this.now);
        const call: CecCall = {
          callId,
          wireCallId: plan.notPlaced ? '' : callId,
          campaignId: campaign.id,
          row,
          seed,
          startTime: this.now,
          plan,
        };
        row.state = 'dialling';
        campaign.pendingRows--;
        campaign.activeCalls++;
        this.active.push({ campaign, call });
        this.peak = Math.max(this.peak, this.active.length);
        this.hooks.onChange();
      }
    }
  }

  private completeDue(): void {
    const due = this.active.filter((a) => a.call.plan.endTime <= this.now);
    if (due.length === 0) return;
    this.active = this.active.filter((a) => a.call.plan.endTime > this.now);
    due.sort((a, b) => a.call.plan.endTime - b.call.plan.endTime);
    for (const { campaign, call } of due) {
      campaign.activeCalls--;
      call.row.state = call.row.state === 'deleted' ? 'deleted' : 'done';
      this.store.fileCall(campaign, call);
      this.hooks.onCallCompleted(campaign, call);
    }
    this.hooks.onChange();
  }

  private nextEvent(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const a of this.active) next = Math.min(next, a.call.plan.endTime);
    for (const c of this.store.order) {
      if (c.mode !== 'active' || c.pendingRows === 0 || this.now >= c.settings.endTime) continue;
      if (this.now < c.settings.beginTime) next = Math.min(next, c.settings.beginTime);
      else if (!insideSlots(c, this.now)) next = Math.min(next, (Math.floor(this.now / 60_000) + 1) * 60_000);
    }
    return Math.max(next, this.now + 1);
  }
}
