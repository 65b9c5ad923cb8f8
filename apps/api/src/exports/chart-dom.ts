/**
 * The DOM the chart worker renders in. recharts 3 lays a chart out in a DOM (its static-markup
 * output is an empty wrapper), so the worker thread gets a happy-dom window as its global
 * `window`/`document` — before react-dom and recharts load, as in a browser. This runs only in
 * the worker: in the server's own thread other libraries take a global `window` to mean "running
 * in a browser" (PGlite does), so the main thread never gets one.
 */
import { Window } from 'happy-dom';
import { textWidth } from './text-measure.ts';

const MEASUREMENT_SPAN_ID = 'recharts_measurement_span';
/** A browser's default font size: what the span measures with when recharts passes none. */
const DEFAULT_FONT_SIZE = 16;

export function installChartDom(): Window {
  const window = new Window({ width: 1600, height: 1200 });
  // recharts measures text (to wrap long category names and space the ticks) in a span of its
  // own; happy-dom has no layout, so that span's box comes from the chart font's glyph widths.
  const span = window.document.createElement('span');
  span.setAttribute('id', MEASUREMENT_SPAN_ID);
  span.setAttribute('aria-hidden', 'true');
  span.getBoundingClientRect = () => {
    const fontSize = Number.parseFloat(span.style.fontSize) || DEFAULT_FONT_SIZE;
    const width = textWidth(span.textContent ?? '', fontSize, Number(span.style.fontWeight) >= 600);
    return new window.DOMRect(0, 0, width, fontSize * 1.2);
  };
  window.document.body.appendChild(span);
  // recharts reads the tick font size from getComputedStyle; happy-dom does not map the SVG
  // font-size attribute to it (a browser does), and without this every tick measures as 16px.
  const computedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Parameters<Window['getComputedStyle']>[0]) => {
    const style = computedStyle(element);
    const size = Number.parseFloat(element.getAttribute('font-size') ?? '');
    if (!Number.isFinite(size)) return style;
    return new Proxy(style, { get: (target, key) => (key === 'fontSize' ? `${size}px` : Reflect.get(target, key)) });
  };
  const scope = globalThis as Record<string, unknown>;
  scope.window = window;
  scope.document = window.document;
  // Node 20 has no navigator; react-dom reads its userAgent when it loads.
  if (scope.navigator === undefined) scope.navigator = window.navigator;
  return window;
}
