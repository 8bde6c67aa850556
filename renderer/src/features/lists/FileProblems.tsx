import { Alert } from 'antd';
import type { FileProblem } from '../../../../shared/importing';
import { FILE_PROBLEMS } from '../../../../shared/codes/importing';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';

/** Problems of the file itself (no phone column, mixed encodings, a quote never closed). */
export function FileProblems({ problems }: { problems: readonly FileProblem[] }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  if (problems.length === 0) return null;
  return (
    <Alert
      className="file-problems"
      type="warning"
      showIcon
      title={t('import.fileProblems')}
      description={
        <ul>
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${problem.row ?? 'file'}-${index}`}>
              {problem.row !== null && `${t('import.fileProblemRow', { row: problem.row })} · `}
              {FILE_PROBLEMS[problem.code][locale]}
            </li>
          ))}
        </ul>
      }
    />
  );
}
