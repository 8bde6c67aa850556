import type { Localized } from '../locale';

/**
 * The tasks feature's own codes (each provider's own codes are in its table under shared/codes/). The same texts are
 * shown by the wizard before anything is sent and by main when it refuses a request, so the
 * operator reads one message for one mistake. `{name}` placeholders are filled with `format()`.
 */
export const TASK_ERRORS = {
  'tasks.template_required': { 'zh-CN': '请选择一个模板', en: 'Choose a template' },
  'tasks.name_required': { 'zh-CN': '请填写任务名称', en: 'Enter a task name' },
  'tasks.name_too_long': {
    'zh-CN': '任务名称最多 {max} 个字',
    en: 'The task name can have at most {max} characters',
  },
  'tasks.caller_required': {
    'zh-CN': '请至少选择一个外显号码',
    en: 'Choose at least one caller number',
  },
  'tasks.caller_unknown': {
    'zh-CN': '外显号码 {number} 不是该账号配置的号码',
    en: 'The caller number {number} is not configured on this account',
  },
  'tasks.caller_too_many': {
    'zh-CN': '该外呼平台每个任务最多 {max} 个外显号码',
    en: 'This provider takes at most {max} caller number(s) per task',
  },
  'tasks.validity_permanent': {
    'zh-CN': '该外呼平台的任务必须有结束时间：请选择有效期',
    en: 'Tasks on this provider need an end: choose a validity period',
  },
  'tasks.robots_range': {
    'zh-CN': '机器人数须为 1 到 {max} 之间的整数',
    en: 'The robot count must be a whole number from 1 to {max}',
  },
  'tasks.hours_required': {
    'zh-CN': '请至少添加一个拨打时间段',
    en: 'Add at least one calling-hours range',
  },
  'tasks.hours_too_many': {
    'zh-CN': '拨打时间段最多 {max} 个',
    en: 'At most {max} calling-hours ranges',
  },
  'tasks.hours_format': {
    'zh-CN': '时间段 {range} 的格式应为 HH:mm-HH:mm',
    en: 'The range {range} must look like HH:mm-HH:mm',
  },
  'tasks.hours_order': {
    'zh-CN': '时间段 {range} 的结束时间须晚于开始时间',
    en: 'The range {range} must end after it starts',
  },
  'tasks.hours_overlap': {
    'zh-CN': '时间段 {range} 与 {other} 重叠',
    en: 'The range {range} overlaps {other}',
  },
  'tasks.validity_required': {
    'zh-CN': '请选择有效期的开始和结束日期',
    en: 'Choose the start and end of the validity period',
  },
  'tasks.validity_order': {
    'zh-CN': '有效期的结束须晚于开始',
    en: 'The validity period must end after it starts',
  },
  'tasks.validity_past': {
    'zh-CN': '有效期的结束时间已经过去',
    en: 'The validity period has already ended',
  },
  'tasks.push_url_invalid': {
    'zh-CN': '推送地址须以 http:// 或 https:// 开头',
    en: 'The push address must start with http:// or https://',
  },
  'tasks.not_found': {
    'zh-CN': '找不到该任务，可能已被删除',
    en: 'No such task: it may have been deleted',
  },
  'tasks.action_not_allowed': {
    'zh-CN': '任务当前状态为“{status}”，不能{action}',
    en: 'The task is “{status}”: it cannot be {action}',
  },
  'tasks.field_not_editable': {
    'zh-CN': '该外呼平台不支持修改任务的这一项',
    en: 'This provider does not let that field of a task be changed',
  },
  'tasks.audio_not_found': {
    'zh-CN': '该模板没有这段录音',
    en: 'The template has no such recording',
  },
} satisfies Record<string, Localized>;

export type TaskErrorCode = keyof typeof TASK_ERRORS;

/** The verbs of `tasks.action_not_allowed`. */
export const TASK_ACTION_WORDS: Record<'pause' | 'resume' | 'end' | 'delete' | 'edit', Localized> = {
  pause: { 'zh-CN': '暂停', en: 'paused' },
  resume: { 'zh-CN': '继续', en: 'resumed' },
  end: { 'zh-CN': '完结', en: 'ended' },
  delete: { 'zh-CN': '删除', en: 'deleted' },
  edit: { 'zh-CN': '编辑', en: 'edited' },
};
