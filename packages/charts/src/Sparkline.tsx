/** A small trend line for KPI cards; decorative (the card states the figures in text). */
import type { ReactElement } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import { seriesColour } from './chart-spec.ts';

export function Sparkline({ values, width = 140, height = 36, animate = true }: {
  values: (number | null)[];
  width?: number;
  height?: number;
  animate?: boolean;
}): ReactElement {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <LineChart width={width} height={height} data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} aria-hidden="true" accessibilityLayer={false}>
      <YAxis hide domain={['auto', 'auto']} />
      <Line dataKey="value" stroke={seriesColour(0)} strokeWidth={2} dot={false} isAnimationActive={animate} connectNulls={false} />
    </LineChart>
  );
}
