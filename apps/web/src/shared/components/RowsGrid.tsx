/**
 * The drill rows in AG Grid (sortable, keyboard navigable). Loaded lazily: AG Grid is only
 * fetched when someone opens rows, so it never weighs on the first page load.
 *
 * Styled by AG Grid's CSS files (its "legacy" themes), not its theming API: that API writes
 * <style> elements into the page, which the app's CSP (style-src 'self') refuses. The files are
 * bundled with this chunk and load as the app's own stylesheet; the theme's icon font is a data:
 * URL the CSP refuses too, so the few icons the grid shows are drawn as text (rows-grid.css).
 */
import type { ReactElement } from 'react';
import { AllCommunityModule, ModuleRegistry, type ColDef } from 'ag-grid-community';
import 'ag-grid-community/styles/ag-grid.min.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.min.css';
import './rows-grid.css';
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
    <div className="ag-theme-quartz rows-grid" style={{ height: 420, width: '100%' }}>
      <AgGridReact<RowData>
        theme="legacy"
        rowData={data.rows}
        columnDefs={columns}
        localeText={AG_GRID_LOCALE_DK}
        ensureDomOrder
        suppressColumnVirtualisation
      />
    </div>
  );
}
