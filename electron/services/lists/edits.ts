import type { AppliedEdits, CallRowEdit, NewCallRow } from '../../../shared/callList';
import { listFailure } from './errors';
import { generatedOutid, isUsableOutid } from './outid';
import { parseColumns, ROW_COLUMNS, type RowRecord } from './records';
import { PROBLEM_BITS, rowBits } from './rowRules';
import type { CallListStore } from './store';

export type { AppliedEdits, CallRowEdit, NewCallRow } from '../../../shared/callList';

const KEPT_BITS = PROBLEM_BITS['phone.duplicate'] | PROBLEM_BITS['outid.replaced'];

/**
 * Applies a batch of edits in one transaction: all of them or none, committed and fsynced when
 * the call returns. Re-validates every touched row and the duplicate flags of every number that
 * was added, removed or changed. Returns the inverse batch for the UI's undo stack.
 */
export function applyEdits(
  store: CallListStore,
  listId: number,
  edits: readonly CallRowEdit[],
): AppliedEdits {
  return { ...writeEdits(store, listId, edits), list: store.getList(listId) };
}

/** {@link applyEdits} without the list's new counts (the caller counts them elsewhere). */
export function writeEdits(
  store: CallListStore,
  listId: number,
  edits: readonly CallRowEdit[],
): Omit<AppliedEdits, 'list'> {
  const db = store.db;
  const run = db.transaction(() => {
    const record = store.record(listId);
    const variableNames = parseColumns(record).variables;
    let nextOutid = record.next_outid;
    const touchedPhones = new Set<string | null>();
    const inverse: CallRowEdit[] = [];
    const insertedIds: number[] = [];
    const getRow = db.prepare<[number, number], RowRecord>(
      `SELECT ${ROW_COLUMNS} FROM call_rows WHERE id = ? AND list_id = ?`,
    );
    const count = (): number =>
      db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM call_rows WHERE list_id = ?').get(listId)
        ?.n ?? 0;

    const set = (edit: Extract<CallRowEdit, { kind: 'set' }>): CallRowEdit => {
      const row = getRow.get(edit.rowId, listId);
      if (!row) throw listFailure('lists.row_not_found', String(edit.rowId));
      if (typeof edit.value !== 'string') throw listFailure('lists.bad_edit');
      const variables = JSON.parse(row.variables) as string[];
      let telephoneRaw = row.telephone_raw;
      let old: string;
      if (edit.column === 'telephone') {
        old = telephoneRaw;
        telephoneRaw = edit.value;
      } else {
        const index = edit.column.startsWith('var:') ? variableNames.indexOf(edit.column.slice(4)) : -1;
        if (index < 0) throw listFailure('lists.unknown_column', edit.column);
        while (variables.length < variableNames.length) variables.push('');
        old = variables[index] ?? '';
        variables[index] = edit.value;
      }
      const { telephone, bits } = rowBits(telephoneRaw, variables);
      db.prepare(
        'UPDATE call_rows SET telephone_raw = ?, telephone = ?, variables = ?, problems = ? WHERE id = ?',
      ).run(
        telephoneRaw,
        telephone,
        JSON.stringify(variables),
        // A number that changed gets its duplicate flag from DuplicateFlags.refresh below (or none if invalid).
        bits | (row.problems & (telephone === row.telephone ? KEPT_BITS : PROBLEM_BITS['outid.replaced'])),
        row.id,
      );
      touchedPhones.add(row.telephone).add(telephone);
      if (edit.column !== 'telephone') store.sortKeys.cellChanged(listId, row.id, edit.column, edit.value);
      return { kind: 'set', rowId: row.id, column: edit.column, value: old };
    };

    const insert = (edit: Extract<CallRowEdit, { kind: 'insert' }>): CallRowEdit => {
      if (!Array.isArray(edit.rows) || !Number.isInteger(edit.at)) throw listFailure('lists.bad_edit');
      const at = Math.min(Math.max(0, edit.at), count());
      db.prepare('UPDATE call_rows SET position = position + ? WHERE list_id = ? AND position >= ?').run(
        edit.rows.length,
        listId,
        at,
      );
      const taken = db.prepare<[number, string], { id: number }>(
        'SELECT id FROM call_rows WHERE list_id = ? AND outid = ?',
      );
      const ids: number[] = [];
      edit.rows.forEach((input, offset) => {
        const variables = variableNames.map((_, index) => String(input.variables?.[index] ?? ''));
        const telephoneRaw = String(input.telephoneRaw ?? '');
        const { telephone, bits } = rowBits(telephoneRaw, variables);
        let outid: string;
        if (input.restore) {
          outid = input.restore.outid;
          if (!isUsableOutid(outid) || taken.get(listId, outid))
            throw listFailure('lists.outid_taken', outid);
        } else {
          do outid = generatedOutid(record.outid_prefix, nextOutid++);
          while (taken.get(listId, outid));
        }
        const restoredBits = input.restore?.outidOriginal != null ? PROBLEM_BITS['outid.replaced'] : 0;
        const result = db
          .prepare(
            `INSERT INTO call_rows (id, list_id, position, telephone_raw, telephone, outid, outid_original, variables,
               source_row, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.restore?.id ?? null,
            listId,
            at + offset,
            telephoneRaw,
            telephone,
            outid,
            input.restore?.outidOriginal ?? null,
            JSON.stringify(variables),
            input.restore?.sourceRow ?? null,
            bits | restoredBits,
          );
        ids.push(Number(result.lastInsertRowid));
        touchedPhones.add(telephone);
      });
      insertedIds.push(...ids);
      return { kind: 'delete', rowIds: ids };
    };

    const remove = (edit: Extract<CallRowEdit, { kind: 'delete' }>): CallRowEdit[] => {
      if (!Array.isArray(edit.rowIds)) throw listFailure('lists.bad_edit');
      const rows = edit.rowIds
        .map((id) => getRow.get(id, listId))
        .filter((row): row is RowRecord => row !== undefined)
        .sort((a, b) => a.position - b.position);
      if (rows.length === 0) return [];
      const del = db.prepare('DELETE FROM call_rows WHERE id = ?');
      for (const row of rows) {
        del.run(row.id);
        store.sortKeys.rowDeleted(listId, row.id);
        touchedPhones.add(row.telephone);
      }
      renumberFrom(store, listId, rows[0]?.position ?? 0);
      // Undo puts each run of neighbouring rows back at its old place, first run first.
      const restores: CallRowEdit[] = [];
      let run: RowRecord[] = [];
      const flush = (): void => {
        if (run.length)
          restores.push({ kind: 'insert', at: run[0]?.position ?? 0, rows: run.map(restoreOf) });
        run = [];
      };
      for (const row of rows) {
        const last = run[run.length - 1];
        if (last && row.position !== last.position + 1) flush();
        run.push(row);
      }
      flush();
      return restores;
    };

    for (const edit of edits) {
      if (edit.kind === 'set') inverse.unshift(set(edit));
      else if (edit.kind === 'insert') inverse.unshift(insert(edit));
      else if (edit.kind === 'delete') inverse.unshift(...remove(edit));
      else throw listFailure('lists.bad_edit');
    }
    // Rows inserted between others: the stored sort keys are made again at the next sort. (A
    // delete keeps them: the rows left keep their order, which is all a key's position says.)
    if (edits.some((edit) => edit.kind === 'insert')) store.sortKeys.invalidate(listId);
    store.duplicates.refresh(listId, touchedPhones);
    db.prepare('UPDATE call_lists SET updated_at = ?, next_outid = ? WHERE id = ?').run(
      store.now(),
      nextOutid,
      listId,
    );
    return { inverse, insertedIds };
  });
  return run.immediate();
}

function restoreOf(row: RowRecord): NewCallRow {
  return {
    telephoneRaw: row.telephone_raw,
    variables: JSON.parse(row.variables) as string[],
    restore: { id: row.id, outid: row.outid, outidOriginal: row.outid_original, sourceRow: row.source_row },
  };
}

/** Makes positions contiguous again after rows at or after `from` were removed. */
function renumberFrom(store: CallListStore, listId: number, from: number): void {
  store.db
    .prepare(
      `UPDATE call_rows SET position = r.rn
       FROM (SELECT id, row_number() OVER (ORDER BY position) - 1 + @from AS rn
             FROM call_rows WHERE list_id = @list AND position >= @from) AS r
       WHERE call_rows.id = r.id AND call_rows.position != r.rn`,
    )
    .run({ list: listId, from });
}
