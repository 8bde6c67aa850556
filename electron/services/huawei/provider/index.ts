/**
 * Huawei Cloud CEC behind the provider interface: only this folder sees the client's types
 * outside huawei/, and only the registry imports it.
 */
import type { ConnectionCheck } from '../../../../shared/accounts';
import type { Provider, ProviderFactory, ProviderTask } from '../../providers/types';
import { parseOutcomeCallback } from '../callback';
import { CampaignCreateUncertainError } from '../campaigns';
import type { HuaweiCecClient } from '../client';
import { CecAuthError, CecError, CecRecordingError, CecValidationError, toAppError } from '../errors';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../time';
import { cachedClient } from './client';
import { checkCecAccount } from './account';
import { DERIVED_ID_PREFIX } from '../outcomes';
import { sourceOfRef, timingOf, toProviderCall } from './calls';
import { CEC_INFO } from './info';
import { placeCecTranscript } from './placement';
import { cecRowProblem, removeCecRows, sendCecRows } from './rows';
import { parseCallerNumbers, parseFlows } from './settings';
import { toCreateParams, toProviderTask, goneTask } from './tasks';

const SIGNED: ConnectionCheck['label'] = {
  'zh-CN': '签名调用（活动列表）',
  en: 'Signed call (campaign list)',
};
const QC: ConnectionCheck['label'] = { 'zh-CN': '质检服务', en: 'Quality inspection' };
const CALLERS: ConnectionCheck['label'] = { 'zh-CN': '外显号码', en: 'Caller numbers' };
/** A call id no campaign has: the QC check needs a token, not a transcript. */
const NO_CALL = '00000000-0000-0000-0000-000000000000';

/** What the account lists that CC-iSales has no query for. */
export interface CecTenantSettings {
  callerNumbers: string[];
  flows: { accessCode: string; name: string }[];
}

/** CEC behind the provider interface over a client (the factory builds it; tests pass their own). */
export function cecProvider(client: HuaweiCecClient, tenant: CecTenantSettings): Provider {
  const withStats = async (campaign: Parameters<typeof toProviderTask>[0]): Promise<ProviderTask> =>
    toProviderTask(campaign, await client.statistics(campaign.campaignId).catch(() => null));

  const getTask = async (id: string): Promise<ProviderTask | null> => {
    try {
      return await withStats(await client.campaignDetail(id));
    } catch (error) {
      if (error instanceof CecError && error.code === '0200007') return null;
      throw error;
    }
  };

  return {
    id: 'huawei-cec',
    capabilities: CEC_INFO.capabilities,

    async check(control = {}) {
      const signal =
        control.deadline === undefined
          ? undefined
          : AbortSignal.timeout(Math.max(1, control.deadline - Date.now()));
      const page = await client.listCampaigns({ page: 1, rowsPerPage: 1, ...(signal ? { signal } : {}) });
      const checks: ConnectionCheck[] = [
        { label: SIGNED, outcome: 'passed', detail: String(page.totalCount ?? page.campaigns.length) },
        tenant.callerNumbers.length > 0
          ? { label: CALLERS, outcome: 'passed', detail: tenant.callerNumbers.join(', ') }
          : { label: CALLERS, outcome: 'skipped' },
      ];
      if (!client.hasQc) checks.push({ label: QC, outcome: 'skipped' });
      else {
        try {
          await client.qcTranscript(NO_CALL, signal ? { signal } : {});
          checks.push({ label: QC, outcome: 'passed' });
        } catch (error) {
          checks.push(
            error instanceof CecAuthError
              ? { label: QC, outcome: 'failed', detail: 'HTTP 401' }
              : { label: QC, outcome: 'passed' },
          );
        }
      }
      return { checks };
    },

    async taskOptions() {
      return {
        // A "template" is an IVR flow: its access code goes out as ivrParam.deviceSign.
        templates: tenant.flows.map((f) => ({ id: f.accessCode, name: f.name, script: '', audioCount: 0 })),
        callerLines: tenant.callerNumbers.map((number) => ({ number, concurrency: 0 })),
        totalConcurrency: 0,
        maxRobots: 0,
      };
    },

    templateAudio: () => Promise.resolve(null),

    async listTasks(known) {
      const all = await client.listAllCampaigns();
      const byId = new Map(all.map((c) => [c.campaignId, c]));
      const unfinished = all.filter((c) => c.status !== 4).map((c) => c.campaignId);
      const ids = [...new Set([...known, ...unfinished])];
      return Promise.all(
        ids.map(async (id) => {
          const campaign = byId.get(id);
          if (campaign) return withStats(campaign);
          return (await getTask(id)) ?? goneTask(id);
        }),
      );
    },

    getTask,

    async createTask(draft, hours) {
      const { campaignId } = await client.createCampaign(toCreateParams(draft, hours));
      return { id: campaignId };
    },

    editTask: () => Promise.reject(new CecValidationError('campaign', 'CC-iSales cannot edit a campaign')),

    async changeTask(id, action) {
      if (action === 'pause') await client.pauseCampaign(id);
      else if (action === 'resume') await client.resumeCampaign(id);
      else if (action === 'delete') await client.deleteCampaign(id);
      else throw new CecValidationError('campaign', 'CC-iSales has no operation that ends a campaign');
    },

    sendRows: (taskId, rows, control) => sendCecRows(client, taskId, rows, control?.signal),
    removeRows: (taskId, keys) => removeCecRows(client, taskId, keys),

    async *results(taskId, window, control = {}) {
      let page = 0;
      let totalCalls = 0;
      let pageCount = 0;
      const pages = client.callResults(taskId, {
        from: window.from,
        to: window.to,
        ...(control.signal ? { signal: control.signal } : {}),
      });
      for await (const outcomes of pages) {
        page++;
        totalCalls += outcomes.length;
        pageCount = Math.max(pageCount, page);
        const result = {
          calls: outcomes.map((o) => toProviderCall(o, taskId)),
          page,
          pageCount,
          totalCalls,
        };
        control.onPage?.(result);
        yield result;
      }
    },

    async rowCall(taskId, key) {
      // The result query filters by sessionId, over the campaign's days so far.
      const campaign = await client.campaignDetail(taskId);
      const from = campaign.beginTime ?? Date.now() - 29 * 86_400_000;
      const to = Math.min(Date.now(), campaign.endTime ?? Date.now());
      const calls = await client
        .callResults(taskId, { from, to: Math.max(from, to), sessionId: key })
        .fetchAll();
      const latest = calls
        .filter((c) => c.sessionId === key)
        .sort((a, b) => (a.callTime ?? 0) - (b.callTime ?? 0))
        .at(-1);
      return latest ? toProviderCall(latest, taskId) : null;
    },

    async fetchRecording(ref, control = {}) {
      const answer = await client.downloadRecording(
        sourceOfRef(ref),
        control.signal ? { signal: control.signal } : {},
      );
      if (answer.kind !== 'wav') throw new CecRecordingError('no recording file');
      return answer.bytes;
    },

    async callTiming(callId, control = {}) {
      // A call without CEC's own callId (its id derived from the outcome) has no detail to ask.
      if (callId.startsWith(DERIVED_ID_PREFIX)) return null;
      const detail = await client.callResultDetail(callId, control.signal);
      return timingOf(detail);
    },

    async fetchTranscript(callId, control = {}) {
      if (!client.hasQc) return { state: 'none', utterances: [] };
      const t = await client.qcTranscript(callId, control.signal ? { signal: control.signal } : {});
      return {
        state: t.state === 'done' ? 'ready' : t.state,
        utterances: t.utterances.map((u) => ({
          speaker: u.speaker,
          text: u.text,
          at: null,
          startMs: u.startMs,
          endMs: u.endMs,
          remark: null,
        })),
      };
    },
  };
}

const isCecError = (error: unknown): boolean =>
  error instanceof CecError ||
  error instanceof CecAuthError ||
  error instanceof CecRecordingError ||
  error instanceof CecValidationError ||
  error instanceof CampaignCreateUncertainError;

export const cecFactory: ProviderFactory = {
  info: CEC_INFO,
  checkAccount: checkCecAccount,
  create(context) {
    return cecProvider(cachedClient(context), {
      callerNumbers: parseCallerNumbers(context.settings['callerNumbers'] ?? '') ?? [],
      flows: parseFlows(context.settings['flows'] ?? '') ?? [],
    });
  },
  rowProblem: cecRowProblem,
  // A refused number answers a code; nothing is dropped silently.
  mayDropRow: () => false,
  parsePush(body, settings) {
    // callTimeStr has no zone: the account's, else the default of CEC tenants.
    const zone = (settings?.['timeZone'] ?? '').trim();
    const parsed = parseOutcomeCallback(
      body,
      zone !== '' && isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
    );
    if (!parsed.ok) throw new SyntaxError(parsed.reason);
    return { calls: parsed.outcomes.map((o) => toProviderCall(o, null)), answer: parsed.answer };
  },
  placeTranscript: placeCecTranscript,
  describeError: (error, locale) => (isCecError(error) ? toAppError(error, locale) : undefined),
};
