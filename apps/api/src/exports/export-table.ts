/**
 * A KPI answer as one table for the data exports: a header block (title, period, breakdown,
 * filters, prices, source, as-of date, data version, the suppression rule) and a row per group
 * for the period and for each point of its series, with every measure as a column. XLSX and CSV
 * are both written from this, so the two files hold the same cells.
 */
import { NOT_REACHED_TEXT } from '@sol/charts/kpi-chart-specs.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { BREAKDOWNS, type BreakdownId, type Unit } from '@sol/domain/kpi-catalogue.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import type { KpiResult, KpiResultRow } from '../schemas/kpi-result.ts';
import { pricesNote } from './describe-query.ts';

export interface ExportColumn {
  id: string;
  /** The measure's title with its unit where the number alone does not say it. */
  title: string;
  unit: Unit;
  decimals: number;
}

/** A number, a withheld value (its marker and why), or a value that has words instead. */
export type ExportCell =
  | { kind: 'number'; value: number }
  | { kind: 'withheld'; marker: string; explanation: string }
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

export interface ExportRow {
  period: string;
  group: string;
  cells: ExportCell[];
}

export interface ExportTable {
  title: string;
  /** Label and value pairs above the table. */
  header: [string, string | number][];
  columns: ExportColumn[];
  rows: ExportRow[];
}

const UNIT_SUFFIXES: Record<Unit, string> = { antal: '', dage: ' (dage)', kr: ' (kr.)', procent: ' (%)', pr1000: '', score: '' };

/** Today in Danish time as ISO, for "Hentet" and file names. */
export function todayInDenmark(now = new Date()): string {
  // Swedish dates are ISO-shaped (2026-12-05).
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

function cellOf(row: KpiResultRow, measureId: string, threshold: number): ExportCell {
  const reason = row.suppressed[measureId];
  if (reason) return { kind: 'withheld', marker: suppressionMarker(reason, threshold), explanation: suppressionExplanation(reason, threshold) };
  const value = row.values[measureId];
  if (value !== null && value !== undefined) return { kind: 'number', value };
  if (row.notReached.includes(measureId)) return { kind: 'text', text: NOT_REACHED_TEXT };
  return { kind: 'empty' };
}

export function kpiExportTable(result: KpiResult, filterText: string, today = todayInDenmark()): ExportTable {
  const threshold = result.suppressionThreshold;
  const columns = result.kpi.measures.map((measure) => ({
    id: measure.id,
    title: `${measure.title}${UNIT_SUFFIXES[measure.unit as Unit]}`,
    unit: measure.unit as Unit,
    decimals: measure.decimals,
  }));
  const toRows = (period: string, rows: KpiResultRow[]): ExportRow[] =>
    rows.map((row) => ({ period, group: row.label, cells: columns.map((column) => cellOf(row, column.id, threshold)) }));
  const header: [string, string | number][] = [
    // A period cut at the as-of date says so in its label ("2026 (til 30.11.2026)").
    ['Periode', result.period.label],
    ['Opdeling', result.query.by ? BREAKDOWNS[result.query.by as BreakdownId] : 'Ingen'],
    ['Filtre', filterText || 'Ingen'],
  ];
  if (result.kpi.hasAmounts) header.push(['Priser', pricesNote(result.query) ?? 'løbende priser']);
  header.push(
    ['Kilde', result.kpi.source.replace(/^Kilde:\s*/, '')],
    ['Data pr.', formatIsoDate(result.period.asOf)],
    ['Dataversion', result.dataVersion],
    // A frozen answer says so, so a council paper's figures can be traced back to their snapshot.
    ...(result.snapshot ? [['Øjebliksbillede', `${result.snapshot.name} (nr. ${result.snapshot.id})`] as [string, string]] : []),
    ['Diskretionering', `Antal under ${threshold} vises som "<${threshold}"; værdier, der kunne afsløre dem eller bygger på færre end ${threshold} borgere eller sager, vises som "–".`],
    ['Hentet', formatIsoDate(today)],
  );
  return {
    title: result.kpi.title,
    header,
    columns,
    rows: [...toRows(result.period.label, result.rows), ...result.series.flatMap((point) => toRows(point.label, point.rows))],
  };
}
