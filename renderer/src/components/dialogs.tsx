import { App, Form, Input, Modal } from 'antd';
import { useCallback, useEffect, useState } from 'react';

export interface ConfirmOptions {
  title: string;
  content?: string;
  okText: string;
  cancelText: string;
  /** A destructive action: the OK button is red. */
  danger?: boolean;
}

/**
 * The in-app replacement for `window.confirm` (Electron's native dialogs block the window and
 * `prompt` does not exist there): resolves true on OK, false on cancel or Escape.
 */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const { modal } = App.useApp();
  return useCallback(
    (options) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: options.title,
          content: options.content,
          okText: options.okText,
          cancelText: options.cancelText,
          okButtonProps: { danger: options.danger },
          autoFocusButton: 'cancel',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );
}

export interface PromptModalProps {
  open: boolean;
  title: string;
  /** The field's label (its accessible name). */
  label: string;
  initialValue: string;
  okText: string;
  cancelText: string;
  /** An inline problem with the value, or null when it may be submitted. */
  validate?: (value: string) => string | null;
  /** Called with the trimmed value; the dialog stays open (busy) until it settles. */
  onSubmit: (value: string) => Promise<void> | void;
  onCancel: () => void;
}

/** The in-app replacement for `window.prompt`: one text field in a Modal, checked inline. */
export function PromptModal(props: PromptModalProps) {
  const { open, title, label, initialValue, okText, cancelText, validate, onSubmit, onCancel } = props;
  const [form] = Form.useForm<{ value: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue({ value: initialValue });
  }, [open, initialValue, form]);

  const submit = async (): Promise<void> => {
    const { value } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(value.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={cancelText}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item
          name="value"
          label={label}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const problem = validate?.(value?.trim() ?? '') ?? null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
