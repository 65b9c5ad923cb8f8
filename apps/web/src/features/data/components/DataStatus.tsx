/**
 * The API's health as a Danish status panel: is the API up, which database, which municipality,
 * the latest import, the data version and the row count per table.
 */
import type { ReactElement } from 'react';
import { COUNTED_TABLES, type CountedTable } from '@sol/domain/data-tables.ts';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { useHealth, type Health } from '../api/get-health.ts';

const TABLE_LABELS: Record<CountedTable, string> = {
  citizen: 'Borgere',
  provider: 'Tilbud',
  application: 'Ansøgninger',
  service_grant: 'Indsatser',
  review: 'Opfølgninger',
  posting: 'Posteringer',
  budget: 'Budgetlinjer',
  population: 'Befolkningsrækker',
  measurement: 'Målinger',
  price_index: 'P/L-indeks',
};

const DATABASE_LABELS: Record<Health['database']['kind'], string> = {
  pglite: 'Indlejret database (PGlite)',
  postgres: 'PostgreSQL',
};

export function DataStatus(): ReactElement {
  const health = useHealth();
  // A refresh keeps the last answer on screen; only the first fetch shows a placeholder. The
  // buttons stay enabled while fetching (a disabled button drops keyboard focus); a second
  // click joins the request under way.
  const refreshing = health.isFetching && !health.isPending;

  return (
    <section className="panel data-section" aria-labelledby="status-heading" aria-busy={health.isFetching}>
      <div className="panel-head">
        <h2 id="status-heading">Status for system og data</h2>
        {health.data ? (
          <button type="button" className="button button-secondary button-compact" onClick={() => void health.refetch()}>
            {refreshing ? 'Opdaterer …' : 'Opdater status'}
          </button>
        ) : null}
      </div>

      {health.isPending ? (
        <p role="status" className="loading">
          Henter status …
        </p>
      ) : null}

      {health.isError && !health.data ? (
        <div className="error" role="alert">
          <p className="error-title">Kan ikke få forbindelse til API&apos;et</p>
          <p>Tjek at API&apos;et er startet, og prøv igen. Vises fejlen stadig, så kontakt systemets administrator.</p>
          <button type="button" className="button" onClick={() => void health.refetch()}>
            {health.isFetching ? 'Prøver igen …' : 'Prøv igen'}
          </button>
        </div>
      ) : null}

      {health.data ? <HealthDetails health={health.data} /> : null}
    </section>
  );
}

function HealthDetails({ health }: { health: Health }): ReactElement {
  const { status, database, municipality, dataVersion, lastImportAt, counts } = health;
  const importedAt = lastImportAt === null ? null : formatDateTime(lastImportAt);
  const totalRows = counts === null ? 0 : COUNTED_TABLES.reduce((sum, table) => sum + counts[table], 0);

  return (
    <>
      <dl className="facts">
        <div>
          <dt>API</dt>
          <dd>
            {status === 'ok' ? (
              <span className="badge badge-ok">API&apos;et kører</span>
            ) : (
              <span className="badge badge-warning">API&apos;et kører med nedsat funktion</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Database</dt>
          <dd>
            {DATABASE_LABELS[database.kind]}
            {!database.reachable && <span className="badge badge-warning">Databasen svarer ikke</span>}
          </dd>
        </div>
        <div>
          <dt>Kommune</dt>
          <dd>{municipality ?? 'Ikke angivet'}</dd>
        </div>
        <div>
          <dt>Seneste import</dt>
          <dd>
            {lastImportAt === null ? 'Ingen import endnu' : importedAt === null ? 'Ukendt tidspunkt' : <time dateTime={lastImportAt}>{importedAt}</time>}
          </dd>
        </div>
        {dataVersion !== null && (
          <div>
            <dt>Dataversion</dt>
            <dd>{formatNumber(dataVersion)}</dd>
          </div>
        )}
      </dl>

      {!database.reachable || counts === null ? (
        <p className="empty">Antal rækker kan ikke vises, fordi databasen ikke svarer.</p>
      ) : totalRows === 0 ? (
        <div className="empty">
          <p className="empty-title">Ingen data indlæst endnu</p>
          <p>Når data fra fagsystemet og økonomisystemet er indlæst, vises antallet af rækker her.</p>
        </div>
      ) : (
        <table className="counts" data-testid="row-counts">
          <caption>Antal rækker pr. tabel</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col" className="num">
                Antal rækker
              </th>
            </tr>
          </thead>
          <tbody>
            {COUNTED_TABLES.map((table) => (
              <tr key={table}>
                <th scope="row">{TABLE_LABELS[table]}</th>
                <td className="num">{formatNumber(counts[table])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
