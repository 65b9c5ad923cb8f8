/**
 * Compare a snapshot (A) with another snapshot or with the current numbers (B): every KPI's
 * headline and every strategy indicator per year, with A, B, the difference and the API's
 * sentence. Rows that moved are marked in words and an icon as well as colour; withheld values
 * are written as everywhere else ("<5", "–").
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { findKpi } from '@sol/domain/kpi-catalogue.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import { useSnapshots, type SnapshotSummary } from '../../../shared/api/get-snapshots.ts';
import { FormField } from '../../../shared/components/FormField.tsx';
import { strategyQueryOptions } from '../../../shared/api/get-strategy.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { snapshotTitle } from '../../../shared/filters/active-snapshot.ts';
import { formatNumber, formatSigned } from '../../../shared/format.ts';
import { useSnapshotComparison, type ComparisonSide, type SnapshotComparison } from '../api/get-snapshot-comparison.ts';

const UNITS: readonly Unit[] = ['antal', 'procent', 'dage', 'kr', 'pr1000', 'score'];

function asUnit(unit: string): Unit {
  return UNITS.find((candidate) => candidate === unit) ?? 'antal';
}

interface ComparedValue {
  value: number | null;
  suppressed: string | null;
}

/** How a value is written; the threshold is null until known, and a small count is then "–" too. */
function ValueCell({ value, unit, decimals, threshold }: { value: ComparedValue; unit: Unit; decimals: number; threshold: number | null }): ReactElement {
  if (value.suppressed) {
    return (
      <td className="numeric" title={threshold === null ? undefined : suppressionExplanation(value.suppressed, threshold)}>
        {threshold === null ? '–' : suppressionMarker(value.suppressed, threshold)}
      </td>
    );
  }
  return <td className="numeric">{value.value === null ? 'ingen data' : formatMeasureValue(value.value, unit, decimals)}</td>;
}

/** B − A in the values' unit; shares in percentage points. Unmoved (equal as shown) is written without a sign. */
export function differenceText(difference: number | null, moved: boolean, unit: Unit, decimals: number): string {
  if (difference === null) return '–';
  const format = unit === 'procent' ? (value: number) => `${formatDecimal(value * 100, decimals)} pct.-point` : (value: number) => formatMeasureValue(value, unit, decimals);
  return moved ? formatSigned(difference, format) : format(0);
}

function MovedMark({ moved }: { moved: boolean }): ReactElement | null {
  return moved ? (
    <span className="compare-moved-mark">
      <span aria-hidden="true">▲▼ </span>Ændret
    </span>
  ) : null;
}

interface CompareRow {
  key: string;
  title: string;
  period: string;
  a: ComparedValue;
  b: ComparedValue;
  difference: number | null;
  moved: boolean;
  sentence: string;
  unit: Unit;
  decimals: number;
}

/** What a table is of: its caption, its first two columns' headings and its test id. */
interface TableKind {
  caption: string;
  firstColumn: string;
  periodColumn: string;
  testId: string;
}

const KPI_TABLE: TableKind = { caption: 'Nøgletallene (året til opgørelsesdatoen)', firstColumn: 'Nøgletal', periodColumn: 'Periode', testId: 'compare-kpis' };
const INDICATOR_TABLE: TableKind = { caption: 'Strategiens indikatorer (hvert år)', firstColumn: 'Indikator', periodColumn: 'År', testId: 'compare-indicators' };

function CompareTable({
  table: { caption, firstColumn, periodColumn, testId },
  rows,
  labels,
  threshold,
}: {
  table: TableKind;
  rows: CompareRow[];
  labels: { a: string; b: string };
  threshold: number | null;
}): ReactElement {
  return (
    <div className="table-scroll" role="region" aria-label={`Tabel: ${caption}`} tabIndex={0}>
      <table className="data-table compare-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{periodColumn}</th>
            <th scope="col" className="numeric">
              A: {labels.a}
            </th>
            <th scope="col" className="numeric">
              B: {labels.b}
            </th>
            <th scope="col" className="numeric">
              Forskel (B − A)
            </th>
            <th scope="col">Hvad har flyttet sig</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.moved ? 'compare-row-moved' : undefined} data-moved={row.moved}>
              <th scope="row">
                {row.title} <MovedMark moved={row.moved} />
              </th>
              <td>{row.period}</td>
              <ValueCell value={row.a} unit={row.unit} decimals={row.decimals} threshold={threshold} />
              <ValueCell value={row.b} unit={row.unit} decimals={row.decimals} threshold={threshold} />
              <td className="numeric">{differenceText(row.difference, row.moved, row.unit, row.decimals)}</td>
              <td>{row.sentence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What both kinds of row say alike: the two values, the difference, whether it moved and the sentence. */
function compared({ a, b, difference, moved, sentence }: ComparedRow): Pick<CompareRow, 'a' | 'b' | 'difference' | 'moved' | 'sentence'> {
  return { a, b, difference, moved, sentence };
}

type ComparedRow = SnapshotComparison['kpis'][number] | SnapshotComparison['indicators'][number];

function kpiRows(comparison: SnapshotComparison): CompareRow[] {
  return comparison.kpis.map((row) => {
    const unit = asUnit(row.unit);
    const measure = findKpi(row.kpiId)?.measures.find((candidate) => candidate.id === row.measureId);
    return {
      key: row.kpiId,
      title: `${row.kpiTitle}: ${row.measureTitle}`,
      period: row.periodA === row.periodB ? row.periodA : `A: ${row.periodA} · B: ${row.periodB}`,
      ...compared(row),
      unit,
      decimals: measure?.decimals ?? 0,
    };
  });
}

function indicatorRows(comparison: SnapshotComparison, decimalsOf: (indicatorId: string) => number | undefined): CompareRow[] {
  return comparison.indicators.map((row) => {
    const unit = asUnit(row.unit);
    return {
      key: `${row.indicatorId}-${row.year}`,
      title: row.wording,
      period: String(row.year),
      ...compared(row),
      unit,
      decimals: decimalsOf(row.indicatorId) ?? (unit === 'procent' || unit === 'score' ? 1 : 0),
    };
  });
}

function ComparisonResult({ comparison, a }: { comparison: SnapshotComparison; a: number }): ReactElement {
  const [onlyMoved, setOnlyMoved] = useState(false);
  const checkboxId = useId();
  // The strategy page frozen in A carries the suppression threshold and the indicators' decimals.
  const strategy = useQuery(strategyQueryOptions(a));
  const threshold = strategy.data?.suppressionThreshold ?? null;
  const indicators = new Map((strategy.data?.themes ?? []).flatMap((theme) => theme.indicators).map((indicator) => [indicator.indicatorId, indicator]));
  const kpis = kpiRows(comparison);
  const yearly = indicatorRows(comparison, (indicatorId) => indicators.get(indicatorId)?.measure.decimals);
  const moved = [...kpis, ...yearly].filter((row) => row.moved).length;
  const total = kpis.length + yearly.length;
  const labels = { a: comparison.a.label, b: comparison.b.label };
  const shown = (rows: CompareRow[]) => (onlyMoved ? rows.filter((row) => row.moved) : rows);

  return (
    <div className="compare-result" data-testid="compare-result">
      <p className="compare-summary" data-testid="compare-summary">
        <strong>
          {moved === 0 ? 'Intet har flyttet sig' : `${formatNumber(moved)} af ${formatNumber(total)} tal har flyttet sig`}
        </strong>{' '}
        mellem A ({labels.a}) og B ({labels.b}).
      </p>
      <div className="checkbox-label">
        <input id={checkboxId} type="checkbox" checked={onlyMoved} onChange={(event) => setOnlyMoved(event.target.checked)} />
        <label htmlFor={checkboxId}>Vis kun tal, der har flyttet sig</label>
      </div>
      <CompareTable table={KPI_TABLE} rows={shown(kpis)} labels={labels} threshold={threshold} />
      {yearly.length > 0 ? (
        <CompareTable table={INDICATOR_TABLE} rows={shown(yearly)} labels={labels} threshold={threshold} />
      ) : (
        <p className="message message-info">Øjebliksbilledet har ingen strategi at sammenligne.</p>
      )}
    </div>
  );
}

function SnapshotSelect({
  id,
  label,
  value,
  onChange,
  snapshots,
  withLive = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  snapshots: readonly SnapshotSummary[];
  withLive?: boolean;
}): ReactElement {
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {withLive ? <option value="live">Aktuelle tal</option> : null}
          {snapshots.map((snapshot) => (
            <option key={snapshot.id} value={snapshot.id}>
              {snapshotTitle(snapshot)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export function SnapshotCompare(): ReactElement {
  const id = useId();
  const list = useSnapshots();
  const snapshots = list.data?.snapshots ?? [];
  const [a, setA] = useState('');
  const [b, setB] = useState('live');
  const [choice, setChoice] = useState<{ a: number; b: ComparisonSide } | null>(null);
  const comparison = useSnapshotComparison(choice);
  // Until chosen, A is the newest snapshot.
  const chosenA = a || String(snapshots[0]?.id ?? '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosenA) return;
    setChoice({ a: Number(chosenA), b: b === 'live' ? 'live' : Number(b) });
  };

  return (
    <section className="page-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Sammenlign</h2>
      <p className="section-lead">
        Hvad har flyttet sig mellem to budgetopfølgninger, eller mellem et øjebliksbillede og de aktuelle tal? «Aktuelle tal» læses på A’s
        opgørelsesdato, så forskellen viser, hvad senere rettelser og indlæsninger har ændret.
      </p>
      {list.isSuccess && snapshots.length === 0 ? (
        <p className="message message-info">Tag et øjebliksbillede først; så kan det sammenlignes her.</p>
      ) : (
        <form className="section-controls compare-controls" onSubmit={submit} aria-labelledby="compare-heading" data-testid="compare-form">
          <SnapshotSelect id={`${id}-a`} label="A (øjebliksbillede)" value={chosenA} onChange={setA} snapshots={snapshots} />
          <SnapshotSelect id={`${id}-b`} label="B" value={b} onChange={setB} snapshots={snapshots} withLive />
          <button type="submit" className="button" aria-disabled={!chosenA || undefined}>
            Sammenlign
          </button>
        </form>
      )}
      {choice ? (
        <QueryResult query={comparison} loading="Sammenligner …" error="Sammenligningen kunne ikke laves">
          {(data) => <ComparisonResult comparison={data} a={choice.a} />}
        </QueryResult>
      ) : null}
    </section>
  );
}
