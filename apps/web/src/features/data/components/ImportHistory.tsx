/**
 * Every import so far, newest first: when, from where, which files with how many rows, how long
 * it took and the checksum that identifies the files (to check that the data shown is the data
 * sent). Each import is a data version; the newest is the one every page shows.
 */
import type { ReactElement } from 'react';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { IMPORT_HISTORY_LIMIT, useImports, type ImportLogEntry, type ImportSource } from '../api/get-imports.ts';
import { formatDuration, rowsText } from './data-format.ts';

const SOURCE_LABELS: Record<ImportSource, string> = {
  demo: 'Demodata',
  api: 'Upload på denne side',
  cli: 'Kommandolinje',
};

/** Enough to tell two imports apart by eye; the whole checksum is in the title. */
const CHECKSUM_SHOWN = 12;

function sourceLabel(source: string): string {
  return source in SOURCE_LABELS ? SOURCE_LABELS[source as ImportSource] : source;
}

function HistoryRow({ entry }: { entry: ImportLogEntry }): ReactElement {
  const when = formatDateTime(entry.importedAt);
  return (
    <tr>
      <td className="numeric">{formatNumber(entry.importId)}</td>
      <th scope="row">{when === null ? 'Ukendt tidspunkt' : <time dateTime={entry.importedAt}>{when}</time>}</th>
      <td>{sourceLabel(entry.source)}</td>
      <td>
        <ul className="import-files">
          {entry.files.map((file) => (
            <li key={file.fileName}>
              {file.fileName} <span className="import-file-rows">({rowsText(file.rows)})</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="numeric">{formatNumber(entry.totalRows)}</td>
      <td className="numeric">{formatDuration(entry.durationMs)}</td>
      <td>
        <code className="import-checksum" title={`Hele kontrolsummen: ${entry.checksum}`}>
          {entry.checksum.slice(0, CHECKSUM_SHOWN)}
        </code>
      </td>
    </tr>
  );
}

export function ImportHistory(): ReactElement {
  const imports = useImports();

  return (
    <section className="panel data-section" aria-labelledby="history-heading">
      <h2 id="history-heading">Tidligere indlæsninger</h2>
      <QueryResult query={imports} loading="Henter indlæsningerne …" error="Listen over indlæsninger kunne ikke hentes">
        {({ imports: entries }) =>
          entries.length === 0 ? (
            <div className="empty" data-testid="import-history">
              <p className="empty-title">Der er ikke indlæst noget endnu</p>
              <p>Hver indlæsning vises her med tidspunkt, filer, antal rækker og kontrolsum.</p>
            </div>
          ) : (
            <>
              <p className="section-lead">
                Hver indlæsning giver en ny dataversion; siderne viser altid den nyeste. Kontrolsummen er beregnet af filernes indhold: samme filer giver
                samme kontrolsum.
                {entries.length >= IMPORT_HISTORY_LIMIT ? ` De seneste ${formatNumber(IMPORT_HISTORY_LIMIT)} indlæsninger vises.` : ''}
              </p>
              <div className="table-scroll table-scroll-tall" role="region" aria-labelledby="history-heading" tabIndex={0}>
                <table className="data-table import-history" data-testid="import-history">
                  <caption className="visually-hidden">Indlæsninger, nyeste først</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="numeric">
                        Dataversion
                      </th>
                      <th scope="col">Indlæst</th>
                      <th scope="col">Kilde</th>
                      <th scope="col">Filer</th>
                      <th scope="col" className="numeric">
                        Rækker i alt
                      </th>
                      <th scope="col" className="numeric">
                        Varighed
                      </th>
                      <th scope="col">Kontrolsum</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry) => (
                      <HistoryRow key={entry.importId} entry={entry} />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryResult>
    </section>
  );
}
