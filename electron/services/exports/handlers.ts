import { EXPORT_NAMES } from '../../../shared/codes/exports';
import type { exportCalls } from '../../../shared/contracts/exports';
import type { Locale } from '../../../shared/locale';
import type { FeatureHandlers } from '../contract/dispatch';
import type { DncFeature } from '../dnc/feature';
import type { ListsFeature } from '../lists/feature';
import type { ResultsFeature } from '../results/feature';
import { defaultFileName } from './fileName';
import type { ExportService } from './service';

export interface ExportSources {
  exports: ExportService;
  lists: ListsFeature;
  results: ResultsFeature;
  dnc: DncFeature;
  locale: () => Locale;
  now?: () => number;
}

/** The `exports:*` calls: every export delivered by the one export service. */
export function exportHandlers(sources: ExportSources): FeatureHandlers<typeof exportCalls> {
  const { exports, lists, results, dnc, locale } = sources;
  return {
    'exports:list': ({ listId, format, telephone }) => lists.exportFile(listId, format, telephone),
    'exports:results': ({ source, filter, format }) => results.exportFile(source, filter, format),
    'exports:dnc': ({ format, scope }) => {
      const language = locale();
      const name = defaultFileName([EXPORT_NAMES.doNotCall[language]], format, (sources.now ?? Date.now)());
      return exports.deliver(name, format, (file) => dnc.exportTo(file, format, language, scope));
    },
    'exports:reveal': ({ savedId }) => exports.reveal(savedId),
  };
}
