import type { TaskIssue } from '../../../../../shared/taskRules';
import type { TaskTemplate } from '../../../../../shared/tasks';
import { useT } from '../../../i18n/useT';
import { AudioButton } from './AudioButton';
import { FieldProblems } from './FieldProblems';

interface TemplatePickerProps {
  templates: TaskTemplate[];
  value: string;
  onChange: (id: string) => void;
  issues: readonly TaskIssue[];
}

/** Templates as radio choices, each with its first-node script and its recordings. */
export function TemplatePicker({ templates, value, onChange, issues }: TemplatePickerProps) {
  const t = useT();
  return (
    <fieldset
      className="template-picker"
      aria-describedby={issues.length ? 'task-template-problem' : undefined}
    >
      <legend>{t('tasks.field.template')}</legend>
      {templates.length === 0 && <p className="form-hint">{t('tasks.wizard.noTemplates')}</p>}
      {templates.map((template) => (
        <div key={template.id} className="template-option" data-template={template.name}>
          <label>
            <input
              type="radio"
              name="task-template"
              value={template.id}
              checked={value === template.id}
              onChange={() => onChange(template.id)}
            />
            <strong>{template.name}</strong>
          </label>
          <p className="template-script">{template.script || t('tasks.wizard.noScript')}</p>
          {template.audioCount > 0 && (
            <div className="template-audio">
              {Array.from({ length: template.audioCount }, (_, i) => (
                <AudioButton key={i} templateId={template.id} index={i} templateName={template.name} />
              ))}
            </div>
          )}
        </div>
      ))}
      <FieldProblems id="task-template-problem" issues={issues} />
    </fieldset>
  );
}
