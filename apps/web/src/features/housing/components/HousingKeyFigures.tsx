/**
 * Housing on the period's last day (or the as-of date): the share in independent housing and the
 * counts behind it, and the young people (18–24) whose first botilbud started in the period.
 */
import type { ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import { formatIsoDate, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { figureText, KeyFigures, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { catalogueMeasure, cellValue } from '../../../shared/kpi-values.ts';

const KPI_ID = 'housing';

export function HousingKeyFigures({ result }: { result: KpiResult }): ReactElement {
  const stockDate = formatIsoDate(result.period.to < result.period.asOf ? result.period.to : result.period.asOf);
  const figure = (measureId: string, note: string): KeyFigure => {
    const { measure } = catalogueMeasure(KPI_ID, measureId);
    const text = figureText(cellValue(result.rows, measureId), measure, result.suppressionThreshold);
    return { testId: `figure-${KPI_ID}-${measureId}`, label: measure.title, value: text.value, note: text.explanation ?? note };
  };
  const total = cellValue(result.rows, 'total');
  const totalText = total.value !== null ? `de ${formatMeasureValue(total.value, 'antal', 0)} ` : '';
  const figures = [
    figure('independentShare', `Af ${totalText}borgere i selvstændig bolig eller botilbud pr. ${stockDate}.`),
    figure('independent', `Borgere med § 85-støtte og intet botilbud pr. ${stockDate}.`),
    figure('residential', `Borgere med en aktiv indsats efter § 105, 107 eller 108 pr. ${stockDate}.`),
    figure('youngEntering', `Unge, hvis første botilbud nogensinde startede i perioden (${result.period.label}).`),
  ];
  return <KeyFigures figures={figures} label={`Bolig, ${result.period.label}`} />;
}
