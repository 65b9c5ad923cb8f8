/**
 * GET /health — the API's own status: is it up, which database, which municipality, the latest
 * import and the number of rows per table. The only route that needs no login (DESIGN §9).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { COUNTED_TABLES, type CountedTable } from '@sol/domain/data-tables.ts';

export type HealthStatus = 'ok' | 'degraded';
export type DatabaseKind = 'pglite' | 'postgres';

/** The route's answer (apps/api/src/routes/health.ts, which exports no type). */
export interface Health {
  status: HealthStatus;
  database: { kind: DatabaseKind; reachable: boolean };
  municipality: string | null;
  dataVersion: number | null;
  /** ISO timestamp of the latest completed import. */
  lastImportAt: string | null;
  /** null while the database does not answer. */
  counts: Record<CountedTable, number> | null;
}

/** Thrown when the API cannot be reached or does not answer with a health document. */
export class HealthUnavailableError extends Error {
  override name = 'HealthUnavailableError';
}

/**
 * Not the shared getJson: a degraded API answers 503 *with* a health document, and that is an
 * answer worth showing (which database, that it does not answer), not an error.
 */
export async function getHealth(signal?: AbortSignal): Promise<Health> {
  let response: Response;
  try {
    response = await fetch('/health', { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new HealthUnavailableError('Netværksfejl ved kald af /health', { cause: error });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new HealthUnavailableError(`/health svarede ${response.status} uden JSON`, { cause: error });
  }
  if (!isHealth(body)) {
    throw new HealthUnavailableError(`/health svarede ${response.status} med et ukendt format`);
  }
  return body;
}

export const healthQueryOptions = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) => getHealth(signal),
});

export function useHealth() {
  return useQuery(healthQueryOptions);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checked, not cast: this panel is what an administrator reads when something is wrong. */
function isHealth(value: unknown): value is Health {
  if (!isRecord(value)) return false;
  const { status, database, municipality, dataVersion, lastImportAt, counts } = value;
  return (
    (status === 'ok' || status === 'degraded') &&
    isRecord(database) &&
    (database.kind === 'pglite' || database.kind === 'postgres') &&
    typeof database.reachable === 'boolean' &&
    (municipality === null || typeof municipality === 'string') &&
    (dataVersion === null || typeof dataVersion === 'number') &&
    (lastImportAt === null || typeof lastImportAt === 'string') &&
    (counts === null || (isRecord(counts) && COUNTED_TABLES.every((table) => typeof counts[table] === 'number')))
  );
}
