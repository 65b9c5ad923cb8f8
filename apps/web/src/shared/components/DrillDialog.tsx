/**
 * The rows behind a bar or point, in a modal dialog (native <dialog>: focus stays inside, Esc
 * closes, focus returns to the control that opened it). Citizens appear by pseudonymous id only;
 * below the suppression threshold the API sends no rows, and the dialog says why.
 */
import { Suspense, lazy, useEffect, useRef, type ReactElement } from 'react';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { formatNumber } from '../format.ts';
import type { KpiParams } from '../api/get-kpi.ts';
import { useKpiRows } from '../api/get-kpi-rows.ts';
import { useActiveSnapshot } from '../filters/active-snapshot.ts';

const RowsGrid = lazy(() => import('./RowsGrid.tsx'));

export interface DrillTarget {
  kpiId: string;
  params: KpiParams;
  /** What was clicked, in words, e.g. "§ 107 · marts 2026". */
  label: string;
}

/** A chart's onDrill: given the index of the bar or point clicked, opens the rows behind it. */
type ChartDrill = (index: number) => void;

/**
 * The drills of a page whose charts all answer one KPI query: a point of the month series opens
 * the month's rows (`point`), a bar of a breakdown the group's rows in the period (`by`, `group`).
 * The label is the category as the chart writes it. Charts that drill otherwise (a label from
 * the answer's rows, other parameters) build their own handler.
 */
export function chartDrills(
  kpiId: string,
  params: KpiParams,
  onDrill: (target: DrillTarget) => void,
): { drillPoint: (spec: ChartSpec | null) => ChartDrill; drillGroup: (spec: ChartSpec | null, by: string) => ChartDrill } {
  return {
    drillPoint: (spec) => (index) => {
      const point = spec?.categoryKeys[index];
      if (!spec || !point) return;
      onDrill({ kpiId, params: { ...params, point }, label: spec.categories[index] ?? point });
    },
    drillGroup: (spec, by) => (index) => {
      const group = spec?.categoryKeys[index];
      if (!spec || !group) return;
      onDrill({ kpiId, params: { ...params, by, group }, label: spec.categories[index] ?? group });
    },
  };
}

export function DrillDialog({ target, onClose }: { target: DrillTarget | null; onClose: () => void }): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const active = useActiveSnapshot();
  // Rows are never frozen: under a snapshot they come from the current data, at the snapshot's as-of date.
  const { snapshot, ...params } = target?.params ?? {};
  const frozen = snapshot !== undefined && snapshot !== null;
  const rowParams = frozen && active.state === 'found' && params.to === undefined ? { ...params, asOf: active.snapshot.asOf } : params;
  const rows = useKpiRows(target?.kpiId ?? '', rowParams, target !== null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (target && !element.open) element.showModal();
    if (!target && element.open) element.close();
  }, [target]);

  return (
    <dialog ref={dialog} className="drill-dialog" aria-labelledby="drill-title" onClose={onClose}>
      <div className="drill-header">
        <h2 id="drill-title">Rækkerne bag tallet{target ? `: ${target.label}` : ''}</h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Luk
        </button>
      </div>
      {frozen ? (
        <p className="message message-info" data-testid="drill-snapshot-note">
          Rækkerne er ikke en del af øjebliksbilledet: de vises fra de aktuelle data og kan afvige fra det frosne tal.
        </p>
      ) : null}
      {rows.isPending && target ? <p role="status">Henter rækker …</p> : null}
      {rows.isError ? (
        <p className="message message-error" role="alert">
          {rows.error.message}
        </p>
      ) : null}
      {rows.data?.suppressed ? (
        <p className="message message-info">{rows.data.message ?? 'Rækkerne vises ikke, fordi tallet er diskretioneret.'}</p>
      ) : null}
      {rows.data && !rows.data.suppressed ? (
        <>
          <p>
            {formatNumber(rows.data.rows.length)} rækker{rows.data.truncated ? ' (kun de første vises)' : ''}. Borgere vises med pseudonymt id.
          </p>
          <Suspense fallback={<p role="status">Indlæser tabellen …</p>}>
            <RowsGrid data={rows.data} />
          </Suspense>
        </>
      ) : null}
    </dialog>
  );
}
