/**
 * Sobot iCall as the app's screens see it: its account fields and what it can do. The numbers
 * come from the document (spec README "Limits to respect") and this client's own choices.
 */
import type { ProviderCapabilities, ProviderInfo } from '../../../../shared/providers';
import { MAX_TASK_NAME } from '../../../../shared/taskRules';
import { ADD_TASK_DATA_BATCH_ROWS } from '../batching';
import { DEFAULT_SOBOT_BASE_URL } from '../api';
import { MAX_FILE_BYTES, MAX_FILE_ROWS } from './workbook';

const ALL_BUT_DELETED = [
  'not_started',
  'running',
  'outside_hours',
  'queued',
  'paused',
  'finished',
  'unknown',
] as const;

export const SOBOT_CAPABILITIES: ProviderCapabilities = {
  lifecycle: {
    // spec README "The task life cycle".
    pause: ['running', 'outside_hours', 'queued'],
    resume: ['paused'],
    // Not started or finished answers 320023.
    end: ['running', 'outside_hours', 'queued', 'paused'],
    delete: ALL_BUT_DELETED,
    // The spec is silent; a finished task has nothing left to change, and the sandbox refuses
    // to edit an ended one. An unknown status is only offered delete.
    edit: ['not_started', 'running', 'outside_hours', 'queued', 'paused'],
  },
  editableFields: ['name', 'callerNumbers', 'robots', 'callingHours', 'validity'],
  robots: true,
  taskOptions: { numberHiding: true, resultPush: true, resultPushWhen: true, exportSwitch: true },
  templateKind: 'script',
  maxCallingHourRanges: 10,
  templateAudio: true,
  intentions: true,
  callsOverTime: true,
  outcomeCodes: null,
  rows: {
    batchRows: ADD_TASK_DATA_BATCH_ROWS,
    minSpacingMs: 0,
    inFlight: 2,
    lookUp: true,
    remove: true,
    file: { maxRows: MAX_FILE_ROWS, maxBytes: MAX_FILE_BYTES },
    maxKeyLength: null,
    // The document bounds neither the telephone's form (bad ones are filtered) nor `variable`.
    phoneCharacters: null,
    maxPhoneLength: null,
    maxVariablesBytes: null,
  },
  resultPush: true,
  permanentValidity: true,
  maxCallerNumbers: null,
  maxTaskName: MAX_TASK_NAME,
  transcripts: 'with_call',
  durations: 'with_call',
};

export const SOBOT_INFO: ProviderInfo = {
  id: 'sobot',
  label: { 'zh-CN': '智齿 智能外呼', en: 'Sobot iCall' },
  fields: [
    {
      name: 'baseUrl',
      label: { 'zh-CN': '服务器地址（Base URL）', en: 'Server (base URL)' },
      kind: 'url',
      required: true,
      defaultValue: DEFAULT_SOBOT_BASE_URL,
    },
    {
      name: 'email',
      label: {
        'zh-CN': '登录邮箱（可选，测试连接时核对）',
        en: 'Login email (optional, checked by test connection)',
      },
      kind: 'email',
      required: false,
    },
  ],
  secrets: [
    { name: 'appid', label: { 'zh-CN': 'appid', en: 'appid' }, required: true, revealed: true },
    { name: 'signature', label: { 'zh-CN': 'signature', en: 'signature' }, required: true, revealed: false },
  ],
  capabilities: SOBOT_CAPABILITIES,
};
