/**
 * The do-not-call list as the operator uses it: numbers added by hand, from a workbook (the
 * same importer as call lists), from a list's selected rows or from a reviewed call; listed,
 * searched, removed. Upload plans ask {@link DncFeature.checker} which rows to leave out.
 */
import {
  DNC_ERRORS,
  DNC_EXPORT_HEADERS,
  DNC_SOURCE_LABELS,
  type DncErrorCode,
} from '../../../shared/codes/dnc';
import { EXPORT_NAMES } from '../../../shared/codes/exports';
import type { DncAddResult, DncPage, DncQuery, DncSource } from '../../../shared/dnc';
import { format, type Locale, type Localized } from '../../../shared/locale';
import { normalizePhone } from '../../../shared/phone';
import type { Broadcast } from '../contract/dispatch';
import { AppFailure } from '../contract/failure';
import type { ImportRequest, ReadImportOptions } from '../importer/importRows';
import { readImport } from '../importer/importRows';
import type { ExportCell, ExportColumn } from '../exports/cells';
import type { CallListStore } from '../lists/store';
import { localTime } from '../exports/fileName';
import { writeTable } from '../exports/writeTable';
import { DncStore, MAX_DNC_ENTRIES } from './store';

/** Invalid values an add lists (the count covers all). */
const MAX_INVALID_LISTED = 100;
/** Reasons are notes, not documents. */
const MAX_REASON = 200;

export function dncFailure(code: DncErrorCode, params?: Record<string, string | number>): AppFailure {
  const template: Localized = DNC_ERRORS[code];
  return new AppFailure(code, {
    'zh-CN': format(template['zh-CN'], params),
    en: format(template.en, params),
  });
}

/** Where an add applies: every account, or the active one. */
export type DncTarget = 'all' | 'account';

export interface DncFeatureDeps {
  store: DncStore;
  lists: CallListStore;
  /** The active account's id (entries "for this account" go to it). */
  activeAccountId: () => string;
  /** A synced call's telephone as stored (masked numbers contain `*`); undefined when unknown. */
  callTelephone: (accountId: string, callId: string) => string | undefined;
  broadcast?: Broadcast;
  now?: () => number;
  importOptions?: ReadImportOptions;
}

/** A plan's view of the list: which of a chunk's numbers to leave out, and why. */
export type DncChecker = (telephones: readonly string[]) => Map<string, string | null>;

/** Headers taken as the reason column when none is named. */
const REASON_HEADER = /^(原因|免打扰原因|备注|说明|reason|note|notes|comment)$/i;

export class DncFeature {
  constructor(private readonly deps: DncFeatureDeps) {}

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private accountOf(target: DncTarget): string | null {
    return target === 'all' ? null : this.deps.activeAccountId();
  }

  /** Normalises values and adds the valid ones. */
  private addValues(
    values: readonly { value: string; reason?: string | null }[],
    target: DncTarget,
    source: DncSource,
  ): DncAddResult {
    const valid: { telephone: string; reason: string | null }[] = [];
    const invalid: DncAddResult['invalid'] = [];
    let invalidCount = 0;
    const seen = new Set<string>();
    for (const { value, reason } of values) {
      const check = normalizePhone(value);
      if (!check.ok) {
        if (value.trim() === '') continue;
        invalidCount++;
        if (invalid.length < MAX_INVALID_LISTED)
          invalid.push({ value: value.slice(0, 64), reason: check.reason });
        continue;
      }
      if (seen.has(check.telephone)) continue;
      seen.add(check.telephone);
      const note = reason?.trim().slice(0, MAX_REASON) || null;
      valid.push({ telephone: check.telephone, reason: note });
    }
    if (valid.length === 0 && invalidCount === 0) throw dncFailure('dnc.nothing_to_add');
    if (this.deps.store.count() + valid.length > MAX_DNC_ENTRIES)
      throw dncFailure('dnc.too_many', { max: MAX_DNC_ENTRIES.toLocaleString('en') });
    const { added, already } = this.deps.store.add(valid, this.accountOf(target), source, this.now);
    if (added > 0) this.changed();
    return { added, already, invalid, invalidCount };
  }

  /** Numbers typed or pasted by the operator. */
  add(request: { telephones: readonly string[]; target: DncTarget; reason?: string }): DncAddResult {
    return this.addValues(
      request.telephones.map((value) => ({ value, reason: request.reason ?? null })),
      request.target,
      'manual',
    );
  }

  /** A list's selected rows (their numbers as the list normalised them). */
  addRows(request: {
    listId: number;
    rowIds: readonly number[];
    target: DncTarget;
    reason?: string;
  }): DncAddResult {
    const rows = this.deps.lists.getRowsByIds(request.listId, request.rowIds);
    return this.addValues(
      rows.map((row) => ({ value: row.telephone ?? row.telephoneRaw, reason: request.reason ?? null })),
      request.target,
      'list',
    );
  }

  /** The number of a reviewed call ("加入免打扰"). */
  addCall(request: { callId: string; target: DncTarget; reason?: string }): DncAddResult {
    const telephone = this.deps.callTelephone(this.deps.activeAccountId(), request.callId);
    if (telephone === undefined) throw dncFailure('dnc.nothing_to_add');
    if (telephone.includes('*')) throw dncFailure('dnc.masked_number');
    return this.addValues([{ value: telephone, reason: request.reason ?? null }], request.target, 'call');
  }

  /**
   * A workbook or CSV: its phone column (chosen, or found as the importer would), and the
   * reason from a column when one is named.
   */
  async importFile(
    path: string,
    request: {
      target: DncTarget;
      sheet?: string | number;
      headerRow?: number;
      phone?: string;
      reasonColumn?: string;
    },
  ): Promise<DncAddResult> {
    const importRequest = (reasonColumn: string | undefined): ImportRequest => ({
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
      ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
      ...(request.phone !== undefined ? { phone: request.phone } : {}),
      variables: reasonColumn ? [`reason=${reasonColumn}`] : [],
    });
    const collect = async (reasonColumn: string | undefined) => {
      const reading = await readImport(path, importRequest(reasonColumn), this.deps.importOptions);
      const values: { value: string; reason: string | null }[] = [];
      try {
        for await (const batch of reading.batches()) {
          // No reason column named (the screen names none): a column headed 原因 / 备注 /
          // reason / note is taken as one, as an operator would expect. The headers are known
          // once the first batch is out; the file is then read again with that column.
          if (reasonColumn === undefined && values.length === 0) {
            const found = reading.headers().find((header) => REASON_HEADER.test(header.trim()));
            if (found) return { values, again: found };
          }
          for (const row of batch) values.push({ value: row.telephoneRaw, reason: row.variables[0] ?? null });
        }
      } finally {
        await reading.close();
      }
      return { values, again: undefined };
    };
    let read = await collect(request.reasonColumn);
    if (read.again !== undefined) read = await collect(read.again);
    const values = read.values;
    return this.addValues(values, request.target, 'import');
  }

  /** Removes numbers (as typed) from the active account's entries, every account's, or both. */
  removeTelephones(values: readonly string[], scope: 'account' | 'all' | 'both' = 'both'): number {
    const telephones = values.flatMap((value) => {
      const check = normalizePhone(value);
      return check.ok ? [check.telephone] : [];
    });
    const ids = this.deps.store.idsOf(telephones, {
      accountId: scope === 'all' ? null : this.deps.activeAccountId(),
      everyAccount: scope !== 'account',
    });
    return this.remove(ids);
  }

  /** Writes the entries of a scope to .xlsx or .csv (telephones as text that keeps its zeros). */
  async exportTo(
    file: string,
    fileFormat: 'xlsx' | 'csv',
    locale: Locale,
    scope: 'account' | 'all' | 'both' = 'both',
  ) {
    const h = DNC_EXPORT_HEADERS;
    const entries = this.deps.store.all({
      accountId: scope === 'all' ? null : this.deps.activeAccountId(),
      everyAccount: scope !== 'account',
    });
    const pages = function* (): Generator<ExportCell[][]> {
      let page: ExportCell[][] = [];
      for (const entry of entries) {
        page.push([
          entry.telephone,
          entry.accountId ?? h.allAccounts[locale],
          entry.reason ?? '',
          localTime(entry.addedAt),
          DNC_SOURCE_LABELS[entry.source][locale],
        ]);
        if (page.length === 2000) {
          yield page;
          page = [];
        }
      }
      if (page.length) yield page;
    };
    const columns: ExportColumn[] = [
      { header: h.telephone[locale], kind: 'phone' },
      { header: h.scope[locale], kind: 'text' },
      { header: h.reason[locale], kind: 'text' },
      { header: h.addedAt[locale], kind: 'datetime' },
      { header: h.source[locale], kind: 'text' },
    ];
    return writeTable(file, fileFormat, { sheet: EXPORT_NAMES.doNotCall[locale], columns, pages: pages() });
  }

  remove(ids: readonly number[]): number {
    const removed = this.deps.store.remove(ids);
    if (removed > 0) this.changed();
    return removed;
  }

  page(query: DncQuery = {}): DncPage {
    const scope = query.scope ?? 'both';
    return this.deps.store.page(
      { accountId: scope === 'all' ? null : this.deps.activeAccountId(), everyAccount: scope !== 'account' },
      query.search,
      query.offset ?? 0,
      Math.min(query.limit ?? 200, 1000),
    );
  }

  /** What an upload plan for `accountId` leaves out: its own entries and every account's. */
  checker(accountId: string): DncChecker {
    return (telephones) => this.deps.store.matches(accountId, telephones);
  }

  private changed(): void {
    this.deps.broadcast?.('dnc:changed', { total: this.deps.store.count() });
  }
}
