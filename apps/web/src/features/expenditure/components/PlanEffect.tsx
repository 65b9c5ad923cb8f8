/**
 * The plan's planned effect and investment per area and period next to the realised effect per
 * year, and the form where the realised effect is entered. A row's "Ret" button fills the form.
 */
import { useState, type ReactElement } from 'react';
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { useCan } from '../../../shared/access/roles.ts';
import { usePlan } from '../../../shared/api/get-plan.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime, formatSigned } from '../../../shared/format.ts';
import { editableAreas, effectAreas, type EffectArea, type EffectRow } from './effect-rows.ts';
import { RealizedEffectForm, type EffectFormValues } from './RealizedEffectForm.tsx';

function thousands(value: number | null): string {
  return value === null ? '–' : formatSigned(value, (absolute) => formatDecimal(absolute, 0)).replace(/^\+/, '');
}

/** Realised as a share of planned: both are savings (negative), so the share reads as "how much of the plan". */
function achieved(row: EffectRow): string {
  // A total over some of the areas is not comparable with the plan's total.
  if (row.realizedAreas && row.realizedAreas.entered < row.realizedAreas.of) return '–';
  const planned = row.plannedEffect;
  const realized = row.realized?.amountThousandKr ?? null;
  if (planned === null || realized === null || planned === 0) return '–';
  return `${formatDecimal((realized / planned) * 100, 0)} %`;
}

interface EditRequest {
  values: EffectFormValues;
  /** Remounts the form with the row's values each time a row is chosen. */
  serial: number;
}

/** `onEdit` null: the realized effect is only read here (viewers); entering it is for analysts. */
function EffectTable({ areas, onEdit }: { areas: EffectArea[]; onEdit: ((area: string, row: EffectRow) => void) | null }): ReactElement {
  return (
    <div className="table-scroll table-scroll-tall" role="region" aria-label="Tabel: planlagt og realiseret effekt" tabIndex={0}>
      <table className="data-table effect-table" data-testid="plan-effect-table">
        <caption>Planlagt og realiseret økonomisk effekt pr. område og år (1.000 kr.; minus er en besparelse)</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col" className="numeric">
              Planlagt effekt
            </th>
            <th scope="col" className="numeric">
              Planlagt investering
            </th>
            <th scope="col" className="numeric">
              Realiseret effekt
            </th>
            <th scope="col" className="numeric">
              Realiseret i forhold til planlagt
            </th>
            <th scope="col">Note</th>
            <th scope="col" className="effect-action">
              <span className="visually-hidden">Handling</span>
            </th>
          </tr>
        </thead>
        {areas.map((area) => (
          <tbody key={area.area} className={area.isTotal ? 'effect-total' : undefined}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={7}>
                {area.area}
                {area.isTotal ? <span className="group-row-note"> (summen af områderne)</span> : null}
              </th>
            </tr>
            {area.rows.map((row) => (
              <tr key={row.key} data-testid={`effect-row-${area.isTotal ? 'total' : 'area'}-${row.period}`}>
                <th scope="row">{row.period}</th>
                <td className="numeric">{thousands(row.plannedEffect)}</td>
                <td className="numeric">{thousands(row.plannedInvestment)}</td>
                <td className="numeric">
                  {row.realized ? (
                    <>
                      {thousands(row.realized.amountThousandKr)}
                      {row.realizedAreas && row.realizedAreas.entered < row.realizedAreas.of ? (
                        <span className="effect-updated">
                          kun {row.realizedAreas.entered} af {row.realizedAreas.of} områder
                        </span>
                      ) : null}
                    </>
                  ) : area.isTotal ? (
                    '–'
                  ) : (
                    <span className="not-entered">ikke indtastet</span>
                  )}
                </td>
                <td className="numeric">{achieved(row)}</td>
                <td className="effect-note">
                  {row.realized?.note ?? ''}
                  {row.realized && !area.isTotal ? (
                    <span className="effect-updated">Rettet {formatDateTime(row.realized.updatedAt) ?? ''}</span>
                  ) : null}
                </td>
                <td className="effect-action">
                  {onEdit && !area.isTotal && row.year !== null ? (
                    <button type="button" className="button-link" onClick={() => onEdit(area.area, row)}>
                      {row.realized ? 'Ret' : 'Indtast'}
                      <span className="visually-hidden">
                        {' '}
                        realiseret effekt {row.year} for {area.area}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function EffectContent({ plan }: { plan: PlanFigures }): ReactElement {
  const areas = effectAreas(plan);
  const editable = editableAreas(plan);
  const canEdit = useCan('settings');
  const [edit, setEdit] = useState<EditRequest>({ values: { area: '', year: '', amount: '', note: '' }, serial: 0 });
  const onEdit = (area: string, row: EffectRow) =>
    setEdit((current) => ({
      serial: current.serial + 1,
      values: {
        area,
        year: String(row.year ?? ''),
        amount: row.realized ? thousands(row.realized.amountThousandKr) : '',
        note: row.realized?.note ?? '',
      },
    }));
  return (
    <div className="effect-layout">
      <EffectTable areas={areas} onEdit={canEdit ? onEdit : null} />
      {canEdit ? <RealizedEffectForm key={edit.serial} areas={editable} initial={edit.values} focusOnMount={edit.serial > 0} /> : null}
    </div>
  );
}

export function PlanEffect(): ReactElement {
  const plan = usePlan();
  return (
    <section aria-labelledby="effect-heading" className="page-section">
      <h2 id="effect-heading">Planlagt og realiseret effekt</h2>
      <p className="section-lead">
        Planen regnede med en økonomisk effekt af aktiviteterne (besparelser, skrevet med minus) og en investering for at nå den. Den realiserede
        effekt indtastes år for år af forvaltningen; tabellen viser den ved siden af planens tal.
      </p>
      <QueryResult query={plan} loading="Henter planens tal …" error="Planens tal kunne ikke hentes">
        {(figures) => <EffectContent plan={figures} />}
      </QueryResult>
    </section>
  );
}
