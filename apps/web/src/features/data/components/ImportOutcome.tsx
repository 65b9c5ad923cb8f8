/**
 * The end of an upload, in words: how many rows were imported and that the numbers are being
 * recomputed — or that nothing was imported, with every error as file, line, column, value and
 * reason, so the files can be corrected at the source and sent again.
 */
import { useRef, useState, type ReactElement, type Ref } from 'react';
import { formatNumber } from '../../../shared/format.ts';
import type { ImportError, ImportFailed, ImportSucceeded } from '../api/get-import-job.ts';
import { errorsText, formatDuration, listText, rowsSentenceStart } from './data-format.ts';

/** A table of 50.000 rows makes the page sluggish; the rest is one click (or the CSV) away. */
const ERRORS_SHOWN_FIRST = 500;

export function ImportSucceededPanel({ report, headingRef }: { report: ImportSucceeded; headingRef: Ref<HTMLHeadingElement> }): ReactElement {
  const fileNames = report.files.map((file) => file.fileName);
  const from = fileNames.length === 1 ? listText(fileNames) : `${formatNumber(fileNames.length)} filer`;
  return (
    <div className="import-outcome message import-success" data-testid="import-succeeded">
      <h3 ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true">✔ </span>Data er indlæst
      </h3>
      <p>
        {rowsSentenceStart(report.totalRows)} er indlæst fra {from} på {formatDuration(report.durationMs)}. Nøgletallene genberegnes nu med den nye
        dataversion ({formatNumber(report.importId)}), og siderne henter de nye tal.
      </p>
      {report.files.length > 1 ? (
        <table className="data-table">
          <caption className="visually-hidden">Indlæste rækker pr. fil</caption>
          <thead>
            <tr>
              <th scope="col">Fil</th>
              <th scope="col" className="numeric">
                Rækker
              </th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((file) => (
              <tr key={file.fileName}>
                <th scope="row">{file.fileName}</th>
                <td className="numeric">{formatNumber(file.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function lineText(line: number | null): string {
  return line === null ? 'hele filen' : formatNumber(line);
}

function valueText(value: string | null): string {
  if (value === null) return '–';
  // An empty cell is a value too ("mangler"); shown so the row does not look unfinished.
  return value === '' ? '(tom)' : value;
}

/** Semicolons and a BOM: what Excel on Danish Windows opens directly, æøå intact. */
function errorsCsv(errors: readonly ImportError[]): string {
  const cell = (text: string): string => (/[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = errors.map((error) =>
    [error.file, error.line === null ? '' : String(error.line), error.column ?? '', error.value ?? '', error.reason].map(cell).join(';'),
  );
  return `\uFEFF${['Fil;Linje;Kolonne;Værdi;Årsag', ...lines].join('\r\n')}\r\n`;
}

function downloadCsv(errors: readonly ImportError[]): void {
  const url = URL.createObjectURL(new Blob([errorsCsv(errors)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'indlaesningsfejl.csv';
  link.click();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ImportFailedPanel({
  report,
  headingRef,
  actions,
}: {
  report: ImportFailed;
  headingRef: Ref<HTMLHeadingElement>;
  /** The "Indlæs andre filer" button, placed with the panel's own. */
  actions: ReactElement;
}): ReactElement {
  const [showAll, setShowAll] = useState(false);
  const table = useRef<HTMLDivElement>(null);
  const { errors, errorCount } = report;
  const shown = showAll ? errors : errors.slice(0, ERRORS_SHOWN_FIRST);

  return (
    <div className="import-outcome import-errors" data-testid="import-failed">
      <h3 ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true">✖ </span>Intet er indlæst
      </h3>
      <div className="message message-error">
        <p>
          Filerne har {errorsText(errorCount)}, så intet er indlæst, og data er uændret: en indlæsning er hele eller intet. Ret fejlene i filerne
          (eller i det system, de kommer fra), og indlæs dem igen.
        </p>
      </div>
      {errorCount > errors.length ? (
        <p className="message import-warning">
          Der er {errorsText(errorCount)} i alt; de første {formatNumber(errors.length)} er listet herunder.
        </p>
      ) : null}
      {shown.length < errors.length ? (
        <p className="message message-info">
          Tabellen viser de første {formatNumber(shown.length)} af {formatNumber(errors.length)} fejl. Vis dem alle, eller hent listen som CSV-fil til
          Excel.
        </p>
      ) : null}
      <div ref={table} className="table-scroll import-error-scroll" role="region" aria-labelledby="import-errors-caption" tabIndex={0}>
        <table className="data-table" data-testid="import-errors">
          <caption id="import-errors-caption">
            Fejl i filerne ({shown.length < errors.length ? `${formatNumber(shown.length)} af ${formatNumber(errors.length)}` : formatNumber(errors.length)})
          </caption>
          <thead>
            <tr>
              <th scope="col">Fil</th>
              <th scope="col" className="numeric">
                Linje
              </th>
              <th scope="col">Kolonne</th>
              <th scope="col">Værdi</th>
              <th scope="col">Årsag</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, index) => (
              // The report's order is the file's order; errors have no id of their own.
              <tr key={index}>
                <td>{error.file}</td>
                <td className="numeric">{lineText(error.line)}</td>
                <td>{error.column ?? '–'}</td>
                <td className="import-error-value">{valueText(error.value)}</td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="upload-actions">
        {actions}
        {shown.length < errors.length ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setShowAll(true);
              // The button goes away with the click; keep the keyboard in the (now longer) table.
              requestAnimationFrame(() => table.current?.focus());
            }}
          >
            Vis alle {errorsText(errors.length)}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => downloadCsv(errors)}>
          Hent fejllisten som CSV ({errorsText(errors.length)})
        </button>
      </div>
    </div>
  );
}
