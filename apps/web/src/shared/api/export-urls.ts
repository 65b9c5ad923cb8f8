/**
 * The export files of a KPI (GET /api/kpis/:id/chart.png|.svg and /data.xlsx|.csv): built here
 * and nowhere else, from the same parameters as the KPI request the screen shows, so a downloaded
 * file has the screen's numbers. The server names the file (Danish, with the date).
 */
import type { ChartChoiceKind } from '@sol/api/schemas/kpi-export.ts';
import { toSearch } from './api-client.ts';
import type { KpiParams } from './get-kpi.ts';

export type ChartFormat = 'png' | 'svg';
export type DataFormat = 'xlsx' | 'csv';

/** Which chart of the answer to draw, as the panel draws it. */
export interface ChartChoice {
  chart: ChartChoiceKind;
  /** The measures in the chart; the server defaults to the KPI's headline. */
  measures?: readonly string[];
  kind?: 'line' | 'bar';
  title?: string;
}

/** A KPI answer as a panel got it: the KPI request's parameters and the chart drawn from them. */
export interface KpiDownload extends ChartChoice {
  kpiId: string;
  params: KpiParams;
}

/** A panel's download, or none while the request's parameters are not known yet. */
export function kpiDownload(kpiId: string, params: KpiParams | null, choice: ChartChoice): KpiDownload | undefined {
  return params ? { kpiId, params, ...choice } : undefined;
}

function exportPath(kpiId: string, file: string): string {
  return `/api/kpis/${encodeURIComponent(kpiId)}/${file}`;
}

export function chartExportUrl(download: KpiDownload, format: ChartFormat): string {
  const { kpiId, params, chart, measures, kind, title } = download;
  // `chart` is always sent: without it the server draws a breakdown whenever `by` is set, also for a series over time.
  const search = toSearch({ ...params, chart, measures: measures?.join(','), kind, title });
  return `${exportPath(kpiId, `chart.${format}`)}${search}`;
}

/** The data export takes the KPI request alone: the file has every measure of the answer. */
export function dataExportUrl(download: Pick<KpiDownload, 'kpiId' | 'params'>, format: DataFormat): string {
  return `${exportPath(download.kpiId, `data.${format}`)}${toSearch(download.params)}`;
}
