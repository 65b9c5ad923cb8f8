/**
 * A headline KPI as a card: the value for the chosen period, the change on the same period a year
 * earlier with its direction against the strategy (colour AND arrow AND words), a sparkline of
 * the months, one generated sentence, and a link to the page with the numbers behind it.
 */
import type { ReactElement } from 'react';
import { Link, useSearch } from 'wouter';
import { yearBefore } from '@sol/domain/calendar-dates.ts';
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import { assessChange, describeChange, formatDifference, type Assessment } from '@sol/domain/kpi-sentences.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { kpiParams, rangeParams, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure, cellValue } from '../../../shared/kpi-values.ts';
import { LazySparkline } from '../../../shared/components/LazyCharts.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';

const ASSESSMENT_TEXT: Record<Assessment, { icon: string; text: string }> = {
  better: { icon: '✔', text: 'Går den vej, strategien ønsker' },
  worse: { icon: '✖', text: 'Går modsat den vej, strategien ønsker' },
  unchanged: { icon: '●', text: 'Næsten uændret' },
  neutral: { icon: '●', text: 'Ingen ønsket retning' },
  unknown: { icon: '?', text: 'Kan ikke sammenlignes' },
};

export interface KpiCardProps {
  kpiId: string;
  measureId: string;
  /** The page with the numbers behind the card. */
  to: string;
  linkText: string;
}

export function KpiCard({ kpiId, measureId, to, linkText }: KpiCardProps): ReactElement {
  const { kpi, measure } = catalogueMeasure(kpiId, measureId);
  const [filters] = useGlobalFilters();
  const search = useSearch();
  const current = useKpi(kpi.id, kpiParams(filters, kpi));
  const period = current.data?.period;
  const previous = useKpi(kpi.id, period ? rangeParams(filters, kpi, yearBefore(period.from), yearBefore(period.to)) : {}, period !== undefined);
  const now = cellValue(current.data?.rows, measure.id);
  const before = period ? cellValue(previous.data?.rows, measure.id) : null;
  const direction = measure.direction ?? null;
  const periodLabel = period?.label ?? '';
  const change = { value: now.value, previous: before?.value ?? null, direction };
  const assessment = assessChange(change);
  const difference = now.value !== null && before?.value != null ? now.value - before.value : null;

  return (
    <article className="kpi-card" data-testid={`card-${kpi.id}`} aria-labelledby={`card-title-${kpi.id}`}>
      <h2 id={`card-title-${kpi.id}`} className="kpi-card-title">
        {measure.title}
      </h2>
      <p className="kpi-card-period">{periodLabel || ' '}</p>
      {/* The loading line takes the value's place and size; the card has no room for more than the error's message. */}
      <QueryResult query={current} loading="Henter …" loadingClassName="kpi-value">
        {(data) => (
          <>
            <p className="kpi-value" data-testid={`card-value-${kpi.id}`} title={now.suppressed ? suppressionExplanation(now.suppressed, data.suppressionThreshold) : undefined}>
              {now.suppressed
                ? suppressionMarker(now.suppressed, data.suppressionThreshold)
                : now.notReached
                  ? 'Ikke nået'
                  : now.value === null
                    ? 'Ingen data'
                    : formatMeasureValue(now.value, measure.unit, measure.decimals)}
            </p>
            <p className={`kpi-change kpi-change-${assessment}`} data-testid={`card-change-${kpi.id}`}>
              <span aria-hidden="true">{ASSESSMENT_TEXT[assessment].icon} </span>
              {difference !== null
                ? `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${formatDifference(difference, measure.unit, measure.decimals)} på et år · `
                : ''}
              {ASSESSMENT_TEXT[assessment].text}
            </p>
            <div className="kpi-sparkline">
              <LazySparkline values={(data.series ?? []).map((point) => cellValue(point.rows, measure.id).value)} />
            </div>
            <p className="kpi-sentence">
              {describeChange({
                title: measure.title,
                unit: measure.unit,
                decimals: measure.decimals,
                value: now.value,
                previous: before?.value ?? null,
                periodLabel,
                previousLabel: 'samme periode året før',
                direction,
              })}
            </p>
          </>
        )}
      </QueryResult>
      <Link className="kpi-card-link" href={`${to}${search ? `?${search}` : ''}`}>
        {linkText} <span aria-hidden="true">→</span>
      </Link>
    </article>
  );
}
