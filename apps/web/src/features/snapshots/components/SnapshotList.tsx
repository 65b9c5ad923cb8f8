/**
 * The snapshots taken, newest first: name, as-of date, when and by whom, how many answers were
 * frozen — and "Vis", which opens Overblik with the snapshot chosen (the other filters kept).
 */
import type { ReactElement } from 'react';
import { Link, useSearch } from 'wouter';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { useSnapshots } from '../../../shared/api/get-snapshots.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';

export function SnapshotList(): ReactElement {
  const list = useSnapshots();
  const search = useSearch();
  const hrefFor = (id: number) => {
    const params = new URLSearchParams(search);
    params.set('snapshot', String(id));
    return `/?${params.toString()}`;
  };

  return (
    <section className="page-section page-section-first" aria-labelledby="snapshot-list-heading">
      <h2 id="snapshot-list-heading">Øjebliksbilleder</h2>
      <p className="section-lead">
        Et øjebliksbillede rummer nøgletallene og strategien, som de så ud på opgørelsesdatoen. Det kan ikke ændres eller slettes, så et tal i et
        byrådsoplæg altid kan findes igen. «Vis» åbner Overblik med de frosne tal; alle sider og downloads bruger dem, til du vælger de aktuelle tal.
      </p>
      <QueryResult query={list} loading="Henter øjebliksbillederne …" error="Øjebliksbillederne kunne ikke hentes">
        {({ snapshots }) =>
          snapshots.length === 0 ? (
            <p className="message message-info" data-testid="snapshot-list-empty">
              Der er ikke taget nogen øjebliksbilleder endnu. Tag det første nedenfor.
            </p>
          ) : (
            <div className="table-scroll" role="region" aria-label="Tabel: øjebliksbilleder" tabIndex={0}>
              <table className="data-table snapshot-table" data-testid="snapshot-list">
                <caption className="visually-hidden">Øjebliksbilleder, nyeste først</caption>
                <thead>
                  <tr>
                    <th scope="col">Navn</th>
                    <th scope="col">Opgørelsesdato</th>
                    <th scope="col">Taget</th>
                    <th scope="col">Af</th>
                    <th scope="col" className="numeric">
                      Frosne udtræk
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Handling</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {snapshots.map((snapshot) => (
                    <tr key={snapshot.id} data-testid={`snapshot-row-${snapshot.id}`}>
                      <th scope="row">{snapshot.name}</th>
                      <td>{formatIsoDate(snapshot.asOf)}</td>
                      <td>{formatDateTime(snapshot.createdAt) ?? snapshot.createdAt}</td>
                      <td>{snapshot.createdBy}</td>
                      <td className="numeric">
                        {formatNumber(snapshot.kpiAnswers)}
                        {snapshot.hasStrategy ? '' : <span className="muted-text"> (uden strategi)</span>}
                      </td>
                      <td>
                        <Link href={hrefFor(snapshot.id)} className="button button-secondary button-compact">
                          Vis<span className="visually-hidden"> {snapshot.name} på Overblik</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryResult>
    </section>
  );
}
