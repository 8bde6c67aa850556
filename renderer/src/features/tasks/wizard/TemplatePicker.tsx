import { Radio } from 'antd';
import type { ProviderCapabilities } from '../../../../../shared/providers';
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
  /** A call script (with its first-node line and recordings) or an IVR flow (its access code). */
  kind: ProviderCapabilities['templateKind'];
}

/**
 * Templates as radio choices, each with its first-node script and its recordings; on a provider
 * whose "template" is an IVR flow, the flows with their access codes.
 */
export function TemplatePicker({ templates, value, onChange, issues, kind }: TemplatePickerProps) {
  const t = useT();
  const flow = kind === 'ivr_flow';
  return (
    <fieldset
      className="template-picker"
      aria-describedby={issues.length ? 'task-template-problem' : undefined}
    >
      <legend>{t(flow ? 'tasks.field.flow' : 'tasks.field.template')}</legend>
      {templates.length === 0 && (
        <p className="form-hint">{t(flow ? 'tasks.wizard.noFlows' : 'tasks.wizard.noTemplates')}</p>
      )}
      {templates.length > 0 && (
        // One group, so the arrow keys move between the templates as between native radios.
        <Radio.Group
          name="task-template"
          className="template-options"
          value={value}
          onChange={(event) => onChange(event.target.value as string)}
        >
          {templates.map((template) => (
            <div key={template.id} className="template-option" data-template={template.name}>
              <Radio value={template.id}>
                <strong>{template.name}</strong>
              </Radio>
              <p className="template-script">
                {flow
                  ? t('tasks.wizard.flowCode', { code: template.id })
                  : template.script || t('tasks.wizard.noScript')}
              </p>
              {template.audioCount > 0 && (
                <div className="template-audio">
                  {Array.from({ length: template.audioCount }, (_, i) => (
                    <AudioButton key={i} templateId={template.id} index={i} templateName={template.name} />
                  ))}
                </div>
              )}
            </div>
          ))}
        </Radio.Group>
      )}
      <FieldProblems id="task-template-problem" issues={issues} />
    </fieldset>
  );
}
