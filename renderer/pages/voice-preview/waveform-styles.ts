/**
 * wavesurfer.js draws inside a shadow root and styles it with an inline <style> element
 * (dist/renderer.js, initHtml). The console's CSP (style-src 'self') refuses that element, so
 * the same rules are given here as a constructable stylesheet adopted by the shadow root:
 * script-created stylesheets are not inline markup, and nothing in the CSP is loosened.
 */
export const WAVEFORM_HEIGHT = 84;

const SHADOW_CSS = `
:host { user-select: none; min-width: 1px; }
:host audio { display: block; width: 100%; }
:host .scroll { overflow-x: auto; overflow-y: hidden; width: 100%; position: relative; }
:host .noScrollbar { scrollbar-color: transparent; scrollbar-width: none; }
:host .noScrollbar::-webkit-scrollbar { display: none; -webkit-appearance: none; }
:host .wrapper { position: relative; overflow: visible; z-index: 2; }
:host .canvases { min-height: ${WAVEFORM_HEIGHT}px; pointer-events: none; }
:host .canvases > div { position: relative; }
:host canvas { display: block; position: absolute; top: 0; image-rendering: pixelated; }
:host .progress { pointer-events: none; position: absolute; z-index: 2; top: 0; left: 0; width: 0; height: 100%; overflow: hidden; }
:host .progress > div { position: relative; }
:host .cursor { pointer-events: none; position: absolute; z-index: 5; top: 0; left: 0; height: 100%; border-radius: 2px; }
`;

let sheet: CSSStyleSheet | null = null;

/** Gives a wavesurfer shadow root its layout rules (once per root). */
export function adoptWaveformStyles(node: Node): void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
