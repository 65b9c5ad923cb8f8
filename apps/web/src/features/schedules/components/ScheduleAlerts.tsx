/**
 * A schedule's threshold alerts: a mail goes out when a KPI's measure comes under or over a
 * threshold. The list says each alert's state in words ("Tærskel krydset", "OK", "Ikke tjekket");
 * the form adds one: KPI, measure, under or over, threshold in the measure's unit, where a share
 * is typed as a percentage (80) and sent as the API's fraction (0,8).
 */
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { Alert, AlertBody, Schedule } from '@sol/api/schemas/schedule.ts';
import type { KpiDefinitionResponse } from '@sol/api/schemas/kpi-result.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ErrorSummary, FailureMessage, FormField, SuccessMessage } from '../../../shared/components/FormField.tsx';
import { useDeleteAlert } from '../api/delete-alert.ts';
import { useAddAlert } from '../api/post-alert.ts';
import { parseDanishNumber } from './schedule-form.ts';
import { ALERT_STATE_BADGES, ALERT_STATE_LABELS } from './schedule-text.ts';

type Measure = KpiDefinitionResponse['measures'][number];

/** What a threshold is typed in, per unit: the label's suffix and the hint. */
const UNIT_INPUT: Record<Unit, { suffix: string; example: string }> = {
  procent: { suffix: ' (%)', example: 'i procent, fx 80 for 80 %' },
  antal: { suffix: ' (antal)', example: 'et antal, fx 25' },
  dage: { suffix: ' (dage)', example: 'et antal dage, fx 30' },
  kr: { suffix: ' (kr.)', example: 'i kroner, fx 1.500.000' },
  pr1000: { suffix: ' (pr. 1.000 indbyggere)', example: 'pr. 1.000 indbyggere, fx 4,5' },
  score: { suffix: '', example: 'en score, fx 3,5' },
};

function isUnit(unit: string): unit is Unit {
  return unit in UNIT_INPUT;
}

function valueText(alert: Alert, measure: Measure | undefined): string {
  if (alert.lastValue === null) return '–';
  if (isUnit(alert.unit)) return formatMeasureValue(alert.lastValue, alert.unit, measure?.decimals ?? 1);
  return formatDecimal(alert.lastValue, 1);
}

function AlertRow({ alert, kpis }: { alert: Alert; kpis: readonly KpiDefinitionResponse[] }): ReactElement {
  const remove = useDeleteAlert();
  const measure = kpis.find((kpi) => kpi.id === alert.kpiId)?.measures.find((candidate) => candidate.id === alert.measureId);
  const checked = alert.lastCheckedAt ? formatDateTime(alert.lastCheckedAt) : null;
  const state = alert.state;
  return (
    <tr>
      <th scope="row">
        {alert.kpiTitle}: {alert.measureTitle}
      </th>
      <td>{alert.thresholdText}</td>
      <td>
        <span className={ALERT_STATE_BADGES[state]}>{ALERT_STATE_LABELS[state]}</span>
      </td>
      <td className="numeric">{valueText(alert, measure)}</td>
      <td>{checked ?? 'Ikke endnu'}</td>
      <td>
        <button
          type="button"
          className="button button-secondary button-compact"
          aria-disabled={remove.isPending || undefined}
          onClick={() => {
            if (!remove.isPending) remove.mutate({ scheduleId: alert.scheduleId, alertId: alert.id });
          }}
        >
          {remove.isPending ? 'Sletter …' : 'Slet'}
          <span className="visually-hidden"> alarmen for {alert.measureTitle}</span>
        </button>
        {remove.isError ? (
          <p role="alert" className="field-error">
            Alarmen blev ikke slettet: {remove.error.message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

type AlertField = 'kpiId' | 'measureId' | 'threshold';
const ALERT_FIELDS: readonly AlertField[] = ['kpiId', 'measureId', 'threshold'];

interface AlertValues {
  kpiId: string;
  measureId: string;
  direction: AlertBody['direction'];
  threshold: string;
}

function validateAlert(values: AlertValues, kpis: readonly KpiDefinitionResponse[]): { body: AlertBody | null; errors: Partial<Record<AlertField, string>> } {
  const errors: Partial<Record<AlertField, string>> = {};
  const kpi = kpis.find((candidate) => candidate.id === values.kpiId);
  const measure = kpi?.measures.find((candidate) => candidate.id === values.measureId);
  if (!kpi) errors.kpiId = 'Vælg det nøgletal, alarmen skal holde øje med.';
  else if (!measure) errors.measureId = 'Vælg hvilket tal i nøgletallet, alarmen gælder.';
  const typed = parseDanishNumber(values.threshold);
  let threshold: number | null = typed;
  if (!values.threshold.trim()) errors.threshold = 'Skriv tærsklen, fx 80.';
  else if (typed === null) errors.threshold = `«${values.threshold.trim()}» er ikke et tal. Skriv tærsklen som et tal, fx 80 eller 12,5.`;
  else if (measure?.unit === 'procent') {
    if (typed < 0 || typed > 100) errors.threshold = `En andel skrives i procent fra 0 til 100; «${values.threshold.trim()}» er uden for.`;
    threshold = typed / 100;
  }
  if (!kpi || !measure || threshold === null || Object.keys(errors).length > 0) return { body: null, errors };
  return { body: { kpiId: kpi.id, measureId: measure.id, direction: values.direction, threshold }, errors };
}

function AlertForm({ schedule, kpis }: { schedule: Schedule; kpis: readonly KpiDefinitionResponse[] }): ReactElement {
  const id = useId();
  const fieldId = (field: AlertField) => `${id}-${field}`;
  // The schedule's own KPIs first: an alert usually watches a number the mail shows.
  const ordered = [...kpis.filter((kpi) => schedule.kpiIds.includes(kpi.id)), ...kpis.filter((kpi) => !schedule.kpiIds.includes(kpi.id))];
  const first = ordered[0];
  const initial: AlertValues = { kpiId: first?.id ?? '', measureId: first?.headline ?? '', direction: 'below', threshold: '' };
  const [values, setValues] = useState<AlertValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<AlertField, string>>>({});
  const [added, setAdded] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const add = useAddAlert();
  const kpi = kpis.find((candidate) => candidate.id === values.kpiId);
  const measure = kpi?.measures.find((candidate) => candidate.id === values.measureId);
  const unit = measure && isUnit(measure.unit) ? UNIT_INPUT[measure.unit] : null;

  const set = <K extends keyof AlertValues>(field: K, value: AlertValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setAdded(null);
    add.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const result = validateAlert(values, kpis);
    setErrors(result.errors);
    setAdded(null);
    if (!result.body) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    add.mutate(
      { scheduleId: schedule.id, body: result.body },
      {
        onSuccess: (alert) => {
          setAdded(`Alarmen er tilføjet: ${alert.kpiTitle}, ${alert.measureTitle} ${alert.thresholdText}.`);
          setValues((current) => ({ ...current, threshold: '' }));
        },
      },
    );
  };

  return (
    <form className="alert-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="alert-form">
      <h4 id={`${id}-title`}>Tilføj en tærskelalarm</h4>
      <ErrorSummary id={id} errors={errors} order={ALERT_FIELDS} fieldId={fieldId} action="alarmen kan tilføjes" summaryRef={summary} />
      <div className="form-row">
        <FormField id={fieldId('kpiId')} label="Nøgletal" error={errors.kpiId}>
          {(control) => (
            <select
              {...control}
              value={values.kpiId}
              onChange={(event) => {
                const next = kpis.find((candidate) => candidate.id === event.currentTarget.value);
                setValues((current) => ({ ...current, kpiId: event.currentTarget.value, measureId: next?.headline ?? '' }));
                add.reset();
              }}
            >
              {ordered.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={fieldId('measureId')} label="Tal" error={errors.measureId}>
          {(control) => (
            <select {...control} value={values.measureId} onChange={(event) => set('measureId', event.currentTarget.value)}>
              {(kpi?.measures ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-row">
        <FormField id={`${id}-direction`} label="Alarm når tallet kommer">
          {(control) => (
            <select {...control} value={values.direction} onChange={(event) => set('direction', event.currentTarget.value === 'above' ? 'above' : 'below')}>
              <option value="below">under tærsklen</option>
              <option value="above">over tærsklen</option>
            </select>
          )}
        </FormField>
        <FormField id={fieldId('threshold')} label={`Tærskel${unit?.suffix ?? ''}`} hint={unit ? `Skrives ${unit.example}` : undefined} error={errors.threshold}>
          {(control) => (
            <input {...control} type="text" inputMode="decimal" autoComplete="off" size={12} value={values.threshold} onChange={(event) => set('threshold', event.currentTarget.value)} />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={add.isPending || undefined}>
          {add.isPending ? 'Tilføjer …' : 'Tilføj alarmen'}
        </button>
      </div>
      <div role="status" className="form-status">
        {added ? (
          <SuccessMessage>{added}</SuccessMessage>
        ) : null}
      </div>
      {add.isError ? (
        <FailureMessage>Alarmen blev ikke tilføjet: {add.error.message}</FailureMessage>
      ) : null}
    </form>
  );
}

export function ScheduleAlerts({ schedule, kpis }: { schedule: Schedule; kpis: readonly KpiDefinitionResponse[] }): ReactElement {
  const count = schedule.alerts.length;
  const crossed = schedule.alerts.filter((alert) => alert.state === 'crossed').length;
  return (
    <details className="schedule-details" data-testid="schedule-alerts">
      <summary>
        Tærskelalarmer ({count}){crossed > 0 ? ` – ${crossed} krydset` : ''}
      </summary>
      {count === 0 ? (
        <p className="empty">Ingen alarmer endnu. En alarm sender mailen, når et tal kommer under eller over en tærskel.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={`Tærskelalarmer for «${schedule.name}»`} tabIndex={0}>
          <table className="data-table alert-table">
            <caption className="visually-hidden">Tærskelalarmer for «{schedule.name}»</caption>
            <thead>
              <tr>
                <th scope="col">Nøgletal og tal</th>
                <th scope="col">Alarm når</th>
                <th scope="col">Tilstand</th>
                <th scope="col" className="numeric">
                  Seneste værdi
                </th>
                <th scope="col">Sidst tjekket</th>
                <th scope="col">
                  <span className="visually-hidden">Handlinger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {schedule.alerts.map((alert) => (
                <AlertRow key={alert.id} alert={alert} kpis={kpis} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AlertForm schedule={schedule} kpis={kpis} />
    </details>
  );
}
