/**
 * Midlertidige ophold (K4): how long stays on temporary botilbud (§ 107) last. The headline is the
 * Kaplan–Meier median, which counts stays still running as "at least this long" instead of
 * leaving them out (an average over ended stays alone would understate the length). The period's
 * stays as figures and as the survival curve, then the median by start year; the stays behind a
 * figure or bar open in a dialog.
 */
import { useState, type ReactElement } from 'react';
import { survivalSpec } from '@sol/charts/kpi-chart-specs.ts';
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { suppressionExplanation } from '@sol/domain/suppression-text.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { DrillDialog, type DrillTarget } from '../../../shared/components/DrillDialog.tsx';
import { KpiAbout, UnsupportedFiltersNote } from '../../../shared/components/KpiAbout.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { kpiParams, unsupportedFilters, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure, cellValue } from '../../../shared/kpi-values.ts';
import { CohortChoice, useCohort } from './CohortChoice.tsx';
import { CohortYears } from './CohortYears.tsx';
import { StaysKeyFigures } from './StaysKeyFigures.tsx';

const { kpi } = catalogueMeasure('temporary-stays', 'medianDays');

export function TemporaryStaysPage(): ReactElement {
  const [filters] = useGlobalFilters();
  const [cohort, setCohort] = useCohort();
  const params = kpiParams(filters, kpi, { cohort });
  const result = useKpi(kpi.id, params);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const median = cellValue(result.data?.rows, 'medianDays');
  // The median is the day the curve first reaches 50 %; marking it links the figure to the curve.
  const medianMark = median.value !== null ? [{ category: String(median.value), label: `Median ${formatDecimal(median.value, 0)} dage` }] : [];
  const curve = result.data ? survivalSpec(result.data, { annotations: medianMark }) : null;
  const stays = cellValue(result.data?.rows, 'stays');
  const period = result.data?.period;
  const cohortWords = cohort === 'start' ? 'der startede i perioden' : 'der var i gang i perioden';
  const curveDescription =
    result.data && !curve && stays.suppressed
      ? `Kurven vises ikke. ${suppressionExplanation(stays.suppressed, result.data.suppressionThreshold)}`
      : `Ophold, ${cohortWords}: kurven starter ved 100 % og falder, hver gang et ophold slutter. Ophold, der stadig løber, tæller med, så længe de har varet, uden at trække kurven ned. Medianen er den dag, kurven når 50 %. Vandret akse: dage siden opholdets start.`;

  return (
    <>
      <h1>Midlertidige ophold</h1>
      <p className="lead">
        Hvor længe bor borgerne på et midlertidigt botilbud (§ 107)? Strategien ønsker kortere ophold. Siden viser opholdene i den valgte periode
        — hvor mange der er slut inden for et år, og hvor mange der har varet over to år — og medianen for hvert startår.
      </p>
      <UnsupportedFiltersNote labels={unsupportedFilters(filters, kpi)} kpiTitle={kpi.title} />

      <section aria-labelledby="stays-period-heading" className="page-section">
        <h2 id="stays-period-heading">Perioden{period ? `: ${period.label}` : ''}</h2>
        <CohortChoice cohort={cohort} onChange={setCohort} />
        <QueryResult query={result} loading="Henter tallene for perioden …" error="Tallene kunne ikke hentes">
          {(data) => (
            <>
              <StaysKeyFigures result={data} cohort={cohort} />
              {stays.value !== null && stays.value > 0 ? (
                <p className="stays-drill">
                  <button
                    type="button"
                    className="button button-secondary button-compact"
                    onClick={() => setDrill({ kpiId: kpi.id, params, label: `Ophold, ${cohortWords} · ${data.period.label}` })}
                  >
                    Vis de {formatDecimal(stays.value, 0)} ophold
                  </button>
                </p>
              ) : null}
            </>
          )}
        </QueryResult>
        <ChartPanel
          title="Andel af ophold der stadig løber (Kaplan–Meier)"
          spec={curve}
          isLoading={result.isPending}
          error={result.error}
          height={300}
          description={curveDescription}
          testId="chart-temporary-stays-survival"
          download={kpiDownload(kpi.id, params, { chart: 'survival' })}
        />
      </section>

      <CohortYears onDrill={setDrill} />

      <KpiAbout kpi={kpi} />
      <DrillDialog target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
