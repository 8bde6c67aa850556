/**
 * Stands in for `@rc-component/util/es/getScrollBarSize` (see build/cspSafeStyles.ts): the same
 * measurements without a <style> element. The original adds one to copy a target's
 * `::-webkit-scrollbar` size onto its measuring box; the CSP (`style-src 'self'`) blocks it, so
 * every antd Table reported a violation. Here the box copies what inline CSSOM can carry
 * (scrollbar-width and -color: allowed, being script, not markup) and a `::-webkit-scrollbar`
 * size set in CSS is read back directly.
 */
let cached: { width: number; height: number } | undefined;

function measure(target?: Element): { width: number; height: number } {
  const box = document.createElement('div');
  const style = box.style;
  style.position = 'absolute';
  style.left = '0';
  style.top = '0';
  style.width = '100px';
  style.height = '100px';
  style.overflow = 'scroll';
  let width = NaN;
  let height = NaN;
  if (target) {
    const computed = getComputedStyle(target);
    style.scrollbarColor = computed.scrollbarColor;
    style.scrollbarWidth = computed.scrollbarWidth;
    const webkit = getComputedStyle(target, '::-webkit-scrollbar');
    width = parseInt(webkit.width, 10);
    height = parseInt(webkit.height, 10);
  }
  document.body.appendChild(box);
  const size = {
    width: Number.isFinite(width) && width > 0 ? width : box.offsetWidth - box.clientWidth,
    height: Number.isFinite(height) && height > 0 ? height : box.offsetHeight - box.clientHeight,
  };
  document.body.removeChild(box);
  return size;
}

/** The page's scrollbar width (cached unless `fresh`). */
export default function getScrollBarSize(fresh?: boolean): number {
  if (typeof document === 'undefined') return 0;
  if (fresh || cached === undefined) cached = measure();
  return cached.width;
}

/** The scrollbar size of one element (its own scrollbar styles taken into account). */
export function getTargetScrollBarSize(target: unknown): { width: number; height: number } {
  if (typeof document === 'undefined' || !(target instanceof Element)) return { width: 0, height: 0 };
  return measure(target);
}
