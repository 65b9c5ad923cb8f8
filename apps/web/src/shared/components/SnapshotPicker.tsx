/**
 * "Tal": the current numbers or one of the frozen snapshots, as a native select in the filter bar.
 * The choice goes to the URL (`snapshot`), where every page's requests read it.
 */
import type { ReactElement } from 'react';
import { useSnapshots } from '../api/get-snapshots.ts';
import { snapshotTitle } from '../filters/active-snapshot.ts';
import { useGlobalFilters } from '../filters/global-filters.ts';

export function SnapshotPicker(): ReactElement {
  const [filters, update] = useGlobalFilters();
  const list = useSnapshots();
  const snapshots = list.data?.snapshots ?? [];
  const chosen = filters.snapshot;
  const unknown = chosen !== null && list.isSuccess && !snapshots.some((snapshot) => snapshot.id === chosen);

  return (
    <div className="filter-field filter-snapshot">
      <label htmlFor="filter-snapshot">Tal</label>
      <select
        id="filter-snapshot"
        value={chosen ?? ''}
        aria-describedby={list.isError ? 'filter-snapshot-error' : undefined}
        onChange={(event) => update({ snapshot: event.target.value || null })}
      >
        <option value="">Aktuelle tal</option>
        {/* A link to a snapshot not (yet) in the list keeps its choice visible instead of showing "Aktuelle tal". */}
        {chosen !== null && !list.isSuccess ? <option value={chosen}>Øjebliksbillede nr. {chosen}</option> : null}
        {unknown ? <option value={chosen}>Øjebliksbillede nr. {chosen} (findes ikke)</option> : null}
        {snapshots.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {snapshotTitle(snapshot)}
          </option>
        ))}
      </select>
      {list.isError ? (
        <span id="filter-snapshot-error" className="visually-hidden">
          Listen over øjebliksbilleder kunne ikke hentes: {list.error.message}
        </span>
      ) : null}
    </div>
  );
}
