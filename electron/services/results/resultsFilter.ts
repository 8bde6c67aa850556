import { normalizePhone } from '../../../shared/phone';
import { isCatchAll, type OutcomeCodes, type OutcomeGroup } from '../../../shared/outcomeGroups';
import type { ResultsFilter, ResultsSource } from '../../../shared/results';

/** Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * "Find a customer": 4 digits are the number's end (masked numbers keep theirs; an expression
 * index answers it), a whole number is matched normalised (the telephone index), other digits
 * anywhere in the number, anything else as the start of one of the call's list row values (a
 * name, a surname: the index of result_call_values).
 */
function customerCondition(
  raw: string | undefined,
  accountId: string,
): { sql: string; params: string[]; byValue: boolean } | null {
  const wanted = raw?.trim();
  if (!wanted) return null;
  const digits = wanted.replace(/[\s\u00a0\u3000\-()（）]/g, '');
  if (/^\d{4}$/.test(digits)) return { sql: 'substr(c.tel, -4) = ?', params: [digits], byValue: false };
  if (/^\+?\d{5,}$/.test(digits)) {
    const check = normalizePhone(digits);
    if (check.ok) return { sql: 'c.tel = ?', params: [check.telephone], byValue: false };
    return { sql: "c.tel LIKE ? ESCAPE '\\'", params: [likeText(digits.replace(/^\+/, ''))], byValue: false };
  }
  // A prefix of any of the row's values: an index range (U+10FFFF sorts after every character),
  // then each call by its key. Within the active account (a list's calls may span accounts).
  return {
    sql: `c.account_id = ? AND c.callid IN (SELECT v.callid FROM result_call_values v
           WHERE v.account_id = ? AND v.value >= ? AND v.value < ?)`,
    params: [accountId, accountId, wanted, `${wanted}\u{10FFFF}`],
    byValue: true,
  };
}

/** A group's own test: the call's outcome or code is one it lists (null for a catch-all). */
function ownCondition(group: OutcomeGroup): { sql: string; params: string[] } | null {
  if (isCatchAll(group)) return null;
  const either: string[] = [];
  const params: string[] = [];
  if (group.outcomes?.length) {
    either.push(`c.outcome IN (${group.outcomes.map(() => '?').join(',')})`);
    params.push(...group.outcomes);
  }
  if (group.codes?.length) {
    either.push(`c.outcome_code IN (${group.codes.map(() => '?').join(',')})`);
    params.push(...group.codes.map((c) => c.code));
  }
  return { sql: `(${either.join(' OR ')})`, params };
}

/**
 * The SQL expression naming a call's group (the first group whose outcomes or codes it has, the
 * catch-all otherwise; NULL when no group takes it): shared/outcomeGroups.ts `groupOf` in SQL,
 * used both to count the groups and to filter by them, so the two cannot disagree.
 */
export function groupExpression(spec: OutcomeCodes): { sql: string; params: string[] } {
  const whens: string[] = [];
  const params: string[] = [];
  let otherwise: string | null = null;
  for (const group of spec.groups) {
    const own = ownCondition(group);
    if (!own) {
      otherwise = group.id;
      break;
    }
    whens.push(`WHEN ${own.sql} THEN ?`);
    params.push(...own.params, group.id);
  }
  if (whens.length === 0)
    return otherwise === null ? { sql: 'NULL', params } : { sql: '?', params: [otherwise] };
  if (otherwise === null) return { sql: `(CASE ${whens.join(' ')} ELSE NULL END)`, params };
  return { sql: `(CASE ${whens.join(' ')} ELSE ? END)`, params: [...params, otherwise] };
}

/**
 * The WHERE clause and parameters for a source and filter (every value bound, never spliced).
 * `groups`: the account's provider's code groups; without them `filter.outcomeGroups` is ignored.
 */
export function whereOf(
  accountId: string,
  source: ResultsSource,
  filter: ResultsFilter,
  groups: OutcomeCodes | null = null,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const customer = customerCondition(filter.customer, accountId);
  // A customer found by a value is a handful of calls reached by their keys: `+` keeps the
  // task's and list's indexes (which would walk every call of the task) out of the plan, so it
  // does not depend on the planner's statistics being fresh.
  const unindexed = customer?.byValue ? '+' : '';
  if (source.kind === 'task') {
    parts.push(`c.account_id = ? AND ${unindexed}c.task_id = ?`);
    params.push(accountId, source.taskId);
  } else {
    parts.push(`${unindexed}c.list_id = ?`);
    params.push(source.listId);
  }
  if (filter.outcomes && filter.outcomes.length > 0) {
    parts.push(`c.outcome IN (${filter.outcomes.map(() => '?').join(',')})`);
    params.push(...filter.outcomes);
  }
  if (groups && filter.outcomeGroups && filter.outcomeGroups.length > 0) {
    const group = groupExpression(groups);
    parts.push(`${group.sql} IN (${filter.outcomeGroups.map(() => '?').join(',')})`);
    params.push(...group.params, ...filter.outcomeGroups);
  }
  if (filter.intentions && filter.intentions.length > 0) {
    const labels = filter.intentions.filter((label) => label !== '');
    const either: string[] = [];
    if (labels.length > 0) {
      either.push(
        `EXISTS (SELECT 1 FROM result_intentions i WHERE i.account_id = c.account_id AND i.callid = c.callid
         AND i.label IN (${labels.map(() => '?').join(',')}))`,
      );
      params.push(...labels);
    }
    if (filter.intentions.includes('')) either.push("c.intentions = ''");
    parts.push(`(${either.join(' OR ')})`);
  }
  if (filter.minTalkSeconds !== undefined) {
    parts.push('c.talk_ms >= ?');
    params.push(Math.round(filter.minTalkSeconds * 1000));
  }
  if (filter.maxTalkSeconds !== undefined) {
    parts.push('c.talk_ms <= ?');
    params.push(Math.round(filter.maxTalkSeconds * 1000));
  }
  if (filter.from !== undefined) {
    parts.push('c.start_time >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    parts.push('c.start_time < ?');
    params.push(filter.to);
  }
  const text = filter.text?.trim();
  if (text) {
    parts.push("c.transcript LIKE ? ESCAPE '\\'");
    params.push(likeText(text));
  }
  if (customer) {
    parts.push(customer.sql);
    params.push(...customer.params);
  }
  return { sql: parts.join(' AND '), params };
}
