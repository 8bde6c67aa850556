import type { RowQuery } from '../../../../shared/callList';

/** A read the worker runs (one kind so far: a list's row ids in an order and filter). */
export interface ReadRequest {
  id: number;
  op: 'queryRowIds';
  listId: number;
  query: RowQuery;
}

/** Its answer, errors as data (a list error's code and detail, or `unexpected`). */
export type ReadReply =
  | { id: number; ok: true; value: number[] }
  | { id: number; ok: false; code: string; detail: string | undefined };
