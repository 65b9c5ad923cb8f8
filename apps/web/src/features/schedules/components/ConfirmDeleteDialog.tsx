/**
 * Asks before a schedule is deleted (native modal <dialog>: focus stays inside, Esc cancels, focus
 * returns to the button that opened it). Focus starts on "Fortryd", the harmless choice.
 */
import { useEffect, useId, useRef, type ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import { FailureMessage } from '../../../shared/components/FormField.tsx';
import { useDeleteSchedule } from '../api/delete-schedule.ts';

export function ConfirmDeleteDialog({
  schedule,
  onClose,
  onDeleted,
}: {
  schedule: Schedule | null;
  onClose: () => void;
  onDeleted: (name: string) => void;
}): ReactElement {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const remove = useDeleteSchedule();
  const { reset } = remove;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (schedule && !element.open) {
      reset();
      element.showModal();
      cancel.current?.focus();
    }
    if (!schedule && element.open) element.close();
  }, [schedule, reset]);

  const confirm = () => {
    if (!schedule || remove.isPending) return;
    const name = schedule.name;
    remove.mutate(schedule.id, { onSuccess: () => onDeleted(name) });
  };

  return (
    <dialog ref={dialog} className="drill-dialog confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onClose}>
      <h2 id={`${id}-title`}>Slet udsendelsen?</h2>
      <p id={`${id}-text`}>
        «{schedule?.name}» og dens tærskelalarmer slettes, og der sendes ikke flere mails. Udsendelsesloggen beholdes. Det kan ikke fortrydes.
      </p>
      {remove.isError ? (
        <FailureMessage>Udsendelsen blev ikke slettet: {remove.error.message}</FailureMessage>
      ) : null}
      <div className="form-actions confirm-actions">
        <button type="button" className="button button-danger" onClick={confirm} aria-disabled={remove.isPending || undefined}>
          {remove.isPending ? 'Sletter …' : 'Ja, slet udsendelsen'}
        </button>
        <button type="button" ref={cancel} className="button button-secondary" onClick={onClose}>
          Fortryd
        </button>
      </div>
    </dialog>
  );
}
