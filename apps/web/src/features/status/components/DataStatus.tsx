import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { COUNTED_TABLES, type CountedTable } from '@sol/domain/data-tables.ts';
import { getHealth, type Health } from '../api/get-health.ts';

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

type Phase = 'loading' | 'ready' | 'error';

/**
 * The API's health as a Danish status panel: is the API up, which database, which municipality,
 * the latest import and the row count per table.
 */
export function DataStatus() {
  const [phase, setPhase] = useState<Phase>('loading');
  // The last good answer stays on screen while a refresh is under way.
  const [health, setHealth] = useState<Health | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    getHealth(controller.signal).then(
      (result) => {
        setHealth(result);
        setPhase('ready');
      },
      () => {
        if (controller.signal.aborted) return;
        setPhase('error');
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setPhase('loading');
    setAttempt((n) => n + 1);
    // The button that was pressed may disappear; keep keyboard focus in the panel.
    headingRef.current?.focus();
  }, []);

  const loading = phase === 'loading';

  return (
    <section className="panel" aria-labelledby="status-heading" aria-busy={loading}>
      <div className="panel-head">
        <h2 id="status-heading" ref={headingRef} tabIndex={-1}>
          Status for system og data
        </h2>
        {phase === 'ready' && (
          <button type="button" className="button button-secondary" onClick={reload}>
            Opdater status
          </button>
        )}
      </div>

      <div role="status" className="live">
        {loading && <p className="loading">Henter status …</p>}
      </div>

      {phase === 'error' && (
        <div className="error" role="alert">
          <p className="error-title">Kan ikke få forbindelse til API'et</p>
          <p>Tjek at API'et er startet, og prøv igen. Vises fejlen stadig, så kontakt systemets administrator.</p>
          <button type="button" className="button" onClick={reload}>
            Prøv igen
          </button>
        </div>
      )}

      {phase !== 'error' && health && <HealthDetails health={health} />}
    </section>
  );
}

function HealthDetails({ health }: { health: Health }) {
  const { status, database, municipality, dataVersion, lastImportAt, counts } = health;
  const importedAt = lastImportAt === null ? null : formatDateTime(lastImportAt);
  const totalRows = COUNTED_TABLES.reduce((sum, table) => sum + counts[table], 0);

  return (
    <>
      <dl className="facts">
        <div>
          <dt>API</dt>
          <dd>
            {status === 'ok' ? (
              <span className="badge badge-ok">API'et kører</span>
            ) : (
              <span className="badge badge-warning">API'et kører med nedsat funktion</span>
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
            {lastImportAt === null ? (
              'Ingen import endnu'
            ) : importedAt === null ? (
              'Ukendt tidspunkt'
            ) : (
              <time dateTime={lastImportAt}>{importedAt}</time>
            )}
          </dd>
        </div>
        {dataVersion !== null && (
          <div>
            <dt>Dataversion</dt>
            <dd>{formatNumber(dataVersion)}</dd>
          </div>
        )}
      </dl>

      {!database.reachable ? (
        <p className="empty">Antal rækker kan ikke vises, fordi databasen ikke svarer.</p>
      ) : totalRows === 0 ? (
        <div className="empty">
          <p className="empty-title">Ingen data indlæst endnu</p>
          <p>Når data fra fagsystemet og økonomisystemet er importeret, vises antallet af rækker her.</p>
        </div>
      ) : (
        <table className="counts">
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
