/**
 * The font of every server-rendered chart: Roboto, shipped as TTF files in an npm package, so a
 * PNG shows æøå with the same letters on every machine — resvg draws only the fonts it is given,
 * never the system's — and text is measured for layout from the very outlines that are drawn.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CHART_FONT_FAMILY = 'Roboto';

/** Regular for ticks, legend and notes; semibold for the title. */
export const CHART_FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf'),
  semibold: require.resolve('@expo-google-fonts/roboto/600SemiBold/Roboto_600SemiBold.ttf'),
} as const;
