/**
 * Sagsbehandling (K1): how long applications take from received to decided, how many are decided
 * within the paragraph's deadline, and how many are still open at the period's end — for the
 * chosen period, month by month, by paragraph, by decision and year by year since the first year
 * with data. A bar or point opens the applications behind it.
 */
import { useState, type ReactElement } from 'react';
import { breakdownSpec, seriesSpec } from '@sol/charts/kpi-chart-specs.ts';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { chartDrills, DrillDialog, type DrillTarget } from '../../../shared/components/DrillDialog.tsx';
import { KpiAbout, UnsupportedFiltersNote } from '../../../shared/components/KpiAbout.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { kpiParams, unsupportedFilters, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure } from '../../../shared/kpi-values.ts';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';
import { CaseKeyFigures } from './CaseKeyFigures.tsx';
import { DeadlinesTable } from './DeadlinesTable.tsx';
import { inParagraphOrder, withDeadlineOnly } from './paragraph-labels.ts';

const { kpi } = catalogueMeasure('case-processing', 'medianDays');

/** Height for sideways bars: a row per group, so names never crowd. */
function rowsHeight(spec: ChartSpec | null): number {
  return Math.max(180, 60 + (spec?.categories.length ?? 6) * 30);
}

export function CaseProcessingPage(): ReactElement {
  const [filters] = useGlobalFilters();
  const params = kpiParams(filters, kpi);
  const paragraphParams = { ...params, by: 'paragraph' };
  const decisionParams = { ...params, by: 'decision' };
  const total = useKpi(kpi.id, params);
  const byParagraph = useKpi(kpi.id, paragraphParams);
  const byDecision = useKpi(kpi.id, decisionParams);
  const { result: trend, params: trendParams } = useTrendKpi(kpi.id);
  const annotations = useStrategyAnnotations();
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const months = total.data;
  const timeSpec = months ? seriesSpec(months, ['medianDays', 'p90Days'], { title: 'Sagsbehandlingstid måned for måned' }) : null;
  const shareSpec = months ? seriesSpec(months, ['withinDeadlineShare'], { title: 'Andel afgjort inden for fristen, måned for måned' }) : null;
  const paragraphs = byParagraph.data ? inParagraphOrder(byParagraph.data) : null;
  const paragraphTimeSpec = paragraphs
    ? { ...breakdownSpec(paragraphs, ['medianDays', 'p90Days'], { title: 'Sagsbehandlingstid pr. paragraf' }), horizontal: true }
    : null;
  const paragraphShareSpec = paragraphs
    ? { ...breakdownSpec(withDeadlineOnly(paragraphs), ['withinDeadlineShare'], { title: 'Andel afgjort inden for fristen pr. paragraf' }), horizontal: true }
    : null;
  const decisionSpec = byDecision.data
    ? breakdownSpec(byDecision.data, ['decided', 'openAtEnd'], { title: 'Ansøgninger pr. afgørelse' })
    : null;
  const trendTimeSpec = trend.data
    ? seriesSpec(trend.data, ['medianDays', 'p90Days'], { title: 'Sagsbehandlingstid år for år', annotations })
    : null;
  const trendShareSpec = trend.data
    ? seriesSpec(trend.data, ['withinDeadlineShare'], { title: 'Andel afgjort inden for fristen, år for år', annotations })
    : null;

  // A point of the month series opens the month's applications, a bar the group's in the period.
  const { drillPoint, drillGroup } = chartDrills(kpi.id, params, setDrill);
  const period = total.data?.period;
  // Open cases are counted on the period's last day, or on the as-of date when the period runs past it.
  const openOn = period ? formatIsoDate(period.to < period.asOf ? period.to : period.asOf) : null;

  return (
    <>
      <h1>Sagsbehandling</h1>
      <p className="lead">
        Hvor lang tid går der, fra kommunen modtager en ansøgning, til borgeren får en afgørelse — og hvor mange afgøres inden for den frist, kommunen
        har sat for paragraffen? Siden viser den valgte periode, måned for måned, pr. paragraf og afgørelse og udviklingen år for år.
      </p>
      <UnsupportedFiltersNote labels={unsupportedFilters(filters, kpi)} kpiTitle={kpi.title} />

      <section aria-labelledby="case-period-heading" className="page-section">
        <h2 id="case-period-heading">
          Perioden{period ? `: ${period.label}` : ''}
        </h2>
        <QueryResult query={total} loading="Henter tallene for perioden …" error="Tallene kunne ikke hentes">
          {(result) => <CaseKeyFigures result={result} />}
        </QueryResult>
        <div className="chart-grid">
          <ChartPanel
            title="Sagsbehandlingstid måned for måned"
            spec={timeSpec}
            isLoading={total.isPending}
            error={total.error}
            height={240}
            description="Median og 90 %-fraktil af kalenderdage fra modtaget ansøgning til afgørelse, for ansøgninger afgjort i måneden."
            onDrill={drillPoint(timeSpec)}
            testId="chart-case-processing-months-days"
            download={kpiDownload(kpi.id, params, { chart: 'series', measures: ['medianDays', 'p90Days'] })}
          />
          <ChartPanel
            title="Andel afgjort inden for fristen, måned for måned"
            spec={shareSpec}
            isLoading={total.isPending}
            error={total.error}
            height={240}
            description="Andelen af månedens afgjorte ansøgninger, der blev afgjort inden for paragraffens frist."
            onDrill={drillPoint(shareSpec)}
            testId="chart-case-processing-months-share"
            download={kpiDownload(kpi.id, params, { chart: 'series', measures: ['withinDeadlineShare'] })}
          />
        </div>
      </section>

      <section aria-labelledby="case-paragraph-heading" className="page-section">
        <h2 id="case-paragraph-heading">Pr. paragraf og afgørelse</h2>
        <div className="chart-grid">
          <ChartPanel
            title="Sagsbehandlingstid pr. paragraf"
            spec={paragraphTimeSpec}
            isLoading={byParagraph.isPending}
            error={byParagraph.error}
            height={rowsHeight(paragraphTimeSpec)}
            description="Median og 90 %-fraktil i kalenderdage. Fristerne er forskellige fra paragraf til paragraf; se tabellen over fristerne nedenfor."
            onDrill={drillGroup(paragraphTimeSpec, 'paragraph')}
            testId="chart-case-processing-paragraph-days"
            download={kpiDownload(kpi.id, paragraphParams, { chart: 'breakdown', measures: ['medianDays', 'p90Days'] })}
          />
          <ChartPanel
            title="Andel afgjort inden for fristen pr. paragraf"
            spec={paragraphShareSpec}
            isLoading={byParagraph.isPending}
            error={byParagraph.error}
            height={rowsHeight(paragraphShareSpec)}
            description="Kun paragraffer med en frist; paragraffer uden frist (fx § 109 Krisecenter) er ikke med."
            onDrill={drillGroup(paragraphShareSpec, 'paragraph')}
            testId="chart-case-processing-paragraph-share"
            download={kpiDownload(kpi.id, paragraphParams, { chart: 'breakdown', measures: ['withinDeadlineShare'] })}
          />
          <ChartPanel
            title="Ansøgninger pr. afgørelse"
            spec={decisionSpec}
            isLoading={byDecision.isPending}
            error={byDecision.error}
            height={240}
            description={`Ansøgninger afgjort i perioden efter afgørelse, og ansøgninger, der ikke var afgjort ved periodens slutning${openOn ? ` (${openOn})` : ''}.`}
            onDrill={drillGroup(decisionSpec, 'decision')}
            testId="chart-case-processing-decision"
            download={kpiDownload(kpi.id, decisionParams, { chart: 'breakdown', measures: ['decided', 'openAtEnd'] })}
          />
          <section className="chart-panel deadlines-panel" aria-labelledby="case-deadlines-heading" data-testid="case-processing-deadlines">
            <h3 id="case-deadlines-heading">Fristerne</h3>
            <p className="chart-description">
              En ansøgning er afgjort inden for fristen, når dagene fra modtaget til afgjort højst er paragraffens frist, som den gjaldt den dag,
              ansøgningen blev modtaget. Paragraffer, der ikke står i tabellen, har ingen frist og tæller ikke med i andelen.
            </p>
            <DeadlinesTable asOf={period?.asOf ?? null} />
          </section>
        </div>
      </section>

      <section aria-labelledby="case-trend-heading" className="page-section">
        <h2 id="case-trend-heading">Udviklingen år for år</h2>
        <div className="chart-grid">
          <ChartPanel
            title="Sagsbehandlingstid år for år"
            spec={trendTimeSpec}
            isLoading={trend.isPending}
            error={trend.error}
            height={240}
            description="Median og 90 %-fraktil for ansøgninger afgjort i året; indeværende år til og med opgørelsesdatoen. Den stiplede linje markerer strategiens start."
            testId="trend-case-processing-days"
            download={kpiDownload(kpi.id, trendParams, { chart: 'series', measures: ['medianDays', 'p90Days'] })}
          />
          <ChartPanel
            title="Andel afgjort inden for fristen, år for år"
            spec={trendShareSpec}
            isLoading={trend.isPending}
            error={trend.error}
            height={240}
            description="Strategien ønsker, at andelen stiger. Den stiplede linje markerer strategiens start."
            testId="trend-case-processing-share"
            download={kpiDownload(kpi.id, trendParams, { chart: 'series', measures: ['withinDeadlineShare'] })}
          />
        </div>
      </section>

      <KpiAbout kpi={kpi} />
      <DrillDialog target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
