import { useEffect, useRef } from 'react';

export interface ReviewKeyActions {
  toggle(): void;
  skip(seconds: number): void;
  step(delta: number): void;
}

/** Where typing must not be taken as a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * The review keys while a call is open: Space plays/pauses, ←/→ skip 5 s, J or PageDown the
 * next call, K or PageUp the previous one. Space is taken even on a focused button (a button's
 * own Space would click it as well, toggling twice).
 */
export function useReviewKeys(actions: ReviewKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const a = latest.current;
      switch (event.key) {
        case ' ':
          a.toggle();
          break;
        case 'ArrowLeft':
          a.skip(-5);
          break;
        case 'ArrowRight':
          a.skip(5);
          break;
        case 'j':
        case 'J':
        case 'PageDown':
          a.step(1);
          break;
        case 'k':
        case 'K':
        case 'PageUp':
          a.step(-1);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
