import type { CallListColumns, ListOrigin } from '../../../shared/callList';
import type { Locale } from '../../../shared/locale';
import type { CallResult, RecallReport, ResultsFilter } from '../../../shared/results';
import { ImportSession } from '../lists/importSession';
import type { CallListStore } from '../lists/store';
import type { ResultsReader } from './resultsQuery';

/** What "call these again" takes: a task's calls by the screen's filter, or the chosen calls. */
export interface RecallInput {
  accountId: string;
  taskId: string;
  taskName: string | null;
  filter: ResultsFilter;
  /** Only these calls (of the task and the filter); absent: every call the filter matches. */
  callIds?: readonly string[];
  name: string;
  locale: Locale;
}

const PHONE_HEADER: Record<Locale, string> = { 'zh-CN': '电话号码', en: 'Phone' };
const CHUNK = 2_000;

/**
 * "Call these again": a new ready call list of the customers of a task's calls, one row per
 * number (a customer called three times is one row), newest call first, with the variables of
 * the list row each call was joined to (every joined list's variable names, first seen first;
 * empty for calls that joined none). Numbers the provider hid cannot be dialled and are left out
 * (counted). The list links back to the task (its `origin`). Reads the calls in pages; one
 * ImportSession writes the list, so nobody sees it until it is whole.
 */
export function makeRecallList(
  reader: ResultsReader,
  store: CallListStore,
  input: RecallInput,
): RecallReport {
  const source = { kind: 'task', taskId: input.taskId } as const;
  const only = input.callIds ? new Set(input.callIds) : null;
  const picked: CallResult[] = [];
  const seen = new Set<string>();
  let matched = 0;
  let hidden = 0;
  let repeated = 0;
  for (let offset = 0; ; offset += CHUNK) {
    const { calls } = reader.page(input.accountId, source, input.filter, offset, CHUNK);
    for (const call of calls) {
      if (only && !only.has(call.id)) continue;
      matched++;
      if (call.telephone.includes('*') || call.telephone === '') hidden++;
      else if (seen.has(call.telephone)) repeated++;
      else {
        seen.add(call.telephone);
        picked.push(call);
      }
    }
    if (calls.length < CHUNK) break;
  }
  const variables: string[] = [];
  for (const call of picked)
    for (const name of call.row?.variableNames ?? []) if (!variables.includes(name)) variables.push(name);
  const columns: CallListColumns = {
    telephoneHeader: PHONE_HEADER[input.locale],
    outidHeader: null,
    variables,
    order: ['telephone', ...variables.map((name) => `var:${name}`)],
  };
  const origin: ListOrigin = {
    kind: 'results',
    accountId: input.accountId,
    taskId: input.taskId,
    taskName: input.taskName,
    calls: matched,
  };
  const session = new ImportSession(store, {
    name: input.name,
    sourceFile: null,
    sourceSheet: null,
    headerRow: null,
    columns,
    origin,
  });
  try {
    for (let i = 0; i < picked.length; i += CHUNK) {
      session.append(
        picked.slice(i, i + CHUNK).map((call) => {
          const row = call.row;
          return {
            sourceRow: null,
            telephoneRaw: call.telephone,
            outid: null,
            variables: variables.map((name) => {
              const at = row ? row.variableNames.indexOf(name) : -1;
              return at >= 0 ? (row!.variables[at] ?? '') : '';
            }),
          };
        }),
      );
    }
    const list = session.finish();
    return { list, calls: matched, rows: picked.length, hidden, repeated };
  } catch (error) {
    session.abort();
    throw error;
  }
}
