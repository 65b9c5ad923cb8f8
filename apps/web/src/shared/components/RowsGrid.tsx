/**
 * The drill rows in AG Grid (sortable, keyboard navigable). Loaded lazily: AG Grid is only
 * fetched when someone opens rows, so it never weighs on the first page load.
 */
import type { ReactElement } from 'react';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef } from 'ag-grid-community';
import { AG_GRID_LOCALE_DK } from '@ag-grid-community/locale';
import { AgGridReact } from 'ag-grid-react';
import { formatDecimal, formatIsoDate } from '@sol/domain/format-danish.ts';
import type { KpiRows } from '../api/get-kpi-rows.ts';

ModuleRegistry.registerModules([AllCommunityModule]);

type RowData = KpiRows['rows'][number];

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return formatDecimal(value, Number.isInteger(value) ? 0 : 1);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  return String(value);
}

export default function RowsGrid({ data }: { data: KpiRows }): ReactElement {
  const columns: ColDef<RowData>[] = data.columns.map((column) => ({
    field: column.key,
    headerName: column.title,
    valueFormatter: (params) => formatCell(params.value),
    sortable: true,
    resizable: true,
    flex: 1,
    minWidth: 110,
  }));
  return (
    <div style={{ height: 420, width: '100%' }}>
      <AgGridReact<RowData>
        theme={themeQuartz}
        rowData={data.rows}
        columnDefs={columns}
        localeText={AG_GRID_LOCALE_DK}
        ensureDomOrder
        suppressColumnVirtualisation
      />
    </div>
  );
}
