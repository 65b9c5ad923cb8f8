/**
 * The budget follow-ups' dates in the year (31. marts and 31. august unless changed): day and
 * month as native selects, one row per follow-up in order, checked before saving (a day the month
 * does not have, the same date twice) and by the API again; the next dates are shown as saved.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { FailureMessage, FieldError, SuccessMessage } from '../../../shared/components/FormField.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { useFollowUpDates, type FollowUpDate } from '../api/get-follow-up-dates.ts';
import { useSaveFollowUpDates } from '../api/put-follow-up-dates.ts';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
/** Days in each month in a leap year: 29 February exists in some years and is allowed (as the API does). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_DATES = 6;

interface Row {
  key: number;
  day: number;
  month: number;
}

/** "31. marts". */
export function dayMonthText(day: number, month: number): string {
  return `${day}. ${MONTHS[month - 1] ?? `${month}.`}`;
}

/** One Danish message per row that cannot be saved, keyed by the row. */
export function validateFollowUps(rows: readonly Row[]): Map<number, string> {
  const errors = new Map<number, string>();
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const days = DAYS_IN_MONTH[row.month - 1] ?? 0;
    if (row.day > days) {
      errors.set(row.key, `Budgetopfølgning ${index + 1}: ${MONTHS[row.month - 1]} har kun ${days} dage. Vælg en dag fra 1 til ${days}.`);
      continue;
    }
    const text = `${row.day}.${row.month}`;
    if (seen.has(text)) errors.set(row.key, `Budgetopfølgning ${index + 1}: ${dayMonthText(row.day, row.month)} er valgt to gange. Vælg en anden dato.`);
    seen.add(text);
  }
  return errors;
}

function DatesForm({ saved }: { saved: readonly FollowUpDate[] }): ReactElement {
  const id = useId();
  const [nextKey, setNextKey] = useState(saved.length);
  const [rows, setRows] = useState<Row[]>(() => saved.map((date, index) => ({ key: index, day: date.day, month: date.month })));
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const [done, setDone] = useState(false);
  const save = useSaveFollowUpDates();

  const changeRow = (key: number, change: Partial<Row>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
    setDone(false);
  };
  const add = () => {
    setRows((current) => [...current, { key: nextKey, day: 30, month: 11 }]);
    setNextKey((key) => key + 1);
    setDone(false);
  };
  const remove = (key: number) => {
    setRows((current) => current.filter((row) => row.key !== key));
    setDone(false);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateFollowUps(rows);
    setErrors(found);
    setDone(false);
    if (found.size > 0) return;
    save.mutate({ dates: rows.map(({ day, month }) => ({ day, month })) }, { onSuccess: () => setDone(true) });
  };

  const errorList = rows.flatMap((row) => {
    const message = errors.get(row.key);
    return message ? [{ key: row.key, message }] : [];
  });

  return (
    <form className="effect-form follow-up-form" noValidate onSubmit={submit} aria-labelledby="follow-up-heading" data-testid="follow-up-form">
      {errorList.length > 0 ? (
        <div className="error-summary" role="alert" data-testid="follow-up-errors">
          <p className="error-summary-title">Datoerne kan ikke gemmes:</p>
          <ul>
            {errorList.map((error) => (
              <li key={error.key}>
                <a href={`#${id}-day-${error.key}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="follow-up-list">
        {rows.map((row, index) => {
          const error = errors.get(row.key);
          return (
            <li key={row.key}>
              <fieldset className="follow-up-row" aria-describedby={error ? `${id}-error-${row.key}` : undefined}>
                <legend>Budgetopfølgning {index + 1}</legend>
                <div className="form-field">
                  <label htmlFor={`${id}-day-${row.key}`}>Dag</label>
                  <select
                    id={`${id}-day-${row.key}`}
                    value={row.day}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => changeRow(row.key, { day: Number(event.target.value) })}
                  >
                    {Array.from({ length: 31 }, (_, day) => (
                      <option key={day + 1} value={day + 1}>
                        {day + 1}.
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-field">
                  <label htmlFor={`${id}-month-${row.key}`}>Måned</label>
                  <select
                    id={`${id}-month-${row.key}`}
                    value={row.month}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => changeRow(row.key, { month: Number(event.target.value) })}
                  >
                    {MONTHS.map((month, monthIndex) => (
                      <option key={month} value={monthIndex + 1}>
                        {month}
                      </option>
                    ))}
                  </select>
                </div>
                {rows.length > 1 ? (
                  <button type="button" className="button button-secondary button-compact" onClick={() => remove(row.key)}>
                    Fjern<span className="visually-hidden"> budgetopfølgning {index + 1}</span>
                  </button>
                ) : null}
                <FieldError id={`${id}-error-${row.key}`} error={error} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        {rows.length < MAX_DATES ? (
          <button type="button" className="button button-secondary" onClick={add}>
            Tilføj en dato
          </button>
        ) : null}{' '}
        <button type="submit" className="button" aria-disabled={save.isPending || undefined}>
          {save.isPending ? 'Gemmer …' : 'Gem datoerne'}
        </button>
      </div>
      <div role="status" className="form-status" data-testid="follow-up-status">
        {done ? <SuccessMessage>Datoerne er gemt.</SuccessMessage> : null}
      </div>
      {save.isError ? <FailureMessage testId="follow-up-save-error">Datoerne blev ikke gemt: {save.error.message}</FailureMessage> : null}
    </form>
  );
}

/** `editable`: the form to change the dates (analysts); without it only the dates are listed. */
export function FollowUpDatesForm({ editable }: { editable: boolean }): ReactElement {
  const followUps = useFollowUpDates();
  return (
    <section className="page-section" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Datoer for budgetopfølgning</h2>
      <p className="section-lead">
        Budgetopfølgningerne nummereres i den rækkefølge, datoerne står her. Et øjebliksbillede taget på en af datoerne får navnet
        «Budgetopfølgning N – år (pr. dato)».
      </p>
      <QueryResult query={followUps} loading="Henter datoerne …" error="Datoerne kunne ikke hentes">
        {({ dates }) => (
          <>
            <ul className="follow-up-next" data-testid="follow-up-next">
              {dates.map((date) => (
                <li key={date.followUp}>
                  <strong>
                    Budgetopfølgning {date.followUp}: {dayMonthText(date.day, date.month)}
                  </strong>{' '}
                  – næste gang {formatIsoDate(date.next)}
                </li>
              ))}
            </ul>
            {/* Saved, the form's rows are what the API now holds; the list above shows the new next dates. */}
            {editable ? <DatesForm saved={dates} /> : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
