/**
 * One strategy indicator: the strategy's own words, the KPI measure it is followed by, the
 * baseline, the values year by year (withheld ones as "<5" with the reason), the status against
 * the wanted direction (icon, word and colour), the generated sentence, the target, a chart, and
 * a link to the KPI's page.
 */
import type { ReactElement } from 'react';
import { Link, useSearch } from 'wouter';
import type { IndicatorProgress } from '@sol/api/schemas/strategy.ts';
import { strategyIndicatorSpec } from '@sol/charts/kpi-chart-specs.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { directionText, indicatorFilterText, indicatorValueText } from '@sol/domain/indicator-text.ts';
import { findKpi, type Unit } from '@sol/domain/kpi-catalogue.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { KpiDefinitionText } from '../../../shared/components/KpiAbout.tsx';
import { IndicatorValuesTable } from '../../../shared/components/IndicatorValuesTable.tsx';
import { STATUS, StatusBadge, statusOf } from '../../../shared/components/StatusBadge.tsx';

/** The dashboard page of each KPI; strategy measures outside K1–K8 have none. */
const KPI_PAGES: Record<string, { path: string; title: string }> = {
  'case-processing': { path: '/sagsbehandling', title: 'Sagsbehandling' },
  expenditure: { path: '/oekonomi', title: 'Økonomi' },
  housing: { path: '/bolig', title: 'Bolig' },
  'temporary-stays': { path: '/midlertidige-ophold', title: 'Midlertidige ophold' },
  recipients: { path: '/modtagere', title: 'Modtagere' },
  providers: { path: '/tilbud', title: 'Tilbud' },
};

export function IndicatorCard({ indicator, asOf, threshold }: { indicator: IndicatorProgress; asOf: string | null; threshold: number }): ReactElement {
  const search = useSearch();
  const status = statusOf(indicator);
  const unit = indicator.measure.unit as Unit;
  const decimals = indicator.measure.decimals;
  const kpi = findKpi(indicator.kpiId);
  const page = KPI_PAGES[indicator.kpiId];
  const filter = indicatorFilterText(indicator.filter);
  const baseline = indicator.values.find((point) => point.year === indicator.baselineYear);
  const latest = [...indicator.values].reverse().find((point) => point.value !== null || point.suppressed !== null);
  const spec = strategyIndicatorSpec(indicator, asOf, threshold);
  const headingId = `indicator-${indicator.indicatorId}`;

  return (
    <article className={`indicator indicator-${status}`} aria-labelledby={headingId} data-testid={`indicator-${indicator.indicatorId}`}>
      <div className="indicator-text">
        <h3 id={headingId}>{indicator.wording}</h3>
        <p className="indicator-status" data-testid={`indicator-status-${indicator.indicatorId}`}>
          <StatusBadge status={status} label={indicator.statusLabel || STATUS[status].word} />
        </p>
        <p className="indicator-sentence" data-testid={`indicator-sentence-${indicator.indicatorId}`}>
          {indicator.sentence}
        </p>
        <dl className="indicator-facts">
          <div className="indicator-measure">
            <dt>Måles som</dt>
            <dd>
              {indicator.measure.title}
              {filter ? ` (${filter})` : ''} · {indicator.kpiTitle}
            </dd>
          </div>
          <div>
            <dt>Ønsket retning</dt>
            <dd>
              <span aria-hidden="true">{indicator.direction === 'up' ? '↑ ' : '↓ '}</span>
              {directionText(indicator.direction)}
            </dd>
            <dd className="indicator-tolerance">
              Ændringer under {formatDecimal(indicator.tolerance * 100, 0)} % af basisårets værdi tæller som uændret.
            </dd>
          </div>
          <div>
            <dt>Basisår {indicator.baselineYear}</dt>
            <dd data-testid={`indicator-baseline-${indicator.indicatorId}`}>{indicatorValueText(baseline, unit, decimals, threshold)}</dd>
          </div>
          <div>
            <dt>Mål</dt>
            <dd data-testid={`indicator-target-${indicator.indicatorId}`}>
              {indicator.targetValue === null ? 'Strategien sætter ikke et måltal' : formatMeasureValue(indicator.targetValue, unit, decimals)}
            </dd>
          </div>
        </dl>
        <IndicatorValuesTable indicator={indicator} threshold={threshold} />
      </div>
      <div className="indicator-chart">
        <ChartPanel title={indicator.measure.title} spec={spec} height={180} headingLevel={4} testId={`indicator-chart-${indicator.indicatorId}`} />
        {latest && latest !== baseline ? null : (
          <p className="muted-text">Der er endnu ingen tal efter basisåret.</p>
        )}
        <p className="indicator-link">
          {page ? (
            <Link href={`${page.path}${search ? `?${search}` : ''}`}>
              Se nøgletallet på siden {page.title} <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span className="muted-text">Målet har ingen egen side; sådan er det opgjort:</span>
          )}
        </p>
        {kpi ? (
          // Not KpiAbout: the chart above already gives the source, and the card's heading the
          // measure; several cards can follow one KPI, so its about-<kpi> test id would repeat.
          <details className="kpi-about">
            <summary>Sådan er tallet opgjort</summary>
            <KpiDefinitionText kpi={kpi} />
          </details>
        ) : null}
      </div>
    </article>
  );
}
