/**
 * The one chart component: renders a ChartSpec as a line, bar or step (survival) chart. The
 * dashboard draws it responsively; the server renders it at a fixed width with animation off for
 * PNG/SVG exports and email, so every surface shows the same picture of the same numbers.
 */
import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { seriesColour, seriesDash, type ChartSpec } from './chart-spec.ts';
import { formatAxisTick, formatChartValue } from './format-value.ts';

export interface KpiChartProps {
  spec: ChartSpec;
  /** A fixed width in px (server renders); without it the chart fills its container. */
  width?: number;
  height?: number;
  /** Animations on screen only: a server render must be complete at once. */
  animate?: boolean;
  /** Leave out legend and axis titles (small multiples, cards). */
  compact?: boolean;
  /** Called with the category index when a bar or point is clicked (drill to rows). */
  onSelectCategory?: (index: number) => void;
}

type Datum = Record<string, string | number | null>;

function toData(spec: ChartSpec): Datum[] {
  return spec.categories.map((category, index) => {
    const datum: Datum = { category: spec.kind === 'step' ? Number(category) : category };
    for (const series of spec.series) datum[series.key] = series.values[index] ?? null;
    return datum;
  });
}

function ChartTooltip({ active, label, spec }: { active?: boolean; label?: string | number; spec: ChartSpec }): ReactElement | null {
  if (!active) return null;
  const index = spec.categories.findIndex((category) => category === String(label));
  if (index < 0) return null;
  const heading = spec.kind === 'step' ? `Dag ${label}` : String(label);
  return (
    <div className="kpi-chart-tooltip" style={{ background: '#ffffff', border: '1px solid #6b6b6b', padding: '0.5rem 0.75rem', fontSize: 14 }}>
      <p style={{ margin: 0, fontWeight: 600 }}>{heading}</p>
      {spec.series.map((series, seriesIndex) => (
        <p key={series.key} style={{ margin: 0 }}>
          <span aria-hidden="true" style={{ color: seriesColour(seriesIndex) }}>■ </span>
          {series.name}:{' '}
          {formatChartValue(
            series.values[index] ?? null,
            series.suppressed[index] ?? null,
            spec.unit,
            spec.decimals,
            spec.suppressionThreshold,
            series.notes?.[index] ?? null,
          )}
        </p>
      ))}
    </div>
  );
}

/** Room for the category names of sideways bars; longer names wrap onto a second line. */
const HORIZONTAL_LABEL_WIDTH = 250;

interface CategoryTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** A category name left of sideways bars, wrapped to two lines (the default tick cannot wrap). */
function CategoryTick({ x, y, payload }: CategoryTickProps): ReactElement {
  return (
    <Text
      x={Number(x ?? 0)}
      y={Number(y ?? 0)}
      width={HORIZONTAL_LABEL_WIDTH - 12}
      maxLines={2}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={12}
      fill="#1b1b1b"
    >
      {/* "§ 85" stays on one line when the name wraps. */}
      {String(payload?.value ?? '').replace(/§ /g, '§\u00a0')}
    </Text>
  );
}

/** A reader who asked the system for less motion gets charts drawn at once. */
function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Legend names in text colour: the swatch carries the series colour, the name must stay readable. */
function legendName(value: unknown): ReactElement {
  return <span style={{ color: '#1b1b1b' }}>{String(value)}</span>;
}

export function KpiChart({ spec, width, height = 300, animate: animateAsked = true, compact = false, onSelectCategory }: KpiChartProps): ReactElement {
  const animate = animateAsked && !prefersReducedMotion();
  const data = toData(spec);
  const handleClick = onSelectCategory
    ? (state: { activeTooltipIndex?: number | string | null | undefined }) => {
        const index = Number(state.activeTooltipIndex);
        if (Number.isInteger(index) && index >= 0) onSelectCategory(index);
      }
    : undefined;
  // Room above the plot for annotation labels, so "Ny strategi 2023" never sits on a bar or line.
  const margin = { top: spec.annotations.length > 0 && !compact ? 28 : 16, right: 24, bottom: compact ? 4 : 8, left: 8 };
  const axisFont = { fontSize: 12, fill: '#1b1b1b' };
  const horizontal = spec.kind === 'bar' && spec.horizontal === true;
  const xAxis = horizontal ? (
    <XAxis type="number" tick={axisFont} tickFormatter={(value: number) => formatAxisTick(value, spec.unit)} domain={[0, 'auto']} />
  ) : spec.kind === 'step' ? (
      <XAxis key="x" dataKey="category" type="number" domain={[0, 'dataMax']} tick={axisFont} tickFormatter={(day: number) => `${day}`} />
    ) : (
      <XAxis key="x" dataKey="category" tick={axisFont} interval="preserveStartEnd" minTickGap={12} />
    );
  const yAxis = horizontal ? (
    <YAxis type="category" dataKey="category" width={HORIZONTAL_LABEL_WIDTH} interval={0} tick={(props: CategoryTickProps) => <CategoryTick {...props} />} />
  ) : (
    <YAxis
      key="y"
      tick={axisFont}
      width={compact ? 48 : spec.unit === 'kr' ? 76 : 64}
      tickFormatter={(value: number) => formatAxisTick(value, spec.unit)}
      // Every value axis starts at zero: the figures are counts, shares, days and kroner, and a cut
      // axis makes a small change look like a large one to a reader who does not check the ticks.
      domain={spec.unit === 'procent' && spec.kind === 'step' ? [0, 1] : [0, 'auto']}
    />
  );
  const labelAnchor = (category: string): 'start' | 'end' => (spec.categories.indexOf(category) < spec.categories.length / 2 ? 'start' : 'end');
  const annotations = spec.annotations.map((annotation) => (
    <ReferenceLine
      key={`${annotation.category}-${annotation.label}`}
      {...(horizontal ? { y: annotation.category } : { x: annotation.category })}
      stroke="#4a4a4a"
      strokeDasharray="3 3"
      label={
        horizontal
          ? { value: annotation.label, position: 'insideTopRight', fill: '#1b1b1b', fontSize: 12 }
          : // Above the plot, running from the line into the chart (rightwards in its left half),
            // so a label on the first year never runs into the value axis's top tick.
            { value: annotation.label, position: 'top', textAnchor: labelAnchor(annotation.category), fill: '#1b1b1b', fontSize: 12 }
      }
    />
  ));
  const common = {
    data,
    margin,
    ...(handleClick ? { onClick: handleClick, style: { cursor: 'pointer' } } : {}),
  };
  const tooltip = (
    <Tooltip key="tooltip" content={(props) => <ChartTooltip active={props.active} label={props.label} spec={spec} />} isAnimationActive={animate} />
  );
  // In series order (recharts sorts by name by default), so bars read in the legend's order.
  const legend = compact || spec.series.length < 2 ? null : <Legend key="legend" wrapperStyle={{ fontSize: 13 }} itemSorter={null} formatter={legendName} />;

  // Grid, axes, tooltip, legend and annotations are the same for bars and lines.
  const frame = (
    <>
      <CartesianGrid stroke="#d0d3d5" vertical={horizontal} horizontal={!horizontal} />
      {xAxis}
      {yAxis}
      {tooltip}
      {legend}
      {annotations}
    </>
  );
  const chart =
    spec.kind === 'bar' ? (
      <BarChart {...common} layout={horizontal ? 'vertical' : 'horizontal'} width={width} height={width ? height : undefined}>
        {frame}
        {spec.series.map((series, index) => (
          <Bar key={series.key} dataKey={series.key} name={series.name} fill={seriesColour(index)} isAnimationActive={animate} />
        ))}
      </BarChart>
    ) : (
      <LineChart {...common} width={width} height={width ? height : undefined}>
        {frame}
        {spec.series.map((series, index) => (
          <Line
            key={series.key}
            dataKey={series.key}
            name={series.name}
            type={spec.kind === 'step' ? 'stepAfter' : 'linear'}
            stroke={seriesColour(index)}
            strokeWidth={2}
            strokeDasharray={seriesDash(index)}
            // Dots drawn solid: a dashed series' pattern on a 3 px circle reads as a smudge.
            dot={spec.kind === 'step' || spec.categories.length > 24 ? false : { r: 3, strokeDasharray: '' }}
            connectNulls={false}
            isAnimationActive={animate}
          />
        ))}
      </LineChart>
    );
  if (width) return chart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}
