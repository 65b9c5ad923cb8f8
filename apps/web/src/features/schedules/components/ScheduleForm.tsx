/**
 * Create or change a scheduled KPI email: name, when (cron in Danish time, with fixed times to
 * pick and a live preview of the next three runs), recipients, the KPIs in the mail, an Excel
 * attachment, on or off. Checked here with a Danish message at each field and in a summary that
 * takes focus; the API checks again and its message is shown. What was typed is never lost.
 * The page keys the form by the schedule it changes, so another schedule starts a fresh form.
 */
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import type { KpiDefinitionResponse } from '@sol/api/schemas/kpi-result.ts';
import { ErrorSummary, FailureMessage, FieldError, FormField } from '../../../shared/components/FormField.tsx';
import { useCronPreview } from '../api/get-cron-preview.ts';
import { useCreateSchedule } from '../api/post-schedule.ts';
import { useUpdateSchedule } from '../api/put-schedule.ts';
import { CronPreview, useDebouncedValue } from './CronPreview.tsx';
import {
  EMPTY_VALUES,
  FIELD_ORDER,
  MAX_KPIS,
  MAX_RECIPIENTS,
  splitRecipients,
  validateSchedule,
  valuesOf,
  type ScheduleErrors,
  type ScheduleField,
  type ScheduleFormValues,
} from './schedule-form.ts';
import { CRON_PRESETS, TIME_ZONE_TEXT, normalizeCron } from './schedule-text.ts';

export interface ScheduleFormProps {
  kpis: readonly KpiDefinitionResponse[];
  /** The schedule being changed; null for a new one. */
  editing: Schedule | null;
  /** After a save (with the saved schedule's name) or on "Fortryd". */
  onDone: (message: string | null) => void;
  headingRef: { current: HTMLHeadingElement | null };
}

export function ScheduleForm({ kpis, editing, onDone, headingRef }: ScheduleFormProps): ReactElement {
  const id = useId();
  const fieldId = (field: ScheduleField) => `${id}-${field}`;
  const [values, setValues] = useState<ScheduleFormValues>(editing ? valuesOf(editing) : EMPTY_VALUES);
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const summary = useRef<HTMLDivElement>(null);
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const save = editing ? update : create;

  const cron = normalizeCron(values.cron);
  const debouncedCron = useDebouncedValue(cron);
  const preview = useCronPreview(debouncedCron);

  const set = <K extends keyof ScheduleFormValues>(field: K, value: ScheduleFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    save.reset();
  };

  const toggleKpi = (kpiId: string, checked: boolean) =>
    set('kpiIds', checked ? [...values.kpiIds.filter((known) => known !== kpiId), kpiId] : values.kpiIds.filter((known) => known !== kpiId));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const previewError = preview.isError && debouncedCron === cron ? preview.error.message : null;
    const result = validateSchedule(
      values,
      kpis.map((kpi) => kpi.id),
      previewError,
    );
    setErrors(result.errors);
    const body = result.body;
    if (!body) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const onSuccess = (saved: Schedule) => {
      onDone(editing ? `Ændringerne i «${saved.name}» er gemt.` : `Udsendelsen «${saved.name}» er oprettet.`);
      if (!editing) setValues(EMPTY_VALUES);
    };
    if (editing) update.mutate({ id: editing.id, body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  const recipientCount = splitRecipients(values.recipients).length;
  const title = editing ? `Ret udsendelsen «${editing.name}»` : 'Ny udsendelse';

  return (
    <form className="schedule-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="schedule-form">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="form-intro">Mailen viser de valgte nøgletal med de nyeste tal, som de ser ud på dashboardet, og et link til siden.</p>

      <ErrorSummary id={id} errors={errors} order={FIELD_ORDER} fieldId={fieldId} action="udsendelsen kan gemmes" summaryRef={summary} />

      <FormField id={fieldId('name')} label="Navn" hint="Vises i mailens emnelinje og i listen" error={errors.name}>
        {(control) => (
          <input {...control} type="text" autoComplete="off" size={40} value={values.name} onChange={(event) => set('name', event.currentTarget.value)} />
        )}
      </FormField>

      <fieldset className="form-fieldset">
        <legend>Hvornår</legend>
        <div className="cron-presets" role="group" aria-label="Faste tider">
          {CRON_PRESETS.map((preset) => (
            <button
              key={preset.cron}
              type="button"
              className="button button-secondary button-compact"
              aria-pressed={cron === preset.cron}
              onClick={() => set('cron', preset.cron)}
            >
              {preset.label}
            </button>
          ))}
        </div>
        <FormField
          id={fieldId('cron')}
          label="Cron-udtryk"
          hint={`Fem felter: minut, time, dag i måneden, måned og ugedag (1 = mandag), i ${TIME_ZONE_TEXT}. Fx 0 7 * * 1-5 = hver hverdag kl. 07.00.`}
          error={errors.cron}
        >
          {(control) => (
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], `${id}-cron-preview`].filter(Boolean).join(' ')}
              type="text"
              className="cron-input"
              autoComplete="off"
              spellCheck={false}
              size={24}
              value={values.cron}
              onChange={(event) => set('cron', event.currentTarget.value)}
            />
          )}
        </FormField>
        <CronPreview id={`${id}-cron-preview`} query={preview} typing={debouncedCron !== cron} />
      </fieldset>

      <FormField
        id={fieldId('recipients')}
        label="Modtagere"
        hint={`Én e-mailadresse pr. linje, eller adskilt med komma. Højst ${MAX_RECIPIENTS}.${recipientCount > 0 ? ` ${recipientCount} ${recipientCount === 1 ? 'modtager' : 'modtagere'} nu.` : ''}`}
        error={errors.recipients}
      >
        {(control) => (
          <textarea {...control} rows={4} spellCheck={false} value={values.recipients} onChange={(event) => set('recipients', event.currentTarget.value)} />
        )}
      </FormField>

      <fieldset
        className="form-fieldset kpi-choices"
        id={fieldId('kpiIds')}
        tabIndex={-1}
        aria-invalid={errors.kpiIds ? true : undefined}
        aria-describedby={errors.kpiIds ? `${fieldId('kpiIds')}-error` : undefined}
      >
        <legend>Nøgletal i mailen</legend>
        <p className="field-hint">Mindst ét og højst {MAX_KPIS}; de vises i denne rækkefølge.</p>
        <FieldError id={`${fieldId('kpiIds')}-error`} error={errors.kpiIds} />
        <ul className="kpi-choice-list">
          {kpis.map((kpi) => (
            <li key={kpi.id}>
              <label className="checkbox-label">
                <input type="checkbox" checked={values.kpiIds.includes(kpi.id)} onChange={(event) => toggleKpi(kpi.id, event.currentTarget.checked)} />
                {kpi.title}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="form-checkboxes">
        <label className="checkbox-label">
          <input type="checkbox" checked={values.attachXlsx} onChange={(event) => set('attachXlsx', event.currentTarget.checked)} />
          Vedhæft tal som Excel-ark
        </label>
        <label className="checkbox-label">
          <input type="checkbox" checked={values.enabled} onChange={(event) => set('enabled', event.currentTarget.checked)} />
          Slået til (sendes på tidspunkterne)
        </label>
      </div>

      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={save.isPending || undefined}>
          {save.isPending ? 'Gemmer …' : editing ? 'Gem ændringerne' : 'Opret udsendelsen'}
        </button>
        {editing ? (
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            Fortryd
          </button>
        ) : null}
      </div>
      {save.isError ? (
        <FailureMessage testId="schedule-save-error">Udsendelsen blev ikke gemt: {save.error.message}</FailureMessage>
      ) : null}
    </form>
  );
}
