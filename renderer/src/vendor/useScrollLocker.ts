import { useLayoutEffect, useState } from 'react';
import { getTargetScrollBarSize } from './scrollBarSize';

/**
 * Stands in for `@rc-component/portal/es/useScrollLocker` (see build/cspSafeStyles.ts): while a
 * Modal or Drawer is open the page behind it does not scroll. The original writes a <style>
 * element, which the CSP blocks; here a class on <body> does it (styles.css), with the
 * scrollbar's width kept as a CSS variable set through CSSOM so the page does not shift.
 */
let uuid = 0;
const holders = new Set<number>();

function apply(): void {
  const body = document.body;
  if (holders.size === 0) {
    body.classList.remove('cd-scroll-locked');
    body.style.removeProperty('--cd-scrollbar-width');
    return;
  }
  if (body.classList.contains('cd-scroll-locked')) return;
  const overflowing =
    document.body.scrollHeight > (window.innerHeight || document.documentElement.clientHeight);
  const width = overflowing ? getTargetScrollBarSize(document.body).width : 0;
  body.style.setProperty('--cd-scrollbar-width', `${width}px`);
  body.classList.add('cd-scroll-locked');
}

export default function useScrollLocker(lock?: boolean): void {
  const [id] = useState(() => ++uuid);
  const locked = !!lock;
  useLayoutEffect(() => {
    if (locked) holders.add(id);
    else holders.delete(id);
    apply();
    return () => {
      holders.delete(id);
      apply();
    };
  }, [locked, id]);
}
