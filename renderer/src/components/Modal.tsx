import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** The dialog's accessible name (shown as its heading). */
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus inside it, Escape
 * closes it (or first a list open in it), and focus returns to where it was when it closes.
 */
export function Modal({ title, onClose, children, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event): void => {
      event.preventDefault();
      close.current();
    };
    // Escape in an open list (an antd Select's combobox, whose popup renders in here) closes the
    // list only, as a native <select> does: the key's default, the dialog's cancel, is dropped.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (
        event.key === 'Escape' &&
        event.target instanceof Element &&
        event.target.getAttribute('aria-expanded') === 'true'
      )
        event.preventDefault();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeyDown, true);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown, true);
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-label={title}>
      <h2 className="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
