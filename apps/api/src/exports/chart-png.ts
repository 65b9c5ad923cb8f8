/** An export SVG as PNG: resvg, off the event loop, with only the shipped font. */
import { renderAsync } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from './chart-fonts.ts';

/** A PNG has twice the SVG's width and height: sharp when Word scales it to the page. */
const PNG_SCALE = 2;

export async function svgToPng(svg: string): Promise<Buffer> {
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: '#ffffff',
    font: {
      fontFiles: [CHART_FONT_FILES.regular, CHART_FONT_FILES.semibold],
      // The same letters on every machine: no system font can stand in.
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  return rendered.asPng();
}
