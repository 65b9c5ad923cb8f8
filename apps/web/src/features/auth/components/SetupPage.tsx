/**
 * /opsaetning (public): the first administrator, with the one-time token from the link the server
 * wrote in its log (`/opsaetning#<token>`; after the #, so it never reaches a server log or a
 * proxy). Name, e-mail and a password of at least 12 characters; the API checks again and answers
 * in Danish (a weak password, a used token). The new administrator is then logged in.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../../../shared/api/get-session.ts';
import { ErrorSummary, FailureMessage, FormField } from '../../../shared/components/FormField.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { PASSWORD_HINT, emailError, passwordError } from '../../../shared/access/user-fields.ts';
import { useSetup } from '../api/post-setup.ts';
import { AuthFrame } from './AuthFrame.tsx';

type Field = 'name' | 'email' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'password'];
type Values = Record<Field, string>;

function validate(values: Values): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name.trim()) errors.name = 'Skriv administratorens navn.';
  const email = emailError(values.email);
  if (email) errors.email = email;
  const password = passwordError(values.password);
  if (password) errors.password = password;
  return errors;
}

function SetupForm({ token }: { token: string }): ReactElement {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [values, setValues] = useState<Values>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const setup = useSetup();
  const [, navigate] = useLocation();
  const change = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setup.isPending) return;
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setup.mutate({ token, name: values.name.trim(), email: values.email.trim(), password: values.password }, { onSuccess: () => navigate('/administration', { replace: true }) });
  };

  return (
    <form noValidate onSubmit={submit} className="auth-form" aria-labelledby={`${id}-heading`} data-testid="setup-form">
      <h2 id={`${id}-heading`}>Den første administrator</h2>
      <ErrorSummary id={id} errors={errors} order={FIELDS} fieldId={fieldId} action="administratoren kan oprettes" summaryRef={summary} />
      <FormField id={fieldId('name')} label="Navn" error={errors.name}>
        {(control) => <input {...control} type="text" autoComplete="name" value={values.name} onChange={change('name')} />}
      </FormField>
      <FormField id={fieldId('email')} label="E-mail" hint="Administratorens loginnavn." error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="username" spellCheck={false} value={values.email} onChange={change('email')} />}
      </FormField>
      <FormField
        id={fieldId('password')}
        label="Adgangskode"
        hint={PASSWORD_HINT}
        error={errors.password}
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" value={values.password} onChange={change('password')} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={setup.isPending || undefined}>
          {setup.isPending ? 'Opretter …' : 'Opret administrator og log ind'}
        </button>
      </div>
      {setup.isError ? <FailureMessage testId="setup-error">Administratoren blev ikke oprettet: {setup.error.message}</FailureMessage> : null}
    </form>
  );
}

function tokenOfHash(): string {
  try {
    return decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  } catch {
    return '';
  }
}

export function SetupPage(): ReactElement {
  const session = useSession();
  // The token is in the link's fragment, which the browser never sends to the server (a link pasted into an open tab only changes the fragment).
  const [token, setToken] = useState(tokenOfHash);
  useEffect(() => {
    const read = () => setToken(tokenOfHash());
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  return (
    <AuthFrame title="Opsætning">
      <h1>Opsætning</h1>
      <p className="lead">Opret den første administrator. Administratoren opretter siden de andre brugere og giver dem en rolle.</p>
      <QueryResult query={session} loading="Henter opsætningen …" error="Opsætningen kunne ikke hentes">
        {({ setupRequired }) =>
          !setupRequired ? (
            <p className="message message-info" data-testid="setup-done">
              Der er allerede en administrator. <Link href="/login">Log ind</Link>, og bed en administrator om en bruger, hvis du ikke har en.
            </p>
          ) : !token ? (
            <p role="alert" className="message message-error" data-testid="setup-no-token">
              Linket mangler engangskoden. Brug hele linket fra serverens log: det slutter med <code>/opsaetning#</code> og koden.
            </p>
          ) : (
            <SetupForm token={token} />
          )
        }
      </QueryResult>
    </AuthFrame>
  );
}
