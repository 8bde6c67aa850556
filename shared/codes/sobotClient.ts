import type { Localized } from '../locale';

/**
 * Codes the Sobot client raises itself (not server `ret_code`s, which live in `sobot.ts`):
 * invalid parameters caught before sending, an add_task whose outcome is unknown, rows
 * rejected locally. Pure data shared by main and the renderer.
 */
export const SOBOT_CLIENT_MESSAGES = {
  'sobot.invalid_param': {
    'zh-CN': '参数不正确，未发送到服务器',
    en: 'A parameter is invalid: nothing was sent to the server',
  },
  'sobot.add_task_uncertain': {
    'zh-CN': '创建任务的请求已发出但结果未知，请先在任务列表中确认是否已创建，再决定是否重试',
    en: 'The create-task request was sent but its outcome is unknown: check the task list before trying again',
  },
  'sobot.row_rejected': {
    'zh-CN': '该行数据无法提交',
    en: 'This row cannot be submitted',
  },
  'sobot.unexpected': {
    'zh-CN': '发生了意外错误，请重试；如果问题持续，请查看日志',
    en: 'Something unexpected went wrong: try again, and check the log if it persists',
  },
} satisfies Record<string, Localized>;

/** One of the client-side codes of {@link SOBOT_CLIENT_MESSAGES}. */
export type SobotClientCode = keyof typeof SOBOT_CLIENT_MESSAGES;
