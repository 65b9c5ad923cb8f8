/**
 * Recipients per 1,000 inhabitants and the unit cost next to the 2018 plan's published figures
 * (2014–2016). The plan counted all recipients and gave unit costs in 2016 prices, so the live
 * figures here are for all recipients (the page's filters left out) converted to 2016 prices.
 */
import type { ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { sourceLine } from '@sol/charts/kpi-chart-specs.ts';
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import { useFilterChoices } from '../../../shared/api/get-filter-choices.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { usePlan } from '../../../shared/api/get-plan.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { KeyFigures, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { snapshotParams, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { cellValue } from '../../../shared/kpi-values.ts';

const PLAN_PRICE_YEAR = 2016;

type Compared = 'perThousand' | 'unitCost';

function planValue(figure: PlanFigures['keyFigures'][number], measureId: Compared): number {
  return measureId === 'perThousand' ? figure.recipientsPer1000 : figure.unitCost2016Prices;
}

/**
 * One year axis from the plan's first year to the last whole year, the plan's figures and today's
 * as two lines. Whole years only: the plan's figures are yearly, and a running year's unit cost
 * (eleven months of spending over nearly a year's recipients) would look like a fall.
 */
function comparisonSpec(plan: PlanFigures, live: KpiResult, measureId: Compared, title: string): ChartSpec {
  const measure = live.kpi.measures.find((candidate) => candidate.id === measureId);
  const whole = live.series.filter((point) => point.to.endsWith('-12-31'));
  const liveByYear = new Map(whole.map((point) => [Number(point.key), cellValue(point.rows, measureId)]));
  const planByYear = new Map(plan.keyFigures.map((figure) => [figure.year, planValue(figure, measureId)]));
  const years = [...planByYear.keys(), ...liveByYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const axis = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const spec: ChartSpec = {
    kind: 'line',
    title,
    subtitle: `Planens tal ${Math.min(...planByYear.keys())}–${Math.max(...planByYear.keys())} og opgjort i dag (hele år), alle modtagere${measureId === 'unitCost' ? `, faste ${PLAN_PRICE_YEAR}-priser` : ''}`,
    categories: axis.map(String),
    categoryKeys: axis.map((year) => (liveByYear.has(year) ? String(year) : null)),
    categoryTitle: 'År',
    series: [
      {
        key: 'plan',
        name: 'Planen (offentliggjort 2018)',
        values: axis.map((year) => planByYear.get(year) ?? null),
        suppressed: axis.map(() => null),
      },
      {
        key: 'live',
        name: 'Opgjort i dag',
        values: axis.map((year) => liveByYear.get(year)?.value ?? null),
        suppressed: axis.map((year) => liveByYear.get(year)?.suppressed ?? null),
      },
    ],
    unit: (measure?.unit ?? 'antal') as ChartSpec['unit'],
    decimals: measure?.decimals ?? 0,
    annotations: [],
    source: `${sourceLine(live)}; planens tal: ${plan.source}`,
    suppressionThreshold: live.suppressionThreshold,
  };
  return spec;
}

function comparisonFigures(plan: PlanFigures, live: KpiResult): KeyFigure[] {
  const planLast = plan.keyFigures.at(-1);
  const whole = live.series.filter((point) => point.to.endsWith('-12-31')).at(-1);
  const figures: KeyFigure[] = [];
  if (planLast) {
    figures.push(
      {
        testId: 'plan-per-thousand',
        label: `Modtagere pr. 1.000 indbyggere, ${planLast.year} (planen)`,
        value: formatMeasureValue(planLast.recipientsPer1000, 'antal', 1),
      },
      {
        testId: 'plan-unit-cost',
        label: `Enhedsudgift pr. modtager, ${planLast.year} (planen)`,
        value: formatMeasureValue(planLast.unitCost2016Prices, 'kr', 0),
        note: `${PLAN_PRICE_YEAR}-priser; nr. ${planLast.rankOf29} blandt 29 kommuner.`,
      },
    );
  }
  if (whole) {
    const perThousand = cellValue(whole.rows, 'perThousand');
    const unitCost = cellValue(whole.rows, 'unitCost');
    figures.push(
      {
        testId: 'live-per-thousand',
        label: `Modtagere pr. 1.000 indbyggere, ${whole.label}`,
        value: perThousand.value === null ? '–' : formatMeasureValue(perThousand.value, 'antal', 1),
        note: 'Seneste hele år, alle modtagere.',
      },
      {
        testId: 'live-unit-cost',
        label: `Enhedsudgift pr. modtager, ${whole.label}`,
        value: unitCost.value === null ? '–' : formatMeasureValue(unitCost.value, 'kr', 0),
        note: `Omregnet til ${PLAN_PRICE_YEAR}-priser, så den kan sammenlignes med planen.`,
      },
    );
  }
  return figures;
}

export function PlanComparison(): ReactElement {
  const plan = usePlan();
  const choices = useFilterChoices();
  const first = choices.data?.years[0];
  const asOf = choices.data?.defaultAsOf;
  const [filters] = useGlobalFilters();
  // No page filters: the plan's figures are for all recipients in the municipality (a snapshot still applies).
  const params = first && asOf ? { from: `${first}-01-01`, to: asOf, prices: 'fixed', base: PLAN_PRICE_YEAR, ...snapshotParams(filters) } : {};
  const live = useKpi('recipients', params, first !== undefined && asOf !== undefined && asOf !== null);
  const isLoading = plan.isPending || live.isPending;
  const error = plan.error ?? live.error;
  const ready = plan.data && live.data ? { plan: plan.data, live: live.data } : null;

  return (
    <section aria-labelledby="recipients-plan-heading" className="page-section">
      <h2 id="recipients-plan-heading">Sammenlignet med planen fra 2018</h2>
      <p className="section-lead">
        Planen for 2018–2022 byggede på antallet af modtagere pr. 1.000 indbyggere og enhedsudgiften pr. modtager i {PLAN_PRICE_YEAR}-priser. Tallene
        i dag er regnet på samme måde for alle modtagere, uanset de valgte filtre.
      </p>
      {ready ? <KeyFigures label="Planens tal og seneste hele år" figures={comparisonFigures(ready.plan, ready.live)} /> : null}
      <div className="chart-grid">
        <ChartPanel
          title="Modtagere pr. 1.000 indbyggere: planen og i dag"
          spec={ready ? comparisonSpec(ready.plan, ready.live, 'perThousand', 'Modtagere pr. 1.000 indbyggere: planen og i dag') : null}
          isLoading={isLoading}
          error={error}
          height={260}
          description="Alle modtagere af en indsats pr. 1.000 indbyggere (alle aldre)."
          testId="plan-compare-recipients-perThousand"
        />
        <ChartPanel
          title={`Enhedsudgift pr. modtager i ${PLAN_PRICE_YEAR}-priser: planen og i dag`}
          spec={
            ready ? comparisonSpec(ready.plan, ready.live, 'unitCost', `Enhedsudgift pr. modtager i ${PLAN_PRICE_YEAR}-priser: planen og i dag`) : null
          }
          isLoading={isLoading}
          error={error}
          height={260}
          description="Udgifterne på 5.38 delt med antallet af modtagere, omregnet til samme prisniveau som planen."
          testId="plan-compare-recipients-unitCost"
        />
      </div>
    </section>
  );
}
