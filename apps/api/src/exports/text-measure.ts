/**
 * Text widths for chart layout, from the glyph advances of the font the PNG is drawn with
 * (happy-dom has no layout engine, so nothing else can say how wide "Udviklingshæmning" is).
 */
import * as fontkit from 'fontkit';
import { CHART_FONT_FILES } from './chart-fonts.ts';

function openFont(path: string): fontkit.Font {
  const font = fontkit.openSync(path);
  // A .ttf is one font; a collection (.ttc) would need a face chosen.
  if (!('glyphsForString' in font)) throw new Error(`${path} er en fontsamling, ikke én font`);
  return font;
}

let fonts: { regular: fontkit.Font; semibold: fontkit.Font } | null = null;

/** The advance width of one line of text in px (no kerning: a pixel or two off, never a word). */
export function textWidth(text: string, fontSize: number, semibold = false): number {
  fonts ??= { regular: openFont(CHART_FONT_FILES.regular), semibold: openFont(CHART_FONT_FILES.semibold) };
  const font = semibold ? fonts.semibold : fonts.regular;
  let units = 0;
  for (const glyph of font.glyphsForString(text)) units += glyph.advanceWidth;
  return (units * fontSize) / font.unitsPerEm;
}

/** Words wrapped into lines no wider than `maxWidth` px (a single too-long word keeps its line). */
export function wrapText(text: string, fontSize: number, maxWidth: number, semibold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, semibold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
