/**
 * The audit log: who logged in, failed to, logged out, and what left or entered the system. The
 * filters (action, part of the user's e-mail, from and to dates) live in the URL, so a link shows
 * the same list and Back restores the previous one; "Hent som CSV" downloads the same events.
 * A refused request is marked in words ("Afvist"), not by colour alone.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useSearchParams } from 'wouter';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { FieldError } from '../../../shared/components/FormField.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_LABELS,
  AUDIT_CSV_LIMIT,
  AUDIT_LIMIT,
  auditCsvUrl,
  isAuditAction,
  useAudit,
  type AuditEvent,
  type AuditFilters,
} from '../api/get-audit.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS = ['action', 'user', 'from', 'to'] as const;

export function readAuditFilters(search: URLSearchParams): AuditFilters {
  const action = search.get('action');
  const date = (key: string) => {
    const value = search.get(key) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return { action: isAuditAction(action) ? action : null, user: search.get('user') ?? '', from: date('from'), to: date('to') };
}

/** The filters in words ("handling «Login», fra 01.03.2026"), or null when the whole log is shown. */
function filterSentence(filters: AuditFilters): string | null {
  const parts: string[] = [];
  if (filters.action) parts.push(`handling «${AUDIT_ACTION_LABELS[filters.action]}»`);
  if (filters.user.trim()) parts.push(`bruger med «${filters.user.trim()}» i e-mailen`);
  if (filters.from) parts.push(`fra ${formatIsoDate(filters.from)}`);
  if (filters.to) parts.push(`til og med ${formatIsoDate(filters.to)}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function Filters({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }): ReactElement {
  const id = useId();
  const [values, setValues] = useState(filters);
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.from && values.to && values.from > values.to) {
      setError(`Fra-datoen (${formatIsoDate(values.from)}) ligger efter til-datoen (${formatIsoDate(values.to)}). Byt om på dem.`);
      return;
    }
    setError(undefined);
    onApply(values);
  };
  return (
    <form noValidate onSubmit={submit} className="audit-filters" aria-label="Filtrér logbogen" data-testid="audit-filters">
      <div className="form-field">
        <label htmlFor={`${id}-action`}>Handling</label>
        <select
          id={`${id}-action`}
          value={values.action ?? ''}
          onChange={(event) => setValues((current) => ({ ...current, action: isAuditAction(event.target.value) ? event.target.value : null }))}
        >
          <option value="">Alle handlinger</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {AUDIT_ACTION_LABELS[action]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-user`}>Bruger (del af e-mail)</label>
        <input
          id={`${id}-user`}
          type="search"
          spellCheck={false}
          value={values.user}
          onChange={(event) => setValues((current) => ({ ...current, user: event.target.value }))}
        />
      </div>
      {(['from', 'to'] as const).map((key) => (
        <div className="form-field" key={key}>
          <label htmlFor={`${id}-${key}`}>{key === 'from' ? 'Fra og med' : 'Til og med'}</label>
          <input
            id={`${id}-${key}`}
            type="date"
            value={values[key]}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
          />
        </div>
      ))}
      <div className="audit-filter-actions">
        <button type="submit" className="button">
          Vis
        </button>
        <button type="button" className="button button-secondary" onClick={() => onApply({ action: null, user: '', from: '', to: '' })}>
          Nulstil
        </button>
      </div>
      <div className="audit-filter-error" role="alert">
        <FieldError id={`${id}-error`} error={error} />
      </div>
    </form>
  );
}

function AuditTable({ events }: { events: readonly AuditEvent[] }): ReactElement {
  return (
    <div className="table-scroll table-scroll-tall">
      <table className="data-table audit-table" data-testid="audit-table">
        <caption className="visually-hidden">Logbogen, nyeste først</caption>
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Bruger</th>
            <th scope="col">Handling</th>
            <th scope="col">Hvad</th>
            <th scope="col">Udfald</th>
            <th scope="col">Adresse</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className={event.outcome === 'refused' ? 'audit-refused' : undefined} data-testid="audit-row">
              <td className="nowrap">{formatDateTime(event.at) ?? event.at}</td>
              <td>{event.userEmail ?? '–'}</td>
              <td>{event.actionLabel}</td>
              <td className="audit-target">{event.target ?? ''}</td>
              <td>{event.outcome === 'refused' ? <strong className="audit-outcome-refused">Afvist</strong> : 'OK'}</td>
              <td>{event.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditLog(): ReactElement {
  const [search, setSearch] = useSearchParams();
  const filters = readAuditFilters(search);
  const audit = useAudit(filters);
  const apply = (next: AuditFilters) =>
    setSearch((current) => {
      const params = new URLSearchParams(current);
      for (const key of FILTER_KEYS) params.delete(key);
      if (next.action) params.set('action', next.action);
      if (next.user.trim()) params.set('user', next.user.trim());
      if (next.from) params.set('from', next.from);
      if (next.to) params.set('to', next.to);
      return params;
    });
  const formKey = FILTER_KEYS.map((key) => search.get(key) ?? '').join('|');
  const filtered = filterSentence(filters);
  const among = filtered ? ` for ${filtered}` : '';

  return (
    <section className="page-section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Logbog</h2>
      <p className="section-lead">
        Logins, mislykkede logins, eksporter, indlæsninger, øjebliksbilleder, udsendelser, indstillinger og ændringer af brugere, nyeste først.
        Tidspunkter er dansk tid.
      </p>
      {/* A new key when the URL changes (Back, Nulstil): the fields show what the list is filtered by. */}
      <Filters key={formKey} filters={filters} onApply={apply} />
      <p className="audit-download">
        <a href={auditCsvUrl(filters)} className="button button-secondary" download data-testid="audit-csv">
          Hent som CSV
        </a>{' '}
        <span className="field-hint">
          {filtered ? `Samme filtre (${filtered})` : 'Hele logbogen'}, op til {formatNumber(AUDIT_CSV_LIMIT)} hændelser; tidspunkterne i filen er UTC.
        </span>
      </p>
      <QueryResult query={audit} loading="Henter logbogen …" error="Logbogen kunne ikke hentes">
        {({ events }) => (
          <>
            <p role="status" className="audit-count" data-testid="audit-count">
              {events.length === 0
                ? `Ingen hændelser${among}.`
                : events.length >= AUDIT_LIMIT
                  ? `Viser de nyeste ${formatNumber(AUDIT_LIMIT)} hændelser${among}. Afgræns med filtrene, eller hent op til ${formatNumber(AUDIT_CSV_LIMIT)} som CSV.`
                  : `${formatNumber(events.length)} ${events.length === 1 ? 'hændelse' : 'hændelser'}${among}.`}
            </p>
            {events.length > 0 ? <AuditTable events={events} /> : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
