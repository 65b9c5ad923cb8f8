/**
 * The rule behind "inden for fristen": each paragraph's processing deadline in calendar days, the
 * one in force on the as-of date, with an earlier deadline where the municipality has changed it
 * (an application is measured against the deadline in force on the day it was received).
 */
import type { ReactElement } from 'react';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { formatNumber } from '../../../shared/format.ts';
import { useDeadlines, type ProcessingDeadline } from '../api/get-deadlines.ts';
import { compareParagraphs, paragraphFirst } from './paragraph-labels.ts';

interface ParagraphDeadline {
  paragraph: string;
  title: string;
  current: ProcessingDeadline;
  /** Deadlines that applied before the current one, latest first. */
  earlier: ProcessingDeadline[];
}

function byParagraph(deadlines: ProcessingDeadline[], asOf: string | null): ParagraphDeadline[] {
  const grouped = new Map<string, ProcessingDeadline[]>();
  for (const deadline of deadlines) grouped.set(deadline.paragraph, [...(grouped.get(deadline.paragraph) ?? []), deadline]);
  const result: ParagraphDeadline[] = [];
  for (const [paragraph, versions] of grouped) {
    const latestFirst = [...versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    // A deadline decided for a later date is not the rule yet; without an as-of date, take the latest.
    const currentIndex = Math.max(0, asOf ? latestFirst.findIndex((version) => version.validFrom <= asOf) : 0);
    const current = latestFirst[currentIndex];
    if (!current) continue;
    result.push({ paragraph, title: current.title, current, earlier: latestFirst.slice(currentIndex + 1) });
  }
  return result.sort((a, b) => compareParagraphs(a.paragraph, b.paragraph));
}

function days(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'dag' : 'dage'}`;
}

export function DeadlinesTable({ asOf }: { asOf: string | null }): ReactElement {
  const deadlines = useDeadlines();
  if (deadlines.isPending) return <p role="status">Henter fristerne …</p>;
  if (deadlines.isError) {
    return (
      <p role="alert" className="message message-error">
        Fristerne kunne ikke hentes: {deadlines.error.message}
      </p>
    );
  }
  const rows = byParagraph(deadlines.data.deadlines, asOf);
  if (rows.length === 0) return <p className="message message-info">Der er ikke registreret nogen frister.</p>;
  // The column only where a deadline has been changed; otherwise it would say "uændret" on every row.
  const anyChanged = rows.some((row) => row.earlier.length > 0);
  return (
    <div className="table-scroll deadlines-table">
      <table className="data-table" data-testid="deadlines-table">
        <caption className="visually-hidden">Sagsbehandlingsfrister pr. paragraf{asOf ? `, gældende ${formatIsoDate(asOf)}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Paragraf</th>
            <th scope="col" className="numeric">
              Frist
            </th>
            {anyChanged ? <th scope="col">Tidligere frist</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.paragraph} data-testid={`deadline-${row.paragraph}`}>
              <th scope="row">{paragraphFirst(row.title)}</th>
              <td className="numeric">{days(row.current.deadlineDays)}</td>
              {anyChanged ? (
                <td>{row.earlier[0] ? `${days(row.earlier[0].deadlineDays)} for ansøgninger modtaget før ${formatIsoDate(row.current.validFrom)}` : 'Uændret'}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
