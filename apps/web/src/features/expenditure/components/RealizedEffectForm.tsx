/**
 * Enter or correct the realised effect of a plan area for one year. Native fields with visible
 * labels and hints; the form checks the values itself (Danish messages at each field and in a
 * summary that takes focus), then the API checks them again; success and failure are said in words.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { formatSigned } from '../../../shared/format.ts';
import { useSaveRealizedEffect, type RealizedEffectInput } from '../api/put-realized-effect.ts';

/** The route's bounds (apps/api/src/routes/api/reference.ts). */
const MIN_YEAR = 2014;
const MAX_YEAR = 2100;
const MAX_AMOUNT = 10_000_000;
const MAX_NOTE = 1000;

export interface EffectFormValues {
  area: string;
  year: string;
  amount: string;
  note: string;
}

type Field = keyof EffectFormValues;
type Errors = Partial<Record<Field, string>>;

/** "−7.000", "-7000", "+2.048", "2048" → whole thousands; null when it is not a whole number. */
export function parseThousands(text: string): number | null {
  const cleaned = text.trim().replace(/[\u2212\u2013]/g, '-').replace(/\s/g, '');
  if (/^[-+]?\d+$/.test(cleaned)) return Number(cleaned);
  // Danish thousands separators; a point elsewhere ("7.5") is not a whole number.
  if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(cleaned)) return Number(cleaned.replace(/\./g, ''));
  return null;
}

export function validateEffect(values: EffectFormValues, areas: readonly string[]): { input: RealizedEffectInput | null; errors: Errors } {
  const errors: Errors = {};
  if (!values.area) errors.area = 'Vælg det område, effekten gælder.';
  else if (!areas.includes(values.area)) errors.area = 'Området findes ikke i planen. Vælg et af områderne på listen.';

  const yearText = values.year.trim();
  const year = Number(yearText);
  if (!yearText) errors.year = 'Skriv det år, effekten gælder, fx 2025.';
  else if (!/^\d{4}$/.test(yearText) || year < MIN_YEAR || year > MAX_YEAR) errors.year = `Året skal være et årstal fra ${MIN_YEAR} til ${MAX_YEAR}.`;

  const amount = parseThousands(values.amount);
  if (!values.amount.trim()) errors.amount = 'Skriv den realiserede effekt i 1.000 kr., fx −7.000 for en besparelse på 7 mio. kr.';
  else if (amount === null) errors.amount = 'Skriv beløbet som et helt antal tusinde kroner uden decimaler, fx −7.000 eller 2500.';
  else if (Math.abs(amount) > MAX_AMOUNT) errors.amount = `Beløbet skal ligge mellem −${formatDecimal(MAX_AMOUNT)} og ${formatDecimal(MAX_AMOUNT)} (1.000 kr.).`;

  const note = values.note.trim();
  if (note.length > MAX_NOTE) errors.note = `Noten må højst være ${formatDecimal(MAX_NOTE)} tegn; den er ${formatDecimal(note.length)} tegn nu.`;

  if (Object.keys(errors).length > 0 || amount === null) return { input: null, errors };
  return { input: { area: values.area, year, amountThousandKr: amount, ...(note ? { note } : {}) }, errors };
}

const FIELD_ORDER: Field[] = ['area', 'year', 'amount', 'note'];

export function RealizedEffectForm({
  areas,
  initial,
  focusOnMount,
}: {
  areas: readonly string[];
  initial: EffectFormValues;
  /** Set when the form was opened from a row's "Ret" button: focus goes to the amount. */
  focusOnMount: boolean;
}): ReactElement {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [values, setValues] = useState<EffectFormValues>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const save = useSaveRealizedEffect();

  useEffect(() => {
    if (!focusOnMount) return;
    amountInput.current?.focus();
    amountInput.current?.scrollIntoView({ block: 'center' });
  }, [focusOnMount]);

  const change = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setSaved(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateEffect(values, areas);
    setErrors(result.errors);
    setSaved(null);
    if (!result.input) {
      // After the render that shows the summary.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const input = result.input;
    save.mutate(input, {
      onSuccess: () =>
        setSaved(
          `Gemt: realiseret effekt ${input.year} for «${input.area}» er ${formatSigned(input.amountThousandKr, (value) => formatDecimal(value))} (1.000 kr.).`,
        ),
    });
  };

  const describedBy = (field: Field, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : null, errors[field] ? `${fieldId(field)}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorList = FIELD_ORDER.filter((field) => errors[field]);

  return (
    <form className="effect-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="realized-effect-form">
      <h3 id={`${id}-title`}>Indtast eller ret realiseret effekt</h3>
      <p className="form-intro">Et år og et område kan rettes ved at gemme igen; det nye beløb erstatter det gamle.</p>

      {errorList.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby={`${id}-summary-title`}>
          <p id={`${id}-summary-title`} className="error-summary-title">
            Ret {errorList.length === 1 ? 'fejlen' : `de ${errorList.length} fejl`}, før der kan gemmes:
          </p>
          <ul>
            {errorList.map((field) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="form-field">
        <label htmlFor={fieldId('area')}>Område</label>
        {errors.area ? (
          <p id={`${fieldId('area')}-error`} className="field-error">
            <span aria-hidden="true">✖ </span>
            {errors.area}
          </p>
        ) : null}
        <select
          id={fieldId('area')}
          value={values.area}
          onChange={change('area')}
          aria-invalid={errors.area ? true : undefined}
          aria-describedby={describedBy('area', false)}
        >
          <option value="">Vælg område</option>
          {areas.map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </select>
      </div>

      <div className="form-row">
        <div className="form-field">
          <label htmlFor={fieldId('year')}>År</label>
          <p id={`${fieldId('year')}-hint`} className="field-hint">
            Fra {MIN_YEAR} til {MAX_YEAR}
          </p>
          {errors.year ? (
            <p id={`${fieldId('year')}-error`} className="field-error">
              <span aria-hidden="true">✖ </span>
              {errors.year}
            </p>
          ) : null}
          <input
            id={fieldId('year')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={values.year}
            onChange={change('year')}
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={describedBy('year', true)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={fieldId('amount')}>Realiseret effekt (1.000 kr.)</label>
          <p id={`${fieldId('amount')}-hint`} className="field-hint">
            Hele tusinde kroner; en besparelse skrives med minus, fx −7.000
          </p>
          {errors.amount ? (
            <p id={`${fieldId('amount')}-error`} className="field-error">
              <span aria-hidden="true">✖ </span>
              {errors.amount}
            </p>
          ) : null}
          <input
            id={fieldId('amount')}
            ref={amountInput}
            type="text"
            autoComplete="off"
            size={12}
            value={values.amount}
            onChange={change('amount')}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={describedBy('amount', true)}
          />
        </div>
      </div>

      <div className="form-field">
        <label htmlFor={fieldId('note')}>Note (kan udelades)</label>
        <p id={`${fieldId('note')}-hint`} className="field-hint">
          Fx hvordan effekten er opgjort. Højst {formatDecimal(MAX_NOTE)} tegn ({formatDecimal(values.note.trim().length)} brugt).
        </p>
        {errors.note ? (
          <p id={`${fieldId('note')}-error`} className="field-error">
            <span aria-hidden="true">✖ </span>
            {errors.note}
          </p>
        ) : null}
        <textarea
          id={fieldId('note')}
          rows={3}
          value={values.note}
          onChange={change('note')}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={describedBy('note', true)}
        />
      </div>

      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Gemmer …' : 'Gem realiseret effekt'}
        </button>
      </div>

      <div role="status" className="form-status" data-testid="realized-effect-status">
        {saved ? (
          <p className="message message-ok">
            <span aria-hidden="true">✔ </span>
            {saved}
          </p>
        ) : null}
      </div>
      {save.isError ? (
        <p role="alert" className="message message-error" data-testid="realized-effect-error">
          <span aria-hidden="true">✖ </span>
          Det blev ikke gemt: {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
