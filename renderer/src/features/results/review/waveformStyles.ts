/**
 * wavesurfer.js puts its layout rules in a `<style>` element inside its shadow root, which the
 * app's CSP (`style-src 'self'`, no inline styles) blocks: without them the canvases, progress
 * mask and cursor are not positioned. The same rules are adopted as a constructed stylesheet,
 * which is script-created CSSOM and not subject to style-src. `.regions` holds the transcript's
 * lines drawn over the waveform (useWaveform.ts).
 */
const RULES = `
:host { user-select: none; min-width: 1px; }
:host audio { display: block; width: 100%; }
:host .scroll { overflow-x: auto; overflow-y: hidden; width: 100%; position: relative; }
:host .noScrollbar { scrollbar-color: transparent; scrollbar-width: none; }
:host .noScrollbar::-webkit-scrollbar { display: none; -webkit-appearance: none; }
:host .wrapper { position: relative; overflow: visible; z-index: 2; }
:host .canvases { pointer-events: none; }
:host .canvases > div { position: relative; }
:host canvas { display: block; position: absolute; top: 0; image-rendering: pixelated; }
:host .progress { pointer-events: none; position: absolute; z-index: 2; top: 0; left: 0; width: 0; height: 100%; overflow: hidden; }
:host .progress > div { position: relative; }
:host .regions { pointer-events: none; position: absolute; z-index: 3; top: 0; left: 0; width: 100%; height: 100%; }
:host .regions > div { position: absolute; top: 0; height: 100%; }
:host .cursor { pointer-events: none; position: absolute; z-index: 5; top: 0; left: 0; height: 100%; border-radius: 2px; }
`;

let sheet: CSSStyleSheet | null = null;

/** Gives a wavesurfer instance's shadow root the layout rules its blocked `<style>` held. */
export function adoptWaveformStyles(wrapper: HTMLElement): void {
  const root = wrapper.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(RULES);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
