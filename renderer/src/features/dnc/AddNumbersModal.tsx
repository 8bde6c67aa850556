import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { splitNumbers, type DncTarget } from './dncStore';

interface AddNumbersModalProps {
  open: boolean;
  onCancel(): void;
  /** Adds the numbers; resolves true when the modal may close. */
  onAdd(telephones: string[], target: DncTarget, reason: string): Promise<boolean>;
}

interface AddFields {
  numbers: string;
  reason?: string;
  target: DncTarget;
}

/** Numbers typed or pasted from Excel, an optional reason, and whom the entries apply to. */
export function AddNumbersModal({ open, onCancel, onAdd }: AddNumbersModalProps) {
  const t = useT();
  const [form] = Form.useForm<AddFields>();
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    const fields = await form.validateFields();
    setBusy(true);
    try {
      if (await onAdd(splitNumbers(fields.numbers), fields.target, fields.reason ?? '')) form.resetFields();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('dnc.form.title')}
      okText={t('dnc.form.ok')}
      cancelText={t('dnc.form.cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ target: 'account' }} preserve={false}>
        <Form.Item
          name="numbers"
          label={t('dnc.form.numbers')}
          extra={t('dnc.form.numbersHint')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                splitNumbers(value ?? '').length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('dnc.form.numbersRequired'))),
            },
          ]}
        >
          <Input.TextArea rows={6} autoFocus />
        </Form.Item>
        <Form.Item name="reason" label={t('dnc.form.reason')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="target" label={t('dnc.form.target')}>
          <Radio.Group
            aria-label={t('dnc.form.target')}
            optionType="button"
            options={[
              { value: 'account', label: t('dnc.scope.account') },
              { value: 'all', label: t('dnc.scope.all') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
