/**
 * Asks before a user is disabled (native modal <dialog>: focus stays inside, Esc cancels). Focus
 * starts on "Fortryd", the harmless choice; a refusal (the last administrator) is said inside.
 */
import { useEffect, useId, useRef, type ReactElement } from 'react';
import { FailureMessage } from '../../../shared/components/FormField.tsx';
import type { AdminUser } from '../api/get-users.ts';

export function ConfirmDisableDialog({
  user,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  user: AdminUser | null;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}): ReactElement {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (user && !element.open) {
      element.showModal();
      cancel.current?.focus();
    }
    if (!user && element.open) element.close();
  }, [user]);

  return (
    <dialog
      ref={dialog}
      className="drill-dialog confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="confirm-disable"
    >
      <h2 id={`${id}-title`}>Spær {user?.name}?</h2>
      <p id={`${id}-text`}>
        {user?.name} ({user?.email}) logges ud med det samme og kan ikke logge ind, før en administrator genåbner brugeren. Logbogen beholdes.
      </p>
      {error ? <FailureMessage testId="confirm-disable-error">Brugeren blev ikke spærret: {error}</FailureMessage> : null}
      <div className="form-actions confirm-actions">
        <button type="button" className="button button-danger" onClick={onConfirm} aria-disabled={pending || undefined}>
          {pending ? 'Spærrer …' : 'Ja, spær brugeren'}
        </button>
        <button type="button" ref={cancel} className="button button-secondary" onClick={onCancel}>
          Fortryd
        </button>
      </div>
    </dialog>
  );
}
