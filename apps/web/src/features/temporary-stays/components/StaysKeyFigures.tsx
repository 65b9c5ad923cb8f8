/**
 * The period's stays in figures: the Kaplan–Meier median (or "Ikke nået"), the share ended within
 * a year, how many stays there are and how many have ended, and the stays still running on the
 * as-of date, of which how many have run for more than two years.
 */
import type { ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { countInText, figureText, KeyFigures, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { catalogueMeasure, cellValue, type CellValue } from '../../../shared/kpi-values.ts';
import type { Cohort } from './CohortChoice.tsx';

const KPI_ID = 'temporary-stays';

export function StaysKeyFigures({ result, cohort }: { result: KpiResult; cohort: Cohort }): ReactElement {
  const threshold = result.suppressionThreshold;
  const asOf = formatIsoDate(result.period.asOf);
  const figure = (measureId: string, note: (cell: CellValue) => string | null): KeyFigure => {
    const { measure } = catalogueMeasure(KPI_ID, measureId);
    const cell = cellValue(result.rows, measureId);
    const text = figureText(cell, measure, threshold);
    return { testId: `figure-${KPI_ID}-${measureId}`, label: measure.title, value: text.value, note: text.explanation ?? note(cell) };
  };
  const ended = countInText(cellValue(result.rows, 'ended'), threshold);
  const whichStays = cohort === 'start' ? 'der startede i perioden' : 'der var i gang i perioden';

  const figures = [
    figure('medianDays', (cell) =>
      cell.notReached
        ? 'Over halvdelen af opholdene løber stadig, så medianen kan ikke beregnes endnu.'
        : 'Halvdelen af opholdene varer højst så mange dage; løbende ophold tæller med.',
    ),
    figure('endedWithin365Share', () => 'Andelen af opholdene, der slutter inden for et år (Kaplan–Meier).'),
    figure('stays', () => (ended ? `Ophold, ${whichStays}; heraf ${ended} afsluttet.` : `Ophold, ${whichStays}.`)),
    figure('runningOnAsOf', () => `Af opholdene, ${whichStays}, løber disse stadig pr. ${asOf}.`),
    figure('runningOver730', () => `Løbende ophold, der pr. ${asOf} har varet mere end to år (730 dage).`),
  ];
  return <KeyFigures figures={figures} label={`Midlertidige ophold, ${result.period.label}`} />;
}
