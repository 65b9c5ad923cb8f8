/**
 * A new user: name, e-mail, role and an optional password (without one, only the work account
 * logs them in). Checked here first (Danish messages at each field), then by the API, whose
 * message is shown as it comes (a taken e-mail, a password holding the e-mail's name).
 */
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { ROLE_LABELS, type Role } from '../../../shared/access/roles.ts';
import { PASSWORD_HINT, emailError, passwordError } from '../../../shared/access/user-fields.ts';
import { ErrorSummary, FailureMessage, FormField, SuccessMessage } from '../../../shared/components/FormField.tsx';
import { useCreateUser } from '../api/post-user.ts';
import { RoleField } from './RoleField.tsx';

type Field = 'name' | 'email' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'password'];
interface Values {
  name: string;
  email: string;
  role: Role;
  password: string;
}
const EMPTY: Values = { name: '', email: '', role: 'viewer', password: '' };

function validate(values: Values): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name.trim()) errors.name = 'Skriv brugerens navn.';
  const email = emailError(values.email);
  if (email) errors.email = email;
  const password = values.password ? passwordError(values.password) : undefined;
  if (password) errors.password = password;
  return errors;
}

export function CreateUserForm(): ReactElement {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [created, setCreated] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const create = useCreateUser();
  const change = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setCreated(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const input = { name: values.name.trim(), email: values.email.trim(), role: values.role, ...(values.password ? { password: values.password } : {}) };
    create.mutate(input, {
      onSuccess: (user) => {
        setCreated(`${user.name} (${user.email}) er oprettet som ${ROLE_LABELS[user.role].toLowerCase()}.`);
        setValues(EMPTY);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit} className="panel admin-form" aria-labelledby={`${id}-heading`} data-testid="create-user-form">
      <h3 id={`${id}-heading`}>Opret en bruger</h3>
      <ErrorSummary id={id} errors={errors} order={FIELDS} fieldId={fieldId} action="brugeren kan oprettes" summaryRef={summary} />
      <div className="form-row">
        <FormField id={fieldId('name')} label="Navn" error={errors.name}>
          {(control) => <input {...control} type="text" autoComplete="off" value={values.name} onChange={change('name')} />}
        </FormField>
        <FormField id={fieldId('email')} label="E-mail" error={errors.email}>
          {(control) => <input {...control} type="email" autoComplete="off" spellCheck={false} size={32} value={values.email} onChange={change('email')} />}
        </FormField>
        <RoleField id={`${id}-role`} value={values.role} onChange={(role) => setValues((current) => ({ ...current, role }))} />
      </div>
      <FormField
        id={fieldId('password')}
        label="Adgangskode (valgfri)"
        hint={`Uden adgangskode kan brugeren kun logge ind med sin arbejdskonto (OIDC). ${PASSWORD_HINT}`}
        error={errors.password}
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" value={values.password} onChange={change('password')} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? 'Opretter …' : 'Opret bruger'}
        </button>
      </div>
      <div role="status" className="form-status">
        {created ? <SuccessMessage>{created}</SuccessMessage> : null}
      </div>
      {create.isError ? <FailureMessage testId="create-user-error">Brugeren blev ikke oprettet: {create.error.message}</FailureMessage> : null}
    </form>
  );
}
