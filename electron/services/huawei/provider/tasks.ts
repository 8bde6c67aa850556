/**
 * Between the operator's words (shared/tasks.ts) and CC-iSales campaigns: statuses 2/3/4,
 * `callerNo`, the `scheduleParam` slots and the flow access code stop here.
 */
import type { TaskDraft, TaskStatus } from '../../../../shared/tasks';
import type { ProviderTask } from '../../providers/types';
import { CecValidationError } from '../errors';
import type { Campaign, CampaignStatistics, CallingSlot, CreateCampaignParams } from '../types';

/** 2 running (also "not begun yet" and "all dialled"), 3 paused, 4 finished. */
export function cecTaskStatus(status: Campaign['status']): TaskStatus {
  if (status === 2) return 'running';
  if (status === 3) return 'paused';
  if (status === 4) return 'finished';
  return 'unknown';
}

/** A campaign (with its statistics when read) as a provider task. */
export function toProviderTask(campaign: Campaign, stats: CampaignStatistics | null): ProviderTask {
  return {
    id: campaign.campaignId,
    name: campaign.name,
    status: cecTaskStatus(campaign.status),
    statusCode: campaign.rawStatus ?? '',
    callerNumbers: campaign.callerNo ? [campaign.callerNo] : [],
    robots: 0,
    callingHours: [],
    validity:
      campaign.beginTime !== null && campaign.endTime !== null
        ? { kind: 'range', start: campaign.beginTime, end: campaign.endTime }
        : { kind: 'permanent' },
    counts: {
      total: stats?.totalCount ?? 0,
      dialled: stats?.totalCalledCount ?? 0,
      connected: stats?.totalCallSucc ?? 0,
      intent: 0,
    },
  };
}

/** A known campaign the platform no longer has. */
export function goneTask(id: string): ProviderTask {
  return {
    id,
    name: id,
    status: 'deleted',
    statusCode: '',
    callerNumbers: [],
    robots: 0,
    callingHours: [],
    validity: { kind: 'permanent' },
    counts: { total: 0, dialled: 0, connected: 0, intent: 0 },
  };
}

/** `HH:mm-HH:mm` (normalised, `24:00` allowed as an end) → a CEC slot (`23:59` for the day's end). */
export function toSlot(range: string): CallingSlot {
  const [begin = '', end = ''] = range.split('-');
  return { begin, end: end === '24:00' ? '23:59' : end };
}

/** A checked draft (hours normalised) as create parameters. @throws CecValidationError */
export function toCreateParams(draft: TaskDraft, hours: readonly string[]): CreateCampaignParams {
  if (draft.validity.kind !== 'range')
    throw new CecValidationError('strEndTime', 'a campaign needs an end: choose a validity range');
  const callerNo = draft.callerNumbers[0];
  if (callerNo === undefined || draft.callerNumbers.length > 1)
    throw new CecValidationError('callerNo', 'exactly one caller number');
  return {
    name: draft.name.trim(),
    beginTime: draft.validity.start,
    endTime: draft.validity.end,
    slots: hours.map(toSlot),
    callerNo,
    flowAccessCode: draft.templateId.trim(),
    ...(draft.resultPush ? { callbackUrl: draft.resultPush.url.trim() } : {}),
  };
}
