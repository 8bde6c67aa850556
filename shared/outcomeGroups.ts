/**
 * A provider's own outcome codes, grouped for the Results screen: where a provider declares
 * groups (`ProviderCapabilities.outcomeCodes`: Huawei CEC's failCode groups), the outcome chips
 * and the status filter offer these groups instead of the neutral outcomes, the call table shows
 * the raw code in a column named after it, and the export writes the code, its group and its
 * meaning. Main matches the same groups in SQL (results/resultsQuery.ts); this file holds the
 * rule both sides read, so the screen and the query cannot disagree.
 */
import type { Localized } from './locale';
import type { CallOutcome, ResultsCounts, ResultsFilter } from './results';

/** One documented code of a group, with what it means. */
export interface OutcomeCodeMeaning {
  code: string;
  label: Localized;
}

/**
 * One group. A call belongs to the first group, in order, whose `outcomes` hold its outcome or
 * whose `codes` hold its code; a group with neither takes every call no earlier group took (the
 * last group should be such a catch-all, so every call has a group).
 */
export interface OutcomeGroup {
  id: string;
  label: Localized;
  outcomes?: readonly CallOutcome[];
  codes?: readonly OutcomeCodeMeaning[];
}

/** How a provider names and groups its own codes. */
export interface OutcomeCodes {
  /** What the provider calls its code (the table's column, the export's header). */
  name: Localized;
  groups: readonly OutcomeGroup[];
}

/** Whether a group takes every call the earlier groups left (it lists no outcome and no code). */
export function isCatchAll(group: OutcomeGroup): boolean {
  return (group.outcomes?.length ?? 0) === 0 && (group.codes?.length ?? 0) === 0;
}

/** The group of a call with this outcome and code; null when no group takes it. */
export function groupOf(spec: OutcomeCodes, outcome: CallOutcome, code: string): OutcomeGroup | null {
  for (const group of spec.groups) {
    if (isCatchAll(group)) return group;
    if (group.outcomes?.includes(outcome)) return group;
    if (group.codes?.some((c) => c.code === code)) return group;
  }
  return null;
}

/** What a documented code means; null for a code no group lists. */
export function codeMeaning(spec: OutcomeCodes, code: string): Localized | null {
  for (const group of spec.groups) {
    const found = group.codes?.find((c) => c.code === code);
    if (found) return found.label;
  }
  return null;
}

/**
 * One choice of the outcome chips and the status filter: a neutral outcome (its name, as the status select has always sent it) or a
 * provider's group (`g:<id>`), with its count and whether the filter holds it.
 */
export interface OutcomeChoice {
  key: string;
  label: Localized;
  count: number;
  chosen: boolean;
}

/**
 * The choices to offer for these counts and this filter: the groups when the counts have them
 * (a provider with `outcomeCodes`), else the outcomes. A chosen one the counts no longer hold
 * (no call left) is still offered, with 0, so it can be taken back.
 */
export function outcomeChoices(
  counts: Pick<ResultsCounts, 'byOutcome' | 'byGroup'>,
  filter: ResultsFilter,
  outcomeLabel: (outcome: CallOutcome) => Localized,
): OutcomeChoice[] {
  if (counts.byGroup) {
    const chosen = new Set(filter.outcomeGroups ?? []);
    const choices: OutcomeChoice[] = counts.byGroup.map((g) => ({
      key: `g:${g.group}`,
      label: g.label,
      count: g.count,
      chosen: chosen.has(g.group),
    }));
    return choices;
  }
  const chosen = new Set(filter.outcomes ?? []);
  const choices: OutcomeChoice[] = counts.byOutcome.map((o) => ({
    key: o.outcome,
    label: outcomeLabel(o.outcome),
    count: o.count,
    chosen: chosen.has(o.outcome),
  }));
  for (const outcome of chosen) {
    if (!counts.byOutcome.some((o) => o.outcome === outcome))
      choices.push({ key: outcome, label: outcomeLabel(outcome), count: 0, chosen: true });
  }
  return choices;
}

/** The filter change that toggles a choice in or out (a chip: several can be chosen). */
export function toggleChoice(filter: ResultsFilter, key: string): Partial<ResultsFilter> {
  const toggled = <T>(list: readonly T[] | undefined, item: T): T[] => {
    const current = list ?? [];
    return current.includes(item) ? current.filter((x) => x !== item) : [...current, item];
  };
  if (key.startsWith('g:')) return { outcomeGroups: toggled(filter.outcomeGroups, key.slice(2)) };
  return { outcomes: toggled(filter.outcomes, key as CallOutcome) };
}

/** The filter change that chooses exactly these choices (the status select: none is every call). */
export function choicesOf(keys: readonly string[]): Partial<ResultsFilter> {
  return {
    outcomes: keys.filter((key) => !key.startsWith('g:')) as CallOutcome[],
    outcomeGroups: keys.filter((key) => key.startsWith('g:')).map((key) => key.slice(2)),
  };
}

/** The filter change that chooses exactly this choice, or none with `''`. */
export function onlyChoice(key: string): Partial<ResultsFilter> {
  return choicesOf(key === '' ? [] : [key]);
}
