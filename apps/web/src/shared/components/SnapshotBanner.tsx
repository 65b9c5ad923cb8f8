/**
 * The banner on every page while a snapshot is chosen: which frozen numbers these are, when and by
 * whom they were frozen, that they do not change, and the way back to the current numbers. In
 * words and an icon, not colour alone; printed with the page, so a paper says where its figures came from.
 */
import type { ReactElement } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { snapshotTitle, useActiveSnapshot } from '../filters/active-snapshot.ts';
import { formatDateTime } from '../format.ts';

export function SnapshotBanner(): ReactElement | null {
  const active = useActiveSnapshot();
  const [pathname] = useLocation();
  const search = useSearch();
  if (active.state === 'none') return null;

  const rest = new URLSearchParams(search);
  rest.delete('snapshot');
  const query = rest.toString();
  const liveHref = `${pathname}${query ? `?${query}` : ''}`;

  let text: string;
  switch (active.state) {
    case 'pending':
      text = 'Henter øjebliksbilledet …';
      break;
    case 'missing':
      text = `Øjebliksbillede nr. ${active.id} findes ikke. Vælg et andet under «Tal», eller vis de aktuelle tal.`;
      break;
    case 'error':
      text = `Øjebliksbilledet kunne ikke hentes: ${active.message}`;
      break;
    case 'found': {
      const { snapshot } = active;
      const frozen = formatDateTime(snapshot.createdAt) ?? formatIsoDate(snapshot.createdAt.slice(0, 10));
      text = `Du ser ${snapshotTitle(snapshot)}, frosset ${frozen} af ${snapshot.createdBy}. Tallene ændrer sig ikke.`;
      break;
    }
  }

  return (
    <div className={`snapshot-banner${active.state === 'found' ? '' : ' snapshot-banner-problem'}`} role="status" data-testid="snapshot-banner">
      <p>
        <span className="snapshot-banner-label">
          <span aria-hidden="true">❄ </span>Øjebliksbillede:
        </span>{' '}
        {text}
      </p>
      <Link href={liveHref} className="button button-secondary button-compact snapshot-banner-live">
        Vis aktuelle tal
      </Link>
    </div>
  );
}
