/**
 * The one chart component (packages/charts KpiChart) rendered in the chart worker's DOM at a fixed
 * width with animation off, and its `<svg>` taken out as standalone markup.
 */
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { KpiChart } from '@sol/charts/KpiChart.tsx';
import { suppressionMarker } from '@sol/domain/suppression-text.ts';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * On paper there is no tooltip to say why a bar is missing: a group withheld in every series
 * gets its marker ("<5" or "–") at the foot of its bar. Groups sit in equal bands along the
 * category axis (recharts' band scale), so the marker goes in the middle of its band.
 */
function markWithheldBars(svg: Element, spec: ChartSpec): void {
  if (spec.kind !== 'bar' || spec.series.length === 0) return;
  const horizontal = spec.horizontal === true;
  const axis = svg.querySelector(`${horizontal ? '.recharts-yAxis' : '.recharts-xAxis'} .recharts-cartesian-axis-line`);
  if (!axis) return;
  const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(axis.getAttribute(name)));
  const count = spec.categories.length;
  spec.categories.forEach((_, index) => {
    const reasons = spec.series.map((series) => series.suppressed[index] ?? null);
    const first = reasons[0];
    if (!first || reasons.some((reason) => reason === null)) return;
    const text = document.createElementNS(SVG_NS, 'text');
    const along = (index + 0.5) / count;
    if (horizontal) {
      text.setAttribute('x', String((x1 as number) + 6));
      text.setAttribute('y', String((y1 as number) + along * ((y2 as number) - (y1 as number))));
      text.setAttribute('dy', '0.35em');
    } else {
      text.setAttribute('x', String((x1 as number) + along * ((x2 as number) - (x1 as number))));
      text.setAttribute('y', String((y1 as number) - 6));
      text.setAttribute('text-anchor', 'middle');
    }
    text.setAttribute('class', 'export-withheld');
    text.setAttribute('font-size', '12');
    text.setAttribute('fill', '#4a4a4a');
    text.textContent = suppressionMarker(first, spec.suppressionThreshold);
    svg.appendChild(text);
  });
}

/**
 * The chart's `<svg>` as markup, `width` × `height` px, with its namespace so it stands alone.
 * Throws when the chart drew nothing: an empty picture is an error, not an export.
 */
export function renderChartSvgElement(spec: ChartSpec, width: number, height: number): string {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  try {
    // recharts lays out in effects and re-renders; flushSync runs all of it before returning.
    flushSync(() => root.render(createElement(KpiChart, { spec, width, height, animate: false })));
    // The chart's own surface (the legend's icons are small svgs in HTML beside it).
    const svg = container.querySelector('.recharts-wrapper > svg.recharts-surface');
    if (!svg) throw new Error('Diagrammet blev ikke tegnet (ingen <svg> i recharts-output)');
    markWithheldBars(svg, spec);
    // Screen-only attributes: the CSS size would stretch the chart to the frame it is placed in.
    for (const name of ['style', 'role', 'tabindex']) svg.removeAttribute(name);
    // XMLSerializer adds the namespace; happy-dom writes a no-break space ("§ 85" kept on one
    // line) as the HTML entity &nbsp;, which XML, and so resvg, does not know.
    return new window.XMLSerializer().serializeToString(svg).replaceAll('&nbsp;', '&#160;');
  } finally {
    root.unmount();
    container.remove();
  }
}
