/**
 * /login (public): e-mail and password, the work account (OIDC) when it is set up, and on demo data
 * a clearly marked box with one button per role. After login the user goes back to `next` — only
 * ever a path on this site. The API's Danish answers are shown as they come (a wrong pair: 401,
 * too many tries: 429 with how long to wait).
 */
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useLocation, useSearch } from 'wouter';
import { safeNext } from '../../../shared/api/api-client.ts';
import { useSession, type Role, type Session } from '../../../shared/api/get-session.ts';
import { ErrorSummary, FailureMessage, FormField } from '../../../shared/components/FormField.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { emailError } from '../../../shared/access/user-fields.ts';
import { useDemoLogin } from '../api/post-demo-login.ts';
import { useLogin } from '../api/post-login.ts';
import { AuthFrame } from './AuthFrame.tsx';

type Field = 'email' | 'password';
const FIELDS: readonly Field[] = ['email', 'password'];

function validate(email: string, password: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const emailProblem = emailError(email);
  if (emailProblem) errors.email = emailProblem;
  if (!password) errors.password = 'Skriv din adgangskode.';
  return errors;
}

function PasswordForm({ onDone }: { onDone: () => void }): ReactElement {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const login = useLogin();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    const found = validate(email, password);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    login.mutate({ email: email.trim(), password }, { onSuccess: onDone });
  };

  return (
    <form noValidate onSubmit={submit} className="auth-form" aria-labelledby={`${id}-heading`} data-testid="login-form">
      <h2 id={`${id}-heading`}>Med e-mail og adgangskode</h2>
      <ErrorSummary id={id} errors={errors} order={FIELDS} fieldId={fieldId} action="du kan logge ind" summaryRef={summary} />
      <FormField id={fieldId('email')} label="E-mail" error={errors.email}>
        {(control) => (
          <input {...control} type="email" name="email" autoComplete="username" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </FormField>
      <FormField id={fieldId('password')} label="Adgangskode" error={errors.password}>
        {(control) => (
          <input {...control} type="password" name="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={login.isPending || undefined}>
          {login.isPending ? 'Logger ind …' : 'Log ind'}
        </button>
      </div>
      {login.isError ? <FailureMessage testId="login-error">{login.error.message}</FailureMessage> : null}
    </form>
  );
}

function DemoLogins({ demoUsers, onDone }: { demoUsers: Session['demoUsers']; onDone: () => void }): ReactElement {
  const login = useDemoLogin();
  const [chosen, setChosen] = useState<Role | null>(null);
  const choose = (role: Role) => {
    if (login.isPending) return;
    setChosen(role);
    login.mutate(role, { onSuccess: onDone });
  };
  return (
    <section className="demo-box" aria-labelledby="demo-heading" data-testid="demo-logins">
      <h2 id="demo-heading">Demodata – kun til afprøvning</h2>
      <p>
        Databasen rummer kun opdigtede demodata. Prøv løsningen med hver rolle uden adgangskode. Demobrugerne forsvinder, så snart rigtige data
        indlæses.
      </p>
      <ul className="demo-buttons">
        {demoUsers.map((demo) => (
          <li key={demo.role}>
            <button type="button" className="button button-secondary" onClick={() => choose(demo.role)} aria-disabled={login.isPending || undefined}>
              {login.isPending && chosen === demo.role ? 'Logger ind …' : `Log ind som demo-${demo.label.toLowerCase()}`}
            </button>
          </li>
        ))}
      </ul>
      {login.isError ? <FailureMessage>Demologin mislykkedes: {login.error.message}</FailureMessage> : null}
    </section>
  );
}

export function LoginPage(): ReactElement {
  const session = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(search).get('next'));
  const done = () => navigate(next, { replace: true });

  return (
    <AuthFrame title="Log ind">
      <h1>Log ind</h1>
      <p className="lead">Log ind for at se socialområdets nøgletal. Hvad du kan, afhænger af din rolle: læser, analytiker eller administrator.</p>
      <QueryResult query={session} loading="Henter loginmulighederne …" error="Loginsiden kunne ikke hentes">
        {({ user, oidc, demoUsers, setupRequired }) => (
          <div className="auth-columns">
            <div className="auth-main">
              {user ? (
                <p className="message message-info" data-testid="already-logged-in">
                  Du er logget ind som {user.name}. <a href={next}>Gå videre</a>, eller log ind som en anden herunder.
                </p>
              ) : null}
              <PasswordForm onDone={done} />
              {oidc ? (
                <div className="auth-oidc">
                  <h2>Med arbejdskonto</h2>
                  <a className="button button-secondary" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>
                    {oidc.label}
                  </a>
                </div>
              ) : null}
              {setupRequired ? (
                <p className="field-hint auth-setup-hint">
                  Der er endnu ingen administrator. Den første oprettes med linket <code>/opsaetning#…</code>, som serveren skrev i sin log ved start.
                </p>
              ) : null}
            </div>
            {demoUsers.length > 0 ? <DemoLogins demoUsers={demoUsers} onDone={done} /> : null}
          </div>
        )}
      </QueryResult>
    </AuthFrame>
  );
}
