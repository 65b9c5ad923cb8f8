/**
 * One labelled form field: label, hint and the field's Danish error above the control, which gets
 * aria-invalid and aria-describedby pointing at both; a form's errors in one summary that takes
 * focus; success and failure in words. Shared by the forms of every page (the forms keep what was
 * typed; only the message changes).
 */
import type { ReactElement, ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FormFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function FormField({ id, label, hint, error, className, children }: FormFieldProps): ReactElement {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `form-field ${className}` : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }): ReactElement | null {
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">✖ </span>
      {error}
    </p>
  );
}

/** A form's errors in one list that takes focus, each linking to its field. */
export function ErrorSummary<F extends string>({
  id,
  errors,
  order,
  fieldId,
  action,
  summaryRef,
}: {
  id: string;
  errors: Partial<Record<F, string>>;
  order: readonly F[];
  fieldId: (field: F) => string;
  /** What cannot happen before the errors are fixed, e.g. "der kan gemmes". */
  action: string;
  summaryRef: { current: HTMLDivElement | null };
}): ReactElement | null {
  const fields = order.filter((field) => errors[field]);
  if (fields.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${id}-summary-title`}>
      <p id={`${id}-summary-title`} className="error-summary-title">
        Ret {fields.length === 1 ? 'fejlen' : `de ${fields.length} fejl`}, før {action}:
      </p>
      <ul>
        {fields.map((field) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{errors[field]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A failure in words, read out at once: "✖ Udsendelsen blev ikke gemt: <the server's message>". */
export function FailureMessage({ children, testId }: { children: ReactNode; testId?: string }): ReactElement {
  return (
    <p role="alert" className="message message-error" data-testid={testId}>
      <span aria-hidden="true">✖ </span>
      {children}
    </p>
  );
}

/** A success in words; the caller puts it in a status region, so it is read out politely. */
export function SuccessMessage({ children }: { children: ReactNode }): ReactElement {
  return (
    <p className="message message-ok">
      <span aria-hidden="true">✔ </span>
      {children}
    </p>
  );
}
