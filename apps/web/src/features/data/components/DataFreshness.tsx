/**
 * How fresh the numbers are, first on the page: the as-of date every page counts to by default,
 * where the data begins, and when data was last imported — so a reader knows what "now" means.
 */
import type { ReactElement } from 'react';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { useFilterChoices } from '../../../shared/api/get-filter-choices.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { useHealth } from '../api/get-health.ts';

function LastImport(): ReactElement | null {
  const health = useHealth();
  // The status panel below says why, if the health cannot be read; here the line is left out.
  if (!health.data || health.data.lastImportAt === null) return null;
  const { lastImportAt, dataVersion } = health.data;
  const when = formatDateTime(lastImportAt);
  if (when === null) return null;
  return (
    <p>
      Data er senest indlæst <time dateTime={lastImportAt}>{when}</time>
      {dataVersion !== null ? ` (dataversion ${formatNumber(dataVersion)})` : ''}.
    </p>
  );
}

export function DataFreshness(): ReactElement {
  const choices = useFilterChoices();

  return (
    <div className="data-freshness" data-testid="data-freshness">
      <QueryResult query={choices} loading="Henter opgørelsesdatoen …" error="Opgørelsesdatoen kunne ikke hentes">
        {({ defaultAsOf, earliestDate }) =>
          defaultAsOf === null ? (
            <>
              <p className="data-freshness-asof">Der er endnu ingen data</p>
              <p>Indlæs filerne fra fagsystemet og økonomisystemet nedenfor; så vises tallene på alle sider.</p>
            </>
          ) : (
            <>
              <p className="data-freshness-asof">Tallene er opgjort pr. {formatIsoDate(defaultAsOf)}</p>
              <p>
                Opgørelsesdatoen er den sidste dag i den måned, hvor der senest er sket noget i data (en ansøgning, en indsats, en postering …). Siderne
                viser tallene til og med den dato.
                {/* The API's earliest date is where the finance records begin (sql/views/00-base.sql). */}
                {earliestDate !== null ? ` Data går tilbage til ${formatIsoDate(earliestDate)}.` : ''}
              </p>
              <LastImport />
            </>
          )
        }
      </QueryResult>
    </div>
  );
}
