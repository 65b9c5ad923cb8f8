/**
 * One user's changes: the role, a new password, and disabling (asked first: the user is logged
 * out at once) or enabling. Each change is its own request, so each answer is said on its own —
 * the API's Danish message when refused (the last administrator, a weak password).
 */
import { useId, useRef, useState, type FormEvent, type ReactElement, type RefObject } from 'react';
import { ROLE_LABELS, type Role } from '../../../shared/access/roles.ts';
import { PASSWORD_HINT, passwordError } from '../../../shared/access/user-fields.ts';
import { FailureMessage, FormField, SuccessMessage } from '../../../shared/components/FormField.tsx';
import type { AdminUser } from '../api/get-users.ts';
import { useUpdateUser, type UpdateUserInput } from '../api/put-user.ts';
import { ConfirmDisableDialog } from './ConfirmDisableDialog.tsx';
import { RoleField } from './RoleField.tsx';

export function UserEditor({ user, headingRef, onClose }: { user: AdminUser; headingRef: RefObject<HTMLHeadingElement | null>; onClose: () => void }): ReactElement {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [password, setPassword] = useState('');
  const [passwordProblem, setPasswordProblem] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const disableButton = useRef<HTMLButtonElement>(null);
  const update = useUpdateUser();

  const send = (change: UpdateUserInput['change'], success: string, after?: () => void) => {
    if (update.isPending) return;
    setDone(null);
    update.mutate(
      { id: user.id, change },
      {
        onSuccess: () => {
          setDone(success);
          after?.();
        },
      },
    );
  };

  const saveRole = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send({ role }, `${user.name} er nu ${ROLE_LABELS[role].toLowerCase()}. Brugeren er logget ud og skal logge ind igen.`);
  };

  const savePassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = passwordError(password);
    setPasswordProblem(problem);
    if (problem) return;
    send({ password }, `${user.name} har fået en ny adgangskode og er logget ud.`, () => setPassword(''));
  };

  return (
    <section className="panel user-editor" aria-labelledby={`${id}-heading`} data-testid="user-editor">
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Ret {user.name} ({user.email})
      </h3>
      <div className="user-editor-parts">
        <form noValidate onSubmit={saveRole} aria-label={`Rolle for ${user.name}`}>
          <RoleField id={`${id}-role`} value={role} onChange={setRole} />
          <button type="submit" className="button button-secondary">
            Gem rollen
          </button>
        </form>
        <form noValidate onSubmit={savePassword} aria-label={`Adgangskode for ${user.name}`}>
          <FormField id={`${id}-password`} label="Ny adgangskode" hint={PASSWORD_HINT} error={passwordProblem}>
            {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
          </FormField>
          <button type="submit" className="button button-secondary">
            Sæt adgangskoden
          </button>
        </form>
        <div>
          <p className="field-label">{user.disabled ? 'Brugeren er spærret' : 'Adgang'}</p>
          {user.disabled ? (
            <button type="button" className="button button-secondary" onClick={() => send({ disabled: false }, `${user.name} kan logge ind igen.`)}>
              Genåbn brugeren
            </button>
          ) : (
            <button type="button" ref={disableButton} className="button button-danger" onClick={() => setConfirming(true)}>
              Spær brugeren
            </button>
          )}
        </div>
      </div>
      <div role="status" className="form-status">
        {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      </div>
      {update.isError && !confirming ? <FailureMessage testId="user-editor-error">Ændringen blev ikke gemt: {update.error.message}</FailureMessage> : null}
      <div className="form-actions">
        <button type="button" className="button-link" onClick={onClose}>
          Luk
        </button>
      </div>
      <ConfirmDisableDialog
        user={confirming ? user : null}
        pending={update.isPending}
        error={confirming && update.isError ? update.error.message : null}
        onCancel={() => {
          setConfirming(false);
          update.reset();
          disableButton.current?.focus();
        }}
        onConfirm={() => send({ disabled: true }, `${user.name} er spærret og logget ud.`, () => setConfirming(false))}
      />
    </section>
  );
}
