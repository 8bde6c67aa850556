import type { Page } from '@playwright/test';

/** WCAG contrast of every visible text in `root` against the first opaque background under it. */
export async function contrastFailures(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const parse = (css: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return null;
      const parts = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]): number => {
      const lin = (c: number): number => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const over = (top: number[], bottom: number[]): number[] =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    /** The background under an element: its own and its ancestors' colours, blended. */
    const backgroundOf = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0) {
          layers.push(bg);
          if (bg[3] >= 1) break;
        }
      }
      let colour = [255, 255, 255];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const failures: string[] = [];
    const scope = document.querySelector(selector);
    if (!scope) return [`no ${selector}`];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      // Disabled controls are exempt (WCAG 1.4.3: inactive components).
      if (element.closest(':disabled, [aria-disabled="true"]')) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = backgroundOf(element);
      const colour = over(fg, bg);
      const [a, b] = [luminance(colour), luminance(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5)
        failures.push(
          `${ratio.toFixed(2)} "${text.slice(0, 30)}" (${style.color} on rgb(${bg.map(Math.round).join(',')}))`,
        );
    }
    return failures;
  }, root);
}
