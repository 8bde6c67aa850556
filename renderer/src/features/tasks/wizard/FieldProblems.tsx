import { describeTaskIssue, type TaskIssue } from '../../../../../shared/taskRules';
import { useLocale } from '../useLocale';

/** What to fix in a field, in the user's language (the same text main would answer). */
export function FieldProblems({ id, issues }: { id: string; issues: readonly TaskIssue[] }) {
  const locale = useLocale();
  if (issues.length === 0) return null;
  return (
    <div id={id} className="field-problems">
      {issues.map((issue, i) => (
        <span key={i} className="field-problem">
          {describeTaskIssue(issue, locale)}
        </span>
      ))}
    </div>
  );
}
