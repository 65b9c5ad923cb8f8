/**
 * Freeze a new snapshot: name (offered from the next budget follow-up), as-of date and who takes
 * it. The form checks the fields itself (Danish messages at each field), then the API; while the
 * job runs a progress bar says how many answers are frozen; the outcome is said in words.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { Link } from 'wouter';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { useFilterChoices } from '../../../shared/api/get-filter-choices.ts';
import { ErrorSummary, FailureMessage, FormField, SuccessMessage } from '../../../shared/components/FormField.tsx';
import { formatNumber } from '../../../shared/format.ts';
import { nextFollowUp, useFollowUpDates } from '../api/get-follow-up-dates.ts';
import { useSnapshotJob, type SnapshotJob } from '../api/get-snapshot-job.ts';
import { useCreateSnapshot, type CreateSnapshotInput } from '../api/post-snapshot.ts';

/** The route's bounds (apps/api/src/schemas/snapshot.ts). */
const MAX_TEXT = 200;

export interface SnapshotFormValues {
  name: string;
  asOf: string;
  createdBy: string;
}

type Field = keyof SnapshotFormValues;
type Errors = Partial<Record<Field, string>>;

const FIELD_ORDER: Field[] = ['name', 'asOf', 'createdBy'];

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Empty name or date: the API names the snapshot after its date, and takes the latest month with data. */
export function validateSnapshot(values: SnapshotFormValues, earliestDate: string | null): { input: CreateSnapshotInput | null; errors: Errors } {
  const errors: Errors = {};
  const name = values.name.trim();
  if (name.length > MAX_TEXT) errors.name = `Navnet må højst være ${MAX_TEXT} tegn; det er ${formatNumber(name.length)} tegn nu.`;
  const asOf = values.asOf.trim();
  if (asOf && !isIsoDate(asOf)) errors.asOf = 'Skriv opgørelsesdatoen som en gyldig dato, fx 31.08.2026.';
  else if (asOf && earliestDate && asOf < earliestDate) errors.asOf = `Opgørelsesdatoen skal ligge på eller efter de første data (${formatIsoDate(earliestDate)}).`;
  const createdBy = values.createdBy.trim();
  if (!createdBy) errors.createdBy = 'Skriv dit navn, så det fremgår, hvem der tog øjebliksbilledet.';
  else if (createdBy.length > MAX_TEXT) errors.createdBy = `Navnet må højst være ${MAX_TEXT} tegn.`;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return { input: { ...(name ? { name } : {}), ...(asOf ? { asOf } : {}), createdBy }, errors };
}

function progressText(job: SnapshotJob): { percent: number; detail: string } {
  const { done, total } = job.progress;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return { percent, detail: total > 0 ? `${formatNumber(done)} af ${formatNumber(total)} udtræk (${percent} %)` : 'Forbereder …' };
}

function CreateForm({ initial, latestAsOf, earliestDate }: { initial: SnapshotFormValues; latestAsOf: string | null; earliestDate: string | null }): ReactElement {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const summary = useRef<HTMLDivElement>(null);
  const start = useCreateSnapshot();
  const job = useSnapshotJob(start.data?.jobId ?? null);
  const state = start.isPending ? 'starting' : start.isSuccess ? (job.data?.state ?? 'running') : null;
  const busy = state === 'starting' || state === 'running';
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state === 'succeeded' || state === 'failed') outcome.current?.focus();
  }, [state]);

  const change = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const result = validateSnapshot(values, earliestDate);
    setErrors(result.errors);
    if (!result.input) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    start.mutate(result.input);
  };

  const afterData = latestAsOf !== null && values.asOf > latestAsOf;
  const running = job.data?.state === 'running' ? progressText(job.data) : null;
  const finished = job.data?.state === 'succeeded' ? job.data.snapshot : null;

  return (
    <form className="effect-form snapshot-form" noValidate onSubmit={submit} aria-labelledby="snapshot-create-heading" data-testid="snapshot-create-form">
      <ErrorSummary id={id} errors={errors} order={FIELD_ORDER} fieldId={fieldId} action="øjebliksbilledet kan tages" summaryRef={summary} />
      <FormField
        id={fieldId('name')}
        label="Navn"
        hint="Foreslået ud fra næste budgetopfølgning. Står feltet tomt, får øjebliksbilledet et navn efter opgørelsesdatoen."
        error={errors.name}
      >
        {(control) => <input {...control} type="text" autoComplete="off" size={48} value={values.name} onChange={change('name')} />}
      </FormField>
      <div className="form-row">
        <FormField
          id={fieldId('asOf')}
          label="Opgørelsesdato"
          hint={latestAsOf ? `Der er data til og med ${formatIsoDate(latestAsOf)}.` : 'Tom: den seneste måned med data.'}
          error={errors.asOf}
        >
          {(control) => <input {...control} type="date" value={values.asOf} onChange={change('asOf')} />}
        </FormField>
        <FormField id={fieldId('createdBy')} label="Taget af" hint="Dit navn eller din afdeling" error={errors.createdBy}>
          {(control) => <input {...control} type="text" autoComplete="name" size={28} value={values.createdBy} onChange={change('createdBy')} />}
        </FormField>
      </div>
      {afterData && latestAsOf ? (
        <div className="message message-info" data-testid="snapshot-after-data">
          <p>
            Opgørelsesdatoen ligger efter de seneste data ({formatIsoDate(latestAsOf)}), så de sidste måneder vil mangle. Tag øjebliksbilledet, når
            data til {formatIsoDate(values.asOf)} er indlæst, eller brug de seneste data.
          </p>
          <button
            type="button"
            className="button button-secondary button-compact"
            onClick={() => setValues((current) => ({ ...current, asOf: latestAsOf, name: current.name === initial.name ? '' : current.name }))}
          >
            Brug {formatIsoDate(latestAsOf)}
          </button>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Tager øjebliksbilledet …' : 'Tag øjebliksbillede'}
        </button>
      </div>

      <div className="upload-status" data-testid="snapshot-progress">
        <div role="status" className="live">
          {state === 'starting' ? <p>Starter …</p> : null}
          {state === 'running' ? <p>Fryser nøgletallene … Siden kan bruges imens.</p> : null}
        </div>
        {busy ? (
          <div className="progress-row">
            <label htmlFor={`${id}-progress`}>Fryser</label>
            <progress id={`${id}-progress`} max={100} value={running?.percent} />
            <span className="progress-text">{running?.detail ?? ''}</span>
          </div>
        ) : null}
      </div>
      <div ref={outcome} tabIndex={-1}>
        {finished ? (
          <div data-testid="snapshot-created">
            <SuccessMessage>
              Øjebliksbilledet «{finished.name}» er taget: {formatNumber(finished.kpiAnswers)} udtræk er frosset.{' '}
              <Link href={`/?snapshot=${finished.id}`}>Vis det på Overblik</Link>
            </SuccessMessage>
          </div>
        ) : null}
        {start.isError ? <FailureMessage testId="snapshot-create-error">Øjebliksbilledet blev ikke taget: {start.error.message}</FailureMessage> : null}
        {state === 'failed' || job.isError ? (
          <FailureMessage testId="snapshot-create-error">
            Øjebliksbilledet blev ikke taget: {job.data?.message ?? job.error?.message ?? 'ukendt fejl'}
          </FailureMessage>
        ) : null}
      </div>
    </form>
  );
}

export function CreateSnapshotForm(): ReactElement {
  const followUps = useFollowUpDates();
  const choices = useFilterChoices();
  const next = followUps.data ? nextFollowUp(followUps.data.dates) : undefined;
  const ready = !followUps.isPending && !choices.isPending;
  return (
    <section className="page-section" aria-labelledby="snapshot-create-heading">
      <h2 id="snapshot-create-heading">Tag et nyt øjebliksbillede</h2>
      <p className="section-lead">
        Alle nøgletal med og uden opdeling, for hvert år og halvår til opgørelsesdatoen, i løbende og faste priser, og strategien fryses, som de vises
        nu. Det tager fra nogle sekunder til et minut.
      </p>
      {followUps.isError ? (
        <p role="alert" className="message message-error">
          Datoerne for budgetopfølgning kunne ikke hentes: {followUps.error.message}. Skriv navn og dato selv.
        </p>
      ) : null}
      {ready ? (
        <CreateForm
          initial={{ name: next?.name ?? '', asOf: next?.next ?? '', createdBy: '' }}
          latestAsOf={choices.data?.defaultAsOf ?? null}
          earliestDate={choices.data?.earliestDate ?? null}
        />
      ) : (
        <p role="status" className="loading">
          Henter forslaget …
        </p>
      )}
    </section>
  );
}
