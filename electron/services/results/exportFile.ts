import { EXPORT_NAMES } from '../../../shared/codes/exports';
import type { ExportOutcome } from '../../../shared/exports';
import type { OutcomeCodes } from '../../../shared/outcomeGroups';
import type { ResultsFilter, ResultsSource, ResultsSourceOption } from '../../../shared/results';
import { defaultFileName } from '../exports/fileName';
import { dataFolderHost, ExportService } from '../exports/service';
import { exportResults } from './export';
import type { ResultsFeatureDeps } from './featureDeps';
import type { ResultsReader } from './resultsQuery';

/** The feature's parts an export reads (the account and its codes as they are when the file is written). */
export interface ExportHost {
  readonly accountId: string;
  readonly outcomeCodes: OutcomeCodes | null;
  readonly reader: ResultsReader;
  sources(): Promise<ResultsSourceOption[]>;
}

/**
 * Writes the matching calls where the host says (a save dialog in the app, a download in the
 * harness), named after the task or list, "results" and today's date.
 */
export async function exportResultsFile(
  host: ExportHost,
  deps: Pick<ResultsFeatureDeps, 'locale' | 'now' | 'exports' | 'dataDir'>,
  source: ResultsSource,
  filter: ResultsFilter,
  format: 'xlsx' | 'csv',
): Promise<ExportOutcome> {
  const locale = deps.locale?.() ?? 'zh-CN';
  const key = (s: ResultsSource): string => (s.kind === 'task' ? `task:${s.taskId}` : `list:${s.listId}`);
  const named = (await host.sources()).find((option) => key(option.source) === key(source))?.name;
  const name = named ?? (source.kind === 'task' ? source.taskId : String(source.listId));
  const suggested = defaultFileName([name, EXPORT_NAMES.results[locale]], format, (deps.now ?? Date.now)());
  const exports = deps.exports ?? new ExportService(dataFolderHost(deps.dataDir));
  return exports.deliver(suggested, format, (file) =>
    exportResults(host.reader, file, {
      accountId: host.accountId,
      source,
      filter,
      locale,
      outcomeCodes: host.outcomeCodes,
    }),
  );
}
