import { ROW_PROBLEMS, type RowProblemCode } from '../../../../shared/callList';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import { useImportStore } from './importStore';
import { mappingProblem, MappingEditor } from './MappingEditor';

/** The mapping step and the import: sheet, header row, columns, preview, problems, progress, cancel. */
export function ImportWizard({ onImported }: { onImported: (listId: number) => void }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const store = useImportStore();
  const { inspection, mapping, phase, progress } = store;
  if (phase === 'idle' || phase === 'done') return null;
  if (!inspection || !mapping) {
    return (
      <p className="notice" role="status">
        {t('lists.reading')}
      </p>
    );
  }
  const problem = mappingProblem(mapping, inspection.columns.length);
  const counts = Object.entries(inspection.problemsPreview.counts) as [RowProblemCode, number][];
  const importing = phase === 'importing';

  const start = async (): Promise<void> => {
    const result = await store.run();
    if (result) onImported(result.list.id);
  };

  return (
    <section className="import-wizard" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title', { file: inspection.fileName })}</h2>
      <div className="import-options">
        <label>
          {t('import.sheet')}{' '}
          <select
            value={inspection.sheet}
            disabled={importing}
            onChange={(e) => void store.reinspect({ sheet: e.target.value })}
          >
            {inspection.sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {sheet.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('import.headerRow')}{' '}
          <input
            type="number"
            min={1}
            value={inspection.headerRow}
            disabled={importing}
            onChange={(e) =>
              Number(e.target.value) >= 1 &&
              void store.reinspect({ sheet: inspection.sheet, headerRow: Number(e.target.value) })
            }
          />
        </label>
        <label>
          {t('import.name')}{' '}
          <input
            value={store.name}
            disabled={importing}
            maxLength={200}
            onChange={(e) => store.setName(e.target.value)}
          />
        </label>
      </div>
      <h3>{t('import.mapping')}</h3>
      {inspection.mappingSource === 'remembered' && <p className="muted">{t('import.mapping.remembered')}</p>}
      <MappingEditor inspection={inspection} mapping={mapping} onChange={store.setMapping} />
      <h3>{t('import.preview', { count: inspection.sampleRows.length })}</h3>
      <div className="preview-scroll">
        <table className="preview-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {inspection.columns.map((column) => (
                <th key={column.index} scope="col">
                  {column.header || column.letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inspection.sampleRows.map((row) => (
              <tr key={row.rowNumber}>
                <th scope="row">{row.rowNumber}</th>
                {inspection.columns.map((column) => (
                  <td key={column.index}>{row.cells[column.index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="import-problems" role="status">
        {counts.length === 0 ? (
          t('import.noProblems', { scanned: inspection.problemsPreview.scannedRows })
        ) : (
          <>
            {t('import.problems', { scanned: inspection.problemsPreview.scannedRows })}
            <ul>
              {counts.map(([code, count]) => (
                <li key={code}>
                  {ROW_PROBLEMS[code][locale]}: {count}
                </li>
              ))}
            </ul>
            <ul className="problem-samples">
              {inspection.problemsPreview.problems.slice(0, 8).map((p) => (
                <li key={`${p.cell}-${p.code}`}>
                  {p.cell} · {ROW_PROBLEMS[p.code][locale]} {p.value && <code>{p.value}</code>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {problem && (
        <p className="field-problem" role="alert">
          {t(problem)}
        </p>
      )}
      {importing && progress && (
        <div className="import-progress">
          <progress
            max={1}
            value={progress.fraction}
            aria-label={t('import.progress', { rows: progress.rowsDone })}
          />
          <span role="status">{t('import.progress', { rows: progress.rowsDone })}</span>
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={importing || problem !== null}
          onClick={() => void start()}
        >
          {t('import.start')}
        </button>
        <button type="button" onClick={() => void store.cancel()}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
