/**
 * Labels of the neutral task statuses and call outcomes (shared/tasks.ts, shared/results.ts),
 * the same for every provider. A provider's own codes map onto these in its table
 * (shared/codes/<provider>.ts); the raw code is shown only where the label cannot say enough.
 */
import type { Localized } from '../locale';
import type { CallOutcome } from '../results';
import type { TaskStatus } from '../tasks';

export const TASK_STATUS_LABELS: Record<TaskStatus, Localized> = {
  not_started: { 'zh-CN': '未开始', en: 'Not started' },
  running: { 'zh-CN': '进行中', en: 'Running' },
  outside_hours: { 'zh-CN': '拨打时间段外', en: 'Outside calling hours' },
  queued: { 'zh-CN': '排队中', en: 'Queued' },
  paused: { 'zh-CN': '暂停中', en: 'Paused' },
  finished: { 'zh-CN': '已完结', en: 'Finished' },
  deleted: { 'zh-CN': '已删除', en: 'Deleted' },
  unknown: { 'zh-CN': '未知状态', en: 'Unknown' },
};

export const CALL_OUTCOME_LABELS: Record<CallOutcome, Localized> = {
  connected: { 'zh-CN': '已接通', en: 'Connected' },
  no_answer: { 'zh-CN': '无人接听', en: 'No answer' },
  busy: { 'zh-CN': '用户正忙', en: 'Busy' },
  rejected: { 'zh-CN': '拒接', en: 'Rejected' },
  hung_up: { 'zh-CN': '用户挂断', en: 'Hung up' },
  powered_off: { 'zh-CN': '关机', en: 'Powered off' },
  out_of_service: { 'zh-CN': '不在服务区', en: 'Out of service area' },
  suspended: { 'zh-CN': '停号', en: 'Suspended number' },
  vacant: { 'zh-CN': '空号', en: 'Vacant number' },
  not_dialled: { 'zh-CN': '未拨打', en: 'Not dialled' },
  dialling: { 'zh-CN': '拨打中', en: 'Dialling' },
  platform: { 'zh-CN': '平台释放', en: 'Released by the platform' },
  no_resources: { 'zh-CN': '系统资源不足', en: 'No system resources' },
  system_error: { 'zh-CN': '系统异常', en: 'System error' },
  unknown: { 'zh-CN': '未知结果', en: 'Unknown' },
};

/** `unknown` says which code it was; the other labels stand alone. */
function withCode(label: Localized, code: string | undefined, isUnknown: boolean): Localized {
  if (!isUnknown || !code) return label;
  return { 'zh-CN': `${label['zh-CN']} (${code})`, en: `${label.en} (${code})` };
}

/** A task status's label; an unknown one carries the provider's code. */
export function taskStatusLabel(status: TaskStatus, code?: string): Localized {
  return withCode(TASK_STATUS_LABELS[status], code, status === 'unknown');
}

/** A call outcome's label; an unknown one carries the provider's code. */
export function callOutcomeLabel(outcome: CallOutcome, code?: string): Localized {
  return withCode(CALL_OUTCOME_LABELS[outcome], code, outcome === 'unknown');
}
