/**
 * "Send en test nu": sends the schedule's email at once, to its recipients or to the addresses
 * typed here. Says that it is sending (the mail is rendered with its charts first, which takes a
 * few seconds), then whether the mail server took it, or the mail server's error.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { FailureMessage, FormField, SuccessMessage } from '../../../shared/components/FormField.tsx';
import { useSnapshots } from '../../../shared/api/get-snapshots.ts';
import { useSendTestMail } from '../api/post-schedule-test.ts';
import { recipientsError, splitRecipients } from './schedule-form.ts';
import { listText } from './schedule-text.ts';

export function TestMail({ schedule }: { schedule: Schedule }): ReactElement {
  const id = useId();
  const [to, setTo] = useState('');
  // '' = current numbers; otherwise a snapshot's id: its frozen numbers go out, marked as such.
  const [snapshot, setSnapshot] = useState('');
  const snapshots = useSnapshots();
  const [error, setError] = useState<string | undefined>(undefined);
  const send = useSendTestMail();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    const addresses = splitRecipients(to);
    const message = recipientsError(addresses, false);
    setError(message ?? undefined);
    if (message) return;
    send.mutate({ id: schedule.id, ...(addresses.length > 0 ? { to: addresses } : {}), ...(snapshot ? { snapshot: Number(snapshot) } : {}) });
  };

  const delivery = send.data;
  const sentAt = delivery?.sentAt ? formatDateTime(delivery.sentAt) : null;

  return (
    <form className="test-mail" noValidate onSubmit={submit} aria-label={`Send en test af «${schedule.name}»`}>
      <FormField
        id={`${id}-to`}
        label="Send testen til (kan udelades)"
        hint={`Tom: udsendelsens modtagere (${listText(schedule.recipients)})`}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            size={36}
            value={to}
            onChange={(event) => {
              setTo(event.currentTarget.value);
              setError(undefined);
            }}
          />
        )}
      </FormField>
      {(snapshots.data?.snapshots.length ?? 0) > 0 ? (
        <FormField id={`${id}-snapshot`} label="Tal i mailen" hint="Et øjebliksbillede sender de frosne tal, fx en budgetopfølgning; mailen siger det.">
          {(control) => (
            <select {...control} value={snapshot} onChange={(event) => setSnapshot(event.currentTarget.value)}>
              <option value="">Aktuelle tal</option>
              {snapshots.data?.snapshots.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <div className="test-mail-actions">
        <button type="submit" className="button" aria-disabled={send.isPending || undefined}>
          {send.isPending ? 'Sender …' : 'Send en test nu'}
        </button>
        <div role="status" className="live test-mail-status" data-testid="test-mail-status">
          {send.isPending ? (
            <span className="test-mail-progress">
              <progress aria-label="Sender testmailen" />
              Danner mailen med graferne og sender den …
            </span>
          ) : null}
          {delivery?.state === 'sent' ? (
            <SuccessMessage>Testmailen er sendt til {listText(delivery.recipients)}{sentAt ? ` den ${sentAt}` : ''}.</SuccessMessage>
          ) : null}
        </div>
      </div>
      {delivery && delivery.state !== 'sent' ? (
        <FailureMessage testId="test-mail-error">Testmailen kunne ikke sendes: {delivery.lastError ?? delivery.note ?? 'mailserveren tog ikke imod den.'}</FailureMessage>
      ) : null}
      {send.isError ? (
        <FailureMessage testId="test-mail-error">Testmailen blev ikke sendt: {send.error.message}</FailureMessage>
      ) : null}
    </form>
  );
}
