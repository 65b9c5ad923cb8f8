/**
 * The period's processing times in five figures: median and 90 % fractile of the days from
 * received to decided, the share decided within the deadline, and the open cases at the period's
 * end with how many of them have waited past the deadline.
 */
import type { ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { countInText, figureText, KeyFigures, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { catalogueMeasure, cellValue, type CellValue } from '../../../shared/kpi-values.ts';

const KPI_ID = 'case-processing';

export function CaseKeyFigures({ result }: { result: KpiResult }): ReactElement {
  const threshold = result.suppressionThreshold;
  const figure = (measureId: string, note: (cell: CellValue) => string | null): KeyFigure => {
    const { measure } = catalogueMeasure(KPI_ID, measureId);
    const cell = cellValue(result.rows, measureId);
    const text = figureText(cell, measure, threshold);
    return { testId: `figure-${KPI_ID}-${measureId}`, label: measure.title, value: text.value, note: text.explanation ?? note(cell) };
  };
  const decided = countInText(cellValue(result.rows, 'decided'), threshold);
  const withDeadline = countInText(cellValue(result.rows, 'decidedWithDeadline'), threshold);
  const within = countInText(cellValue(result.rows, 'withinDeadline'), threshold);
  const endDate = formatIsoDate(result.period.to < result.period.asOf ? result.period.to : result.period.asOf);

  const figures: KeyFigure[] = [
    figure('medianDays', () => (decided ? `Halvdelen af de ${decided} afgjorte ansøgninger tog højst så mange kalenderdage.` : null)),
    figure('p90Days', () => '9 ud af 10 ansøgninger blev afgjort inden for så mange kalenderdage.'),
    figure('withinDeadlineShare', () => (within && withDeadline ? `${within} af ${withDeadline} afgjorte ansøgninger med en frist.` : null)),
    figure('openAtEnd', () => `Modtaget, men ikke afgjort pr. ${endDate}.`),
    figure('openPastDeadline', () => `Åbne sager, der pr. ${endDate} har ventet længere end fristen.`),
  ];
  return <KeyFigures figures={figures} label={`Sagsbehandlingstider, ${result.period.label}`} />;
}
