/**
 * A chart as the dashboard shows it: heading and subtitle, the chart, "Vis som tabel", "Hent" (the
 * chart and its numbers as files), a note when values are withheld, the source line, and drill
 * from a bar/point (or the table's buttons) to the rows behind it. Loading, error and empty states
 * are said in words.
 */
import { useId, useState, type ReactElement } from 'react';
import { hasValues, type ChartSpec } from '@sol/charts/chart-spec.ts';
import { useCan } from '../access/roles.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import type { KpiDownload } from '../api/export-urls.ts';
import { ChartTable } from './ChartTable.tsx';
import { DownloadMenu } from './DownloadMenu.tsx';
import { LazyKpiChart } from './LazyCharts.tsx';

export interface ChartPanelProps {
  /** Shown while the spec is not there yet. */
  title: string;
  spec: ChartSpec | null | undefined;
  isLoading?: boolean;
  error?: Error | null;
  height?: number;
  /** A sentence under the heading (what the chart answers). */
  description?: string;
  /** Drill to rows for the category at this index. */
  onDrill?: ((index: number) => void) | undefined;
  /** Data-test hook: the KPI and measure shown, for end-to-end tests. */
  testId?: string;
  /** The heading's level where the panel sits under an h3 (a strategy indicator); default h3. */
  headingLevel?: 3 | 4;
  /**
   * The KPI request the chart was drawn from and the chart chosen, for the "Hent" menu; the screen's
   * title and line/bar are filled in from the spec. Left out where the chart is not one KPI answer.
   */
  download?: KpiDownload | undefined;
}

/** The export drawn as on the screen: its heading, and its line or bars (a step curve is the server's own). */
function asShown(download: KpiDownload, spec: ChartSpec): KpiDownload {
  const kind = download.kind ?? (spec.kind === 'line' || spec.kind === 'bar' ? spec.kind : undefined);
  return { ...download, title: download.title ?? spec.title, ...(kind ? { kind } : {}) };
}

export function ChartPanel({ title, spec, isLoading, error, height = 280, description, onDrill: drill, testId, headingLevel = 3, download }: ChartPanelProps): ReactElement {
  // The rows behind a number are for analysts (pseudonymous ids); a viewer gets no drill at all.
  const onDrill = useCan('rows') ? drill : undefined;
  const Heading = headingLevel === 4 ? 'h4' : 'h3';
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const headingId = useId();
  const threshold = spec?.suppressionThreshold ?? 5;
  const reasons = new Set(spec?.series.flatMap((series) => series.suppressed.filter((reason): reason is string => reason !== null)) ?? []);

  return (
    <section className="chart-panel" aria-labelledby={headingId} data-testid={testId}>
      <div className="chart-panel-header">
        <div>
          <Heading id={headingId} className="chart-panel-title">
            {spec?.title ?? title}
          </Heading>
          {spec ? <p className="chart-subtitle">{spec.subtitle}</p> : null}
        </div>
        {spec && hasValues(spec) ? (
          <div className="chart-panel-actions">
            <button type="button" className="button button-secondary button-compact" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((shown) => !shown)}>
              {showTable ? 'Vis som graf' : 'Vis som tabel'}
            </button>
            {download ? <DownloadMenu download={asShown(download, spec)} subject={`graf og tal: ${spec.title}`} testId={testId ? `download-${testId}` : undefined} /> : null}
          </div>
        ) : null}
      </div>
      {description ? <p className="chart-description">{description}</p> : null}
      {isLoading ? (
        <p role="status" className="chart-placeholder" style={{ minHeight: height }}>
          Henter tal …
        </p>
      ) : error ? (
        <p role="alert" className="message message-error">
          Tallene kunne ikke hentes: {error.message}
        </p>
      ) : !spec || !hasValues(spec) ? (
        <p className="chart-placeholder" style={{ minHeight: height / 2 }}>
          Ingen tal for den valgte periode og de valgte filtre.
        </p>
      ) : (
        <>
          <div id={tableId} hidden={!showTable}>
            {showTable ? <ChartTable spec={spec} onDrill={onDrill} /> : null}
          </div>
          {!showTable ? (
            <figure className="chart-figure" aria-label={`Graf: ${spec.title}. Brug "Vis som tabel" for tallene.`}>
              <LazyKpiChart spec={spec} height={height} onSelectCategory={onDrill} />
            </figure>
          ) : null}
          {onDrill && !showTable ? <p className="chart-hint">Klik på en søjle eller et punkt for at se rækkerne bag tallet.</p> : null}
        </>
      )}
      {reasons.size > 0 ? (
        <ul className="suppression-notes">
          {[...reasons].map((reason) => (
            <li key={reason}>{`${suppressionMarker(reason, threshold)}: ${suppressionExplanation(reason, threshold)}`}</li>
          ))}
        </ul>
      ) : null}
      {spec ? <p className="chart-source">{spec.source}</p> : null}
    </section>
  );
}
