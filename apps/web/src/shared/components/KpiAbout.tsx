/**
 * How a KPI is counted, in the catalogue's own words (definition, the readings chosen, source),
 * and which of the chosen filters the KPI cannot apply — so a number is never read as filtered
 * when it is not.
 */
import type { ReactElement } from 'react';
import type { KpiDefinition } from '@sol/domain/kpi-catalogue.ts';

/**
 * The catalogue's definition and its notes (the readings chosen), as the body of a "how it is
 * counted" box: the KPI pages' box below and the strategy's indicator cards say it the same way.
 */
export function KpiDefinitionText({ kpi }: { kpi: KpiDefinition }): ReactElement {
  return (
    <>
      <p>{kpi.definition}</p>
      {kpi.notes.length > 0 ? (
        <ul>
          {kpi.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function KpiAbout({ kpi, summary = 'Sådan er tallet opgjort' }: { kpi: KpiDefinition; summary?: string }): ReactElement {
  return (
    <details className="kpi-about" data-testid={`about-${kpi.id}`}>
      <summary>
        {summary}: {kpi.title} ({kpi.code})
      </summary>
      <KpiDefinitionText kpi={kpi} />
      <p className="kpi-about-source">{kpi.source}</p>
    </details>
  );
}

export function UnsupportedFiltersNote({ labels, kpiTitle }: { labels: string[]; kpiTitle: string }): ReactElement | null {
  if (labels.length === 0) return null;
  const list = labels.map((label) => label.toLowerCase()).join(' og ');
  return (
    <p className="message message-info filter-note" data-testid="unsupported-filters">
      <span className="info-icon" aria-hidden="true">i</span>
      {kpiTitle} kan ikke opdeles på {list}; det valgte filter er ikke brugt i tallene nedenfor.
    </p>
  );
}
