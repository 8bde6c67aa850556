import { useEffect } from 'react';
import { ROW_PROBLEMS } from '../../../../shared/callList';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import { useGridStore } from './gridStore';

const SHOWN = 500;

/** Every problem of the list; choosing one selects its cell in the grid (clearing a filter that hides it). */
export function ProblemsPanel() {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const list = useGridStore((state) => state.list);
  const problems = useGridStore((state) => state.problems);
  const loadProblems = useGridStore((state) => state.loadProblems);

  useEffect(() => {
    if (list && problems === null) void loadProblems();
  }, [list, problems, loadProblems]);

  if (!list || problems === null) return null;

  const jump = async (rowId: number, column: string): Promise<void> => {
    const store = useGridStore.getState();
    let index = store.viewIds.indexOf(rowId);
    if (index < 0) {
      await store.setQuery({});
      index = useGridStore.getState().viewIds.indexOf(rowId);
    }
    const key = column === 'telephone' || column === 'outid' ? column : `var:${column}`;
    if (index >= 0) store.select({ index, column: key });
    document.querySelector<HTMLElement>('.grid-viewport')?.focus();
  };

  return (
    <aside className="problems-panel" aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problems.title', { count: problems.length })}</h2>
      {problems.length === 0 && <p className="muted">{t('problems.none')}</p>}
      <ul>
        {problems.slice(0, SHOWN).map((problem) => (
          <li key={`${problem.rowId}-${problem.code}-${problem.column}`}>
            <button type="button" onClick={() => void jump(problem.rowId, problem.column)}>
              <span className="problem-row">
                {problem.sourceRow === null
                  ? t('problems.newRow')
                  : t('problems.row', { row: problem.sourceRow })}
              </span>
              <span>{ROW_PROBLEMS[problem.code][locale]}</span>
              {problem.value && <code>{problem.value}</code>}
            </button>
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p className="muted">{t('problems.more', { shown: SHOWN })}</p>}
    </aside>
  );
}
