/**
 * The CEC sandbox's state file, beside the Sobot one (its own file, so the Sobot state format
 * and its version stay as they are): campaigns, their numbers, finished calls, the dialer's
 * position on the shared clock and the id counters. A call keeps its row, callId, seed and
 * start; its outcome, recording and transcript are regenerated from them. Calls in progress are
 * not written: their numbers are dialled again after a restart. A file that cannot be read is
 * moved aside (`.corrupt-<time>`) and the CEC sandbox starts empty, as the Sobot one does.
 *
 * ```
 * { format: 'campaign-desk.sandbox-cec-state', version: 1, savedAt, simNow, ids, nextCampaign,
 *   nextCall, blocklist, campaigns: [{ id, createdAt, mode, settings, rows, calls }] }
 * row:  [dataId, sessionId, called, code, customField, callData]   code 0 pending, 1 dialled, 2 deleted
 * call: [rowIndex, callId, seed, startTime]
 * ```
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '../../log';
import { moveAside, type Savable } from '../persist';
import type { CecState } from './state';
import { planFor, type CampaignMode, type CampaignSettings, type CecRowState } from './store';

export const CEC_STATE_FORMAT = 'campaign-desk.sandbox-cec-state';
export const CEC_STATE_VERSION = 1;

type SavedRow = [string, string, string, number, string, string];
type SavedCall = [number, string, number, number];

const ROW_CODES: CecRowState[] = ['pending', 'done', 'deleted'];
const MODES: CampaignMode[] = ['active', 'paused', 'deleted'];

/** The state file of the CEC sandbox next to the Sobot one (`x.json` → `x.cec.json`). */
export function cecStateFileFor(sobotStateFile: string): string {
  return `${sobotStateFile.replace(/\.json$/i, '')}.cec.json`;
}

/** The state of `cec` as the file holds it. */
export function encodeCecState(cec: CecState, savedAt: number): unknown {
  return {
    format: CEC_STATE_FORMAT,
    version: CEC_STATE_VERSION,
    savedAt,
    simNow: cec.dialer.now,
    ids: cec.ids.state,
    nextCampaign: cec.store.nextCampaign,
    nextCall: cec.store.nextCall,
    blocklist: [...cec.blocklist],
    campaigns: cec.store.order.map((c) => {
      const index = new Map(c.rows.map((r, i) => [r, i]));
      return {
        id: c.id,
        createdAt: c.createdAt,
        mode: c.mode,
        settings: c.settings,
        rows: c.rows.map((r): SavedRow => [
          r.dataId,
          r.sessionId,
          r.called,
          r.state === 'done' ? 1 : r.state === 'deleted' ? 2 : 0,
          r.customField,
          r.callData,
        ]),
        calls: c.calls.map((call): SavedCall => [
          index.get(call.row) ?? -1,
          call.callId,
          call.seed,
          call.startTime,
        ]),
      };
    }),
  };
}

/** The CEC state as a saver source. */
export function cecSavable(cec: CecState): Savable {
  return {
    get revision() {
      return cec.revision;
    },
    text: (savedAt) => JSON.stringify(encodeCecState(cec, savedAt)),
  };
}

class UnreadableCecState extends Error {}
const bad = (what: string): never => {
  throw new UnreadableCecState(`sandbox CEC state: bad ${what}`);
};
const int = (v: unknown, what: string): number => (Number.isSafeInteger(v) ? (v as number) : bad(what));
const text = (v: unknown, what: string): string => (typeof v === 'string' ? v : bad(what));
const list = (v: unknown, what: string): unknown[] => (Array.isArray(v) ? v : bad(what));
const record = (v: unknown, what: string): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(what);

function readSettings(v: unknown): CampaignSettings {
  const s = record(v, 'settings');
  const slots = list(s['slots'], 'slots').map((x) => {
    const o = record(x, 'slot');
    return { begin: text(o['begin'], 'slot'), end: text(o['end'], 'slot') };
  });
  return {
    name: text(s['name'], 'name'),
    description: text(s['description'], 'description'),
    beginTime: int(s['beginTime'], 'beginTime'),
    endTime: int(s['endTime'], 'endTime'),
    deviceType: int(s['deviceType'], 'deviceType'),
    callerNo: text(s['callerNo'], 'callerNo'),
    maxAlertingTime: int(s['maxAlertingTime'], 'maxAlertingTime'),
    slots,
    flowAccessCode: text(s['flowAccessCode'], 'flowAccessCode'),
    callCount: int(s['callCount'], 'callCount'),
    callInterval: int(s['callInterval'], 'callInterval'),
    callbackUrl: s['callbackUrl'] === null ? null : text(s['callbackUrl'], 'callbackUrl'),
  };
}

/** Fills a fresh `cec` from parsed file data; answers the real instant it was saved. */
export function decodeCecState(cec: CecState, data: unknown): { savedAt: number } {
  const root = record(data, 'file');
  if (root['format'] !== CEC_STATE_FORMAT) bad('format');
  if (root['version'] !== CEC_STATE_VERSION) bad(`version ${String(root['version'])}`);
  const store = cec.store;
  for (const item of list(root['campaigns'], 'campaigns')) {
    const saved = record(item, 'campaign');
    const mode = saved['mode'] as CampaignMode;
    if (!MODES.includes(mode)) bad('mode');
    const campaign = store.register(
      text(saved['id'], 'id'),
      int(saved['createdAt'], 'createdAt'),
      readSettings(saved['settings']),
      mode,
    );
    for (const r of list(saved['rows'], 'rows')) {
      const row = list(r, 'row');
      const state = ROW_CODES[int(row[3], 'row code')] ?? bad('row code');
      store.addRow(campaign, {
        dataId: text(row[0], 'dataId'),
        sessionId: text(row[1], 'sessionId'),
        called: text(row[2], 'called'),
        state,
        customField: text(row[4], 'customField'),
        callData: text(row[5], 'callData'),
      });
    }
    for (const c of list(saved['calls'], 'calls')) {
      const call = list(c, 'call');
      const row = campaign.rows[int(call[0], 'call row')] ?? bad('call row');
      const callId = text(call[1], 'callId');
      const seed = int(call[2], 'seed');
      const startTime = int(call[3], 'startTime');
      const plan = planFor(campaign, row, seed, startTime);
      store.fileCall(campaign, {
        callId,
        wireCallId: plan.notPlaced ? '' : callId,
        campaignId: campaign.id,
        row,
        seed,
        startTime,
        plan,
      });
    }
  }
  cec.ids.state = int(root['ids'], 'ids');
  store.nextCampaign = int(root['nextCampaign'], 'nextCampaign');
  store.nextCall = int(root['nextCall'], 'nextCall');
  cec.blocklist = new Set(list(root['blocklist'], 'blocklist').map((n) => text(n, 'blocklist')));
  cec.dialer.now = int(root['simNow'], 'simNow');
  return { savedAt: int(root['savedAt'], 'savedAt') };
}

/**
 * The CEC state in `file`, or a fresh one; never throws (a bad file is moved aside).
 * `savedAt` is the real instant the restored dialer matched, null for a fresh state.
 */
export function loadCecState(
  file: string,
  fresh: () => CecState,
  realNow: number,
  log: Logger,
): { state: CecState; savedAt: number | null } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') moveAside(file, realNow, String(error), log);
    return { state: fresh(), savedAt: null };
  }
  const cec = fresh();
  try {
    const { savedAt } = decodeCecState(cec, data);
    log.info('sandbox CEC state restored', { file, campaigns: cec.store.order.length });
    return { state: cec, savedAt };
  } catch (error) {
    moveAside(file, realNow, error instanceof Error ? error.message : String(error), log);
    return { state: fresh(), savedAt: null };
  }
}
