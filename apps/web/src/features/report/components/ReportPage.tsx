/**
 * Afrapportering 2026: the report the council gets at the end of the strategy, downloaded as Word
 * or PDF, with its content previewed here — every theme and indicator with its sentence, status
 * and yearly values, from the same strategy answer the files are written from. The files take
 * seconds (each indicator's chart is drawn on the server), so each button says while it works.
 */
import type { ReactElement } from 'react';
import type { IndicatorProgress, StrategyProgress } from '@sol/api/schemas/strategy.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { useCan } from '../../../shared/access/roles.ts';
import { useStrategy } from '../../../shared/api/get-strategy.ts';
import { useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { IndicatorValuesTable } from '../../../shared/components/IndicatorValuesTable.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { STATUS, StatusBadge, statusOf } from '../../../shared/components/StatusBadge.tsx';
import { useReportFile, type ReportFormat } from '../api/get-report-file.ts';

const FORMATS: Record<ReportFormat, { label: string; name: string; hint: string }> = {
  docx: { label: 'Hent som Word', name: 'Word-dokumentet', hint: '.docx, ca. 0,5 MB' },
  pdf: { label: 'Hent som PDF', name: 'PDF-filen', hint: '.pdf, ca. 0,4 MB' },
};

function DownloadButton({ format }: { format: ReportFormat }): ReactElement {
  const download = useReportFile(format);
  const { label, name, hint } = FORMATS[format];
  return (
    <div className="report-download">
      <button
        type="button"
        className="button"
        // aria-disabled, not disabled: the button keeps keyboard focus while the file is made.
        aria-disabled={download.isPending}
        onClick={() => {
          if (!download.isPending) download.mutate();
        }}
        data-testid={`report-download-${format}`}
      >
        {label} <span className="report-download-hint">({hint})</span>
      </button>
      <p role="status" className="report-download-status">
        {download.isPending ? `Danner ${name} … det tager nogle sekunder.` : download.isSuccess ? `${name[0]?.toUpperCase()}${name.slice(1)} er hentet.` : ''}
      </p>
      {download.isError ? (
        <p role="alert" className="message message-error">
          {name[0]?.toUpperCase()}
          {name.slice(1)} kunne ikke dannes: {download.error.message}
        </p>
      ) : null}
    </div>
  );
}

function IndicatorPreview({ indicator, threshold }: { indicator: IndicatorProgress; threshold: number }): ReactElement {
  const status = statusOf(indicator);
  return (
    <article className="report-indicator" aria-labelledby={`report-${indicator.indicatorId}`} data-testid={`report-indicator-${indicator.indicatorId}`}>
      <h3 id={`report-${indicator.indicatorId}`}>{indicator.wording}</h3>
      <p>
        <StatusBadge status={status} label={`Status: ${indicator.statusLabel || STATUS[status].word}`} />
      </p>
      <p className="report-sentence">{indicator.sentence}</p>
      <IndicatorValuesTable indicator={indicator} threshold={threshold} />
    </article>
  );
}

function Preview({ progress }: { progress: StrategyProgress }): ReactElement {
  return (
    <>
      <p className="lead">
        {progress.strategy.title} · {progress.strategy.municipality} · basisår {progress.strategy.baselineYear}
        {progress.asOf ? ` · data pr. ${formatIsoDate(progress.asOf)}` : ''}. Rapporten har en forside, en sammenfatning og pr. tema hver indikator med
        strategiens ord, en sætning om udviklingen, status, en graf og tallene år for år. Tal for færre end {progress.suppressionThreshold} borgere
        står som «&lt;{progress.suppressionThreshold}».
      </p>
      {progress.themes.map((theme) => (
        <section key={theme.themeNo} aria-labelledby={`report-theme-${theme.themeNo}`} className="page-section">
          <h2 id={`report-theme-${theme.themeNo}`}>
            Tema {theme.themeNo}: {theme.title}
          </h2>
          {theme.indicators.map((indicator) => (
            <IndicatorPreview key={indicator.indicatorId} indicator={indicator} threshold={progress.suppressionThreshold} />
          ))}
        </section>
      ))}
    </>
  );
}

export function ReportPage(): ReactElement {
  // The report is always made from the current numbers (its downloads take no snapshot), so its preview is too.
  const strategy = useStrategy(null);
  const [filters] = useGlobalFilters();
  // Downloads are for analysts; a viewer reads the preview.
  const canDownload = useCan('export');
  return (
    <>
      <h1>Afrapportering 2026</h1>
      {canDownload ? (
        <section aria-labelledby="report-downloads" className="page-section report-downloads">
          <h2 id="report-downloads">Hent rapporten</h2>
          <p>
            Rapporten dannes med de nyeste tal, når du henter den, for hele kommunen: filtrene øverst gælder ikke rapporten. Word-udgaven kan redigeres og
            sættes ind i et dagsordenspunkt.
          </p>
          {filters.snapshot !== null ? (
            <p className="message message-info" data-testid="report-snapshot-note">
              Det valgte øjebliksbillede gælder heller ikke rapporten: forhåndsvisningen og filerne viser de aktuelle tal.
            </p>
          ) : null}
          <div className="report-download-buttons">
            <DownloadButton format="docx" />
            <DownloadButton format="pdf" />
          </div>
        </section>
      ) : (
        <p className="lead" data-testid="report-preview-only">
          Her ses rapportens indhold med de nyeste tal for hele kommunen. Word- og PDF-udgaven hentes af en analytiker.
        </p>
      )}
      <QueryResult query={strategy} loading="Henter indholdet …" error="Indholdet kunne ikke hentes">
        {(progress) => <Preview progress={progress} />}
      </QueryResult>
    </>
  );
}
