/**
 * Every provider in one sortable table — name, operation, places, citizens, occupancy and
 * expenditure — with a button per provider to see the citizens behind the count. Forty bars
 * would not be readable; a table can be sorted, read aloud and printed.
 */
import { useState, type ReactElement } from 'react';
import type { KpiResult, KpiResultRow } from '@sol/api/schemas/kpi-result.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import { OPERATIONS } from '@sol/domain/codes.ts';

type SortKey = 'name' | 'operation' | 'places' | 'citizens' | 'occupancy' | 'expenditure';
type Direction = 'ascending' | 'descending';

interface ProviderRow {
  code: string;
  name: string;
  operation: string | null;
  places: number | null;
  citizens: number | null;
  citizensSuppressed: string | null;
  occupancy: number | null;
  occupancySuppressed: string | null;
  expenditure: number | null;
}

const COLUMNS: { key: SortKey; title: string; numeric: boolean; firstDirection: Direction }[] = [
  { key: 'name', title: 'Tilbud', numeric: false, firstDirection: 'ascending' },
  { key: 'operation', title: 'Driftsform', numeric: false, firstDirection: 'ascending' },
  { key: 'places', title: 'Pladser', numeric: true, firstDirection: 'descending' },
  { key: 'citizens', title: 'Borgere', numeric: true, firstDirection: 'descending' },
  { key: 'occupancy', title: 'Belægning', numeric: true, firstDirection: 'descending' },
  { key: 'expenditure', title: 'Udgift', numeric: true, firstDirection: 'descending' },
];

function toRow(row: KpiResultRow, internal: ReadonlySet<string>, known: boolean): ProviderRow {
  const code = row.group ?? '';
  return {
    code,
    name: row.label,
    operation: known ? (internal.has(code) ? 'intern' : 'ekstern') : null,
    places: row.values.places ?? null,
    citizens: row.suppressed.citizens ? null : (row.values.citizens ?? null),
    citizensSuppressed: row.suppressed.citizens ?? null,
    occupancy: row.suppressed.occupancy ? null : (row.values.occupancy ?? null),
    occupancySuppressed: row.suppressed.occupancy ?? null,
    expenditure: row.values.expenditure ?? null,
  };
}

function sortValue(row: ProviderRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'operation':
      return row.operation;
    default:
      return row[key];
  }
}

/** Empty and withheld values last, whatever the direction: they are not "smallest". */
function compareRows(a: ProviderRow, b: ProviderRow, key: SortKey, direction: Direction): number {
  const left = sortValue(a, key);
  const right = sortValue(b, key);
  if (left === null && right === null) return a.name.localeCompare(b.name, 'da');
  if (left === null) return 1;
  if (right === null) return -1;
  const order = typeof left === 'string' || typeof right === 'string' ? String(left).localeCompare(String(right), 'da') : left - right;
  return (direction === 'ascending' ? order : -order) || a.name.localeCompare(b.name, 'da');
}

function OccupancyCell({ row, threshold }: { row: ProviderRow; threshold: number }): ReactElement {
  if (row.occupancySuppressed) {
    return <span title={suppressionExplanation(row.occupancySuppressed, threshold)}>{suppressionMarker(row.occupancySuppressed, threshold)}</span>;
  }
  if (row.occupancy === null) return <span className="muted-text">{row.places === null ? 'ingen pladser' : '–'}</span>;
  const width = Math.min(row.occupancy, 1) * 100;
  return (
    <span className="occupancy">
      <span className="occupancy-track" aria-hidden="true">
        <span className="occupancy-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="occupancy-value">
        {formatMeasureValue(row.occupancy, 'procent', 1)}
        {row.occupancy > 1 ? <span aria-hidden="true"> ▲</span> : null}
      </span>
    </span>
  );
}

export function ProviderTable({
  result,
  internalCodes,
  onDrill,
}: {
  result: KpiResult;
  /** Codes of the internal providers; null while not known. */
  internalCodes: ReadonlySet<string> | null;
  onDrill: ((code: string, name: string) => void) | null;
}): ReactElement {
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'occupancy', direction: 'descending' });
  const [withPlacesOnly, setWithPlacesOnly] = useState(false);
  const threshold = result.suppressionThreshold;
  const all = result.rows.filter((row) => row.group !== null).map((row) => toRow(row, internalCodes ?? new Set(), internalCodes !== null));
  const rows = all.filter((row) => !withPlacesOnly || row.places !== null).sort((a, b) => compareRows(a, b, sort.key, sort.direction));
  const overFull = rows.some((row) => row.occupancy !== null && row.occupancy > 1);
  const income = rows.some((row) => row.expenditure !== null && row.expenditure < 0);
  const anySuppressed = [...new Set(rows.flatMap((row) => [row.citizensSuppressed, row.occupancySuppressed]).filter((reason): reason is string => reason !== null))];
  const sortedBy = COLUMNS.find((column) => column.key === sort.key);

  const choose = (key: SortKey) =>
    setSort((current) => {
      const column = COLUMNS.find((candidate) => candidate.key === key);
      if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
      return { key, direction: column?.firstDirection ?? 'ascending' };
    });

  return (
    <>
      <div className="section-controls">
        <label className="checkbox-label">
          <input type="checkbox" checked={withPlacesOnly} onChange={(event) => setWithPlacesOnly(event.target.checked)} /> Vis kun tilbud med pladser
        </label>
        <p className="section-controls-status" aria-live="polite">
          {rows.length} tilbud, sorteret efter {sortedBy?.title.toLowerCase()} ({sort.direction === 'ascending' ? 'stigende' : 'faldende'})
        </p>
      </div>
      <div className="table-scroll provider-scroll" role="region" aria-label="Tabel: tilbuddene" tabIndex={0}>
        <table className="data-table provider-table" data-testid="table-providers">
          <caption>
            Borgere, pladser, belægning og udgift pr. tilbud, {result.period.label}. Klik på en kolonneoverskrift for at sortere.
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={sort.key === column.key ? sort.direction : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => choose(column.key)}>
                    {column.title}
                    <span aria-hidden="true" className="sort-icon">
                      {sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
              {onDrill ? (
                <th scope="col">
                  <span className="visually-hidden">Borgerne bag tallet</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} data-testid={`provider-row-${row.code}`}>
                <th scope="row">{row.name}</th>
                <td>{row.operation ? OPERATIONS[row.operation as keyof typeof OPERATIONS] : '…'}</td>
                <td className="numeric">{row.places === null ? '–' : formatDecimal(row.places, 0)}</td>
                <td className="numeric" title={row.citizensSuppressed ? suppressionExplanation(row.citizensSuppressed, threshold) : undefined}>
                  {row.citizensSuppressed ? suppressionMarker(row.citizensSuppressed, threshold) : row.citizens === null ? '–' : formatDecimal(row.citizens, 0)}
                </td>
                <td className="numeric">
                  <OccupancyCell row={row} threshold={threshold} />
                </td>
                <td className="numeric">{row.expenditure === null ? '–' : formatMeasureValue(row.expenditure, 'kr', 0)}</td>
                {onDrill ? (
                  <td>
                    {row.citizensSuppressed ? null : (
                      <button type="button" className="button-link" onClick={() => onDrill(row.code, row.name)}>
                        Vis borgere<span className="visually-hidden"> hos {row.name}</span>
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="table-note">
        <li>Belægning = brugte pladsdage ÷ (pladser × dage i perioden); kun for tilbud med pladser.</li>
        {overFull ? <li>▲ Over 100 %: flere borgere end pladser i gennemsnit over perioden, fx ved overlap ved ind- og udflytning.</li> : null}
        {income ? <li>En negativ udgift betyder, at indtægterne (fx pladser solgt til andre kommuner) er større end udgifterne.</li> : null}
        {anySuppressed.map((reason) => (
          <li key={reason}>
            {suppressionMarker(reason, threshold)}: {suppressionExplanation(reason, threshold)}
          </li>
        ))}
      </ul>
    </>
  );
}
