import { ROW_PROBLEMS, type RowProblemCode } from '../callList';
import { format, type Locale, type Localized } from '../locale';
import type { RowLimits } from '../providers';
import type { ExcludedProblem, PlanRowProblem, ProviderRowProblem } from '../uploads';

/**
 * The upload feature's own codes. Provider and network failures keep their own codes
 * (`<provider>.*`, `net.*`); these are the app's decisions about an upload. `{name}` placeholders are
 * filled with `format()`.
 */
export const UPLOAD_ERRORS = {
  'uploads.not_found': {
    'zh-CN': '找不到这次上传记录',
    en: 'This upload is not in the journal',
  },
  'uploads.unfinished': {
    'zh-CN': '这个名单向该任务的上传尚未完成，请继续那次上传（编号 {id}）',
    en: 'An upload of this list to this task is not finished: resume it (upload {id})',
  },
  'uploads.busy': {
    'zh-CN': '这次上传正在另一个窗口或命令行中进行',
    en: 'This upload is running in another window or command line',
  },
  'uploads.not_resumable': {
    'zh-CN': '这次上传已完成或已取消，不能继续',
    en: 'This upload is finished or cancelled and cannot be resumed',
  },
  'uploads.nothing_to_send': {
    'zh-CN': '没有可上传的行：所选行都有问题或已在任务中',
    en: 'Nothing to upload: the chosen rows all have problems or are already in the task',
  },
  'uploads.file_too_many_rows': {
    'zh-CN': '文件上传最多 100,000 行，请改用分批上传',
    en: 'A file upload takes at most 100,000 rows: upload in batches instead',
  },
  'uploads.file_too_large': {
    'zh-CN': '生成的文件超过 5 MB，请改用分批上传',
    en: 'The workbook is larger than 5 MB: upload in batches instead',
  },
  'uploads.bad_variables': {
    'zh-CN': '变量对应关系不正确：{reason}',
    en: 'The variable mapping is not valid: {reason}',
  },
  'uploads.interrupted': {
    'zh-CN':
      '上传进行中时应用退出或崩溃，上传被中断。已发出的行都有记录：点击“继续”会先向外呼平台核对，再接着上传',
    en: 'The app quit or crashed while uploading. Every row sent is recorded: Resume checks with the provider first, then goes on',
  },
  'uploads.bad_request': {
    'zh-CN': '上传参数不正确',
    en: 'The upload request is not valid',
  },
  'uploads.no_uncertain': {
    'zh-CN': '这次上传没有结果不明的行',
    en: 'This upload has no rows whose outcome is unknown',
  },
} satisfies Record<string, Localized>;

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS;

/**
 * Why a row was refused or dropped, by the journal's row code, for the refused-rows table. The
 * journal's own `reason` is a technical detail (English, or the provider's words).
 */
export const UPLOAD_ROW_REASONS: Record<string, Localized> = {
  'provider.row_rejected': {
    'zh-CN': '号码或编号不能使用（为空、含逗号或重复），未发送',
    en: 'Not sent: the telephone or outid cannot be used (empty, has a comma, or repeated)',
  },
  'provider.row_malformed': {
    'zh-CN': '外呼平台认为这一行格式错误',
    en: 'The provider refused this row as malformed',
  },
  'provider.file_row': {
    'zh-CN': '外呼平台拒收了文件中的这一行（号码或编号不被接受）',
    en: 'The provider refused this row of the file (telephone or outid not accepted)',
  },
  'provider.filtered': {
    'zh-CN': '外呼平台接收后过滤了这个号码',
    en: 'The provider accepted the row, then filtered its number',
  },
  'provider.row_blocklisted': {
    'zh-CN': '号码在外呼平台的黑名单中',
    en: 'The number is on the provider’s blocklist',
  },
  'uploads.uncertain_skipped': {
    'zh-CN': '发送后没有收到答复，按操作员选择不再重发（可能已在任务中）',
    en: 'No answer came after sending; the operator chose not to resend it (it may be on the task)',
  },
  'provider.row_duplicate': {
    'zh-CN': '外呼平台已有这一行（编号或号码重复）',
    en: 'The provider already holds this row (its id or number repeats)',
  },
};

/** What each provider row problem of a plan means (shared/uploads.ts PROVIDER_ROW_PROBLEMS). */
export const PROVIDER_ROW_PROBLEM_LABELS: Record<ProviderRowProblem, Localized> = {
  'row.key_invalid': {
    'zh-CN': '编号为空或含逗号，外呼平台无法按编号查找或删除',
    en: 'The id is empty or has a comma: the provider could not find or remove the row by it',
  },
  'row.key_too_long': {
    'zh-CN': '编号超过外呼平台允许的长度',
    en: 'The id is longer than the provider takes',
  },
  'row.phone_rejected': {
    'zh-CN': '号码含有外呼平台不接受的字符或过长',
    en: 'The number has characters the provider does not take, or is too long',
  },
  'row.variable_unencodable': {
    'zh-CN': '变量名或值含有“^”或“|”，外呼平台无法接收',
    en: 'A variable name or value contains “^” or “|”, which the provider cannot receive',
  },
  'row.variables_too_large': {
    'zh-CN': '变量内容超过外呼平台允许的大小',
    en: 'The variables are larger than the provider takes',
  },
};

/** What each campaign problem of a plan means (shared/uploads.ts PLAN_ROW_PROBLEMS). */
export const PLAN_ROW_PROBLEM_LABELS: Record<PlanRowProblem, Localized> = {
  'row.do_not_call': {
    'zh-CN': '号码在免打扰名单中，不会发送',
    en: 'The number is on the do-not-call list: never sent',
  },
  'row.number_on_task': {
    'zh-CN': '号码已在该任务中（其他名单已上传或已拨打过）',
    en: 'The number is already in the task (uploaded from another list, or dialled)',
  },
};

/**
 * A provider row problem with the provider's own figure, where it declares one (`{max}`,
 * `{chars}` from its RowLimits): what the plan shows instead of the generic label.
 */
const LIMITED_PROBLEM_LABELS: Partial<Record<ProviderRowProblem, Localized>> = {
  'row.key_too_long': {
    'zh-CN': '编号超过 {max} 个字符（外呼平台的上限）',
    en: 'The id is longer than {max} characters (the provider’s limit)',
  },
  'row.phone_rejected': {
    'zh-CN': '号码只能包含 {chars}，最多 {max} 位（外呼平台的规则）',
    en: 'The number may hold only {chars}, at most {max} characters (the provider’s rule)',
  },
  'row.variables_too_large': {
    'zh-CN': '变量内容超过 {max} 字节（外呼平台的上限）',
    en: 'The variables take more than {max} bytes (the provider’s limit)',
  },
};

/** The figures of a limited label, or null when the provider declares none for that problem. */
function limitParams(code: string, limits: RowLimits): Record<string, string | number> | null {
  if (code === 'row.key_too_long') return limits.maxKeyLength === null ? null : { max: limits.maxKeyLength };
  if (code === 'row.phone_rejected')
    return limits.phoneCharacters === null || limits.maxPhoneLength === null
      ? null
      : { chars: limits.phoneCharacters, max: limits.maxPhoneLength };
  if (code === 'row.variables_too_large')
    return limits.maxVariablesBytes === null ? null : { max: limits.maxVariablesBytes };
  return null;
}

/**
 * The words for any code a plan counts excluded rows under; with the plan's `rowLimits`, a
 * provider limit is named with its figure ("编号超过 32 个字符").
 */
export function excludedProblemLabel(code: ExcludedProblem, locale: Locale, limits?: RowLimits): string {
  const params = limits ? limitParams(code, limits) : null;
  const limited = (LIMITED_PROBLEM_LABELS as Record<string, Localized>)[code];
  if (params && limited) return format(limited[locale], params);
  const text =
    (PLAN_ROW_PROBLEM_LABELS as Record<string, Localized>)[code] ??
    (PROVIDER_ROW_PROBLEM_LABELS as Record<string, Localized>)[code] ??
    (ROW_PROBLEMS as Record<string, Localized>)[code as RowProblemCode];
  return text ? text[locale] : code;
}

/** Each limit a provider declares, in a few words with its figure (the plan names them all). */
const LIMIT_ITEMS: { code: ProviderRowProblem; text: Localized }[] = [
  {
    code: 'row.key_too_long',
    text: { 'zh-CN': '编号最多 {max} 个字符', en: 'ids of at most {max} characters' },
  },
  {
    code: 'row.phone_rejected',
    text: {
      'zh-CN': '号码只含 {chars}、最多 {max} 位',
      en: 'numbers of only {chars}, at most {max} characters',
    },
  },
  {
    code: 'row.variables_too_large',
    text: { 'zh-CN': '变量最多 {max} 字节', en: 'variables of at most {max} bytes' },
  },
];

/**
 * The limits the plan checks every row against, one short phrase each, with the problem code
 * whose count belongs to it; empty for a provider that declares none.
 */
export function rowLimitItems(
  limits: RowLimits,
  locale: Locale,
): { code: ProviderRowProblem; text: string }[] {
  return LIMIT_ITEMS.flatMap(({ code, text }) => {
    const params = limitParams(code, limits);
    return params ? [{ code, text: format(text[locale], params) }] : [];
  });
}
