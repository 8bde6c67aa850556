/**
 * Huawei Cloud CEC as the app's screens see it: its account fields and what it can do. The
 * numbers come from the spec README ("Huawei — details settled for this app") and the client.
 */
import { CEC_OUTCOME_CODES } from '../../../../shared/codes/huaweiCec';
import type { ProviderCapabilities, ProviderInfo } from '../../../../shared/providers';
import { MAX_CAMPAIGN_NAME, MAX_SLOTS } from '../campaignBody';
import {
  MAX_CALL_DATA_BYTES,
  MAX_CALLED_CHARS,
  MAX_ROWS_PER_REQUEST,
  MAX_SESSION_ID_CHARS,
} from '../numbers';
import { MIN_ADD_SPACING_MS } from '../pacer';
import { DEFAULT_TIME_ZONE } from '../time';

export const CEC_CAPABILITIES: ProviderCapabilities = {
  lifecycle: {
    // Status 2 is running (also "not begun yet" and "all dialled"), 3 paused, 4 finished.
    pause: ['running'],
    resume: ['paused'],
    // There is no operation that ends a campaign: it finishes when its end time passes.
    end: [],
    // 0200009 while running.
    delete: ['paused', 'finished', 'unknown'],
    // CC-iSales has no edit operation for a campaign.
    edit: [],
  },
  editableFields: [],
  robots: false,
  // callBackUrl has no "when": every finished call is called back.
  taskOptions: { numberHiding: false, resultPush: true, resultPushWhen: false, exportSwitch: false },
  // The access code of an IVR flow goes out as ivrParam.deviceSign.
  templateKind: 'ivr_flow',
  maxCallingHourRanges: MAX_SLOTS,
  templateAudio: false,
  intentions: false,
  callsOverTime: false,
  // Results offer the failCode groups of the fragments' table (user side, platform, resources, system).
  outcomeCodes: CEC_OUTCOME_CODES,
  rows: {
    batchRows: MAX_ROWS_PER_REQUEST,
    minSpacingMs: MIN_ADD_SPACING_MS,
    inFlight: 1,
    // No call looks a row up by sessionId: a lost answer leaves its rows uncertain.
    lookUp: false,
    remove: true,
    file: null,
    // sessionId ≤ 32, called ≤ 24 of 0-9 * #, callData (the variables' JSON) ≤ 1024 bytes.
    maxKeyLength: MAX_SESSION_ID_CHARS,
    phoneCharacters: '0-9*#',
    maxPhoneLength: MAX_CALLED_CHARS,
    maxVariablesBytes: MAX_CALL_DATA_BYTES,
  },
  resultPush: true,
  permanentValidity: false,
  maxCallerNumbers: 1,
  maxTaskName: MAX_CAMPAIGN_NAME,
  transcripts: 'on_review',
  durations: 'on_review',
};

export const CEC_INFO: ProviderInfo = {
  id: 'huawei-cec',
  label: { 'zh-CN': '华为云 客户联络中心（CEC）', en: 'Huawei Cloud CEC' },
  fields: [
    {
      name: 'baseUrl',
      label: { 'zh-CN': 'CC-iSales / CC-FS 地址', en: 'CC-iSales / CC-FS address' },
      kind: 'url',
      required: true,
      hint: { 'zh-CN': '例如 https://10.0.0.1:28090', en: 'For example https://10.0.0.1:28090' },
    },
    {
      name: 'qcDomain',
      label: { 'zh-CN': '质检服务地址（可选）', en: 'Quality-inspection address (optional)' },
      kind: 'url',
      required: false,
    },
    { name: 'vdnId', label: { 'zh-CN': 'VDN 编号', en: 'VDN id' }, kind: 'integer', required: true },
    {
      name: 'ccId',
      label: { 'zh-CN': '呼叫中心编号（可选）', en: 'Call center id (optional)' },
      kind: 'integer',
      required: false,
    },
    {
      name: 'timeZone',
      label: { 'zh-CN': '租户时区', en: 'Tenant time zone' },
      kind: 'text',
      required: false,
      defaultValue: DEFAULT_TIME_ZONE,
    },
    {
      name: 'caPem',
      label: { 'zh-CN': 'CA 证书（PEM，可选）', en: 'CA certificate (PEM, optional)' },
      kind: 'pem',
      required: false,
      hint: {
        'zh-CN': '服务器使用私有 CA 时填写；证书校验从不关闭',
        en: 'For servers with a private CA; certificates are always checked',
      },
    },
    {
      name: 'callerNumbers',
      label: { 'zh-CN': '外显号码（逗号分隔）', en: 'Caller numbers (comma-separated)' },
      kind: 'text',
      required: false,
    },
    {
      name: 'flows',
      label: {
        'zh-CN': 'IVR 流程（接入码=名称，逗号分隔）',
        en: 'IVR flows (access code=name, comma-separated)',
      },
      kind: 'text',
      required: false,
    },
  ],
  secrets: [
    // Not revealed: the CLI then takes it on standard input with the SK, never on the command line.
    { name: 'ak', label: { 'zh-CN': 'AK', en: 'AK' }, required: true, revealed: false },
    { name: 'sk', label: { 'zh-CN': 'SK', en: 'SK' }, required: true, revealed: false },
    {
      name: 'qc_app_key',
      label: { 'zh-CN': '质检 app_key', en: 'QC app_key' },
      required: false,
      revealed: false,
    },
    {
      name: 'qc_app_secret',
      label: { 'zh-CN': '质检 app_secret', en: 'QC app_secret' },
      required: false,
      revealed: false,
    },
  ],
  capabilities: CEC_CAPABILITIES,
};
