import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';

/**
 * The rows of a fixed-height virtualized list that are in view (plus `overscan` on each side):
 * the grid and the calls table put only these in the DOM, so 100,000 rows scroll like 100.
 * Also keeps a row in view (`reveal`) when the keyboard moves the selection.
 */
export function useVirtualRows(rowHeight: number, count: number, overscan: number, initialHeight: number) {
  const viewport = useRef<HTMLDivElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);

  // A callback ref, not an effect: the viewport may mount after the component (once data came).
  const ref = useCallback((element: HTMLDivElement | null): void => {
    observer.current?.disconnect();
    observer.current = null;
    viewport.current = element;
    if (!element) return;
    observer.current = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  /** Scrolls the least needed so row `index` (and `rows` rows in all) is visible. */
  const reveal = useCallback(
    (index: number, rows = 1): void => {
      const element = viewport.current;
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight * rows > element.scrollTop + element.clientHeight)
        element.scrollTop = top + rowHeight * rows - element.clientHeight;
    },
    [rowHeight],
  );

  return {
    /** Put on the scrolling element. */
    ref,
    /** The scrolling element, once mounted. */
    viewport,
    first: Math.max(0, Math.floor(scrollTop / rowHeight) - overscan),
    last: Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan),
    /** Rows one screen holds (PageUp/PageDown). */
    pageRows: Math.max(1, Math.floor(height / rowHeight)),
    onScroll: (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop),
    reveal,
  };
}
