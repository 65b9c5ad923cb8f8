/**
 * The snapshot chosen in the URL (`?snapshot=<id>`), looked up in the list of snapshots: what the
 * banner says, and the as-of date the pages' long series end on instead of today's data.
 */
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { useSnapshots, type SnapshotSummary } from '../api/get-snapshots.ts';
import { useGlobalFilters } from './global-filters.ts';

export type ActiveSnapshot =
  | { state: 'none'; id: null }
  | { state: 'pending'; id: number }
  | { state: 'found'; id: number; snapshot: SnapshotSummary }
  | { state: 'missing'; id: number }
  | { state: 'error'; id: number; message: string };

export function useActiveSnapshot(): ActiveSnapshot {
  const [{ snapshot: id }] = useGlobalFilters();
  const list = useSnapshots();
  if (id === null) return { state: 'none', id };
  if (list.isPending) return { state: 'pending', id };
  if (list.isError) return { state: 'error', id, message: list.error.message };
  const snapshot = list.data.snapshots.find((candidate) => candidate.id === id);
  return snapshot ? { state: 'found', id, snapshot } : { state: 'missing', id };
}

/** The name with its as-of date: "Budgetopfølgning 2 – 2026 (pr. 31.08.2026)" as it is, a name without the date gets it added. */
export function snapshotTitle(snapshot: Pick<SnapshotSummary, 'name' | 'asOf'>): string {
  const asOf = formatIsoDate(snapshot.asOf);
  return snapshot.name.includes(asOf) ? snapshot.name : `${snapshot.name} (pr. ${asOf})`;
}
