import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

interface CellEditorProps {
  initial: string;
  label: string;
  /** Saves and says where to go next. */
  onCommit: (value: string, move: 'down' | 'right' | 'none') => void;
  onCancel: () => void;
}

/**
 * The in-cell editor. Enter and Tab commit, Escape cancels — except while an input method
 * (Chinese pinyin, wubi…) is composing, when Enter picks the candidate and must not commit.
 */
export function CellEditor({ initial, label, onCommit, onCancel }: CellEditorProps) {
  const [value, setValue] = useState(initial);
  const composing = useRef(false);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.setSelectionRange(initial.length, initial.length);
  }, [initial]);

  const finish = (move: 'down' | 'right' | 'none' | 'cancel'): void => {
    if (done.current) return;
    done.current = true;
    if (move === 'cancel') onCancel();
    else onCommit(value, move);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      finish('down');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish('right');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish('cancel');
    }
    event.stopPropagation();
  };

  return (
    <input
      ref={input}
      className="cell-editor"
      aria-label={label}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => (composing.current = false)}
      onKeyDown={onKeyDown}
      onBlur={() => finish('none')}
      onPaste={(event) => event.stopPropagation()}
    />
  );
}
