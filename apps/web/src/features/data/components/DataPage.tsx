/**
 * Data: how fresh the numbers are, upload of new CSV files (all or nothing, with progress and
 * every error), the system's status with the rows per table, and the import history.
 */
import type { ReactElement } from 'react';
import { DataFreshness } from './DataFreshness.tsx';
import { DataStatus } from './DataStatus.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportUpload } from './ImportUpload.tsx';

export function DataPage(): ReactElement {
  return (
    <>
      <h1>Data</h1>
      <p className="lead">
        Hvor friske er tallene, og hvad er indlæst? Her indlæses nye filer fra fagsystemet og økonomisystemet, og her ses systemets status og
        alle tidligere indlæsninger.
      </p>
      <DataFreshness />
      <ImportUpload />
      <DataStatus />
      <ImportHistory />
    </>
  );
}
