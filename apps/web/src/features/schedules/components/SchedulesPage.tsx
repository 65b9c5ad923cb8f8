/**
 * Udsendelser: KPI emails sent on a schedule (cron in Danish time) to the steering group, with a
 * test send, a preview, threshold alerts and the delivery log; and the automatic freezing of the
 * budget follow-up. One page, loaded only when opened.
 */
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import { useCatalogue } from '../../../shared/api/get-catalogue.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { SuccessMessage } from '../../../shared/components/FormField.tsx';
import { useSchedules } from '../api/get-schedules.ts';
import { AutoFreezeSection } from './AutoFreezeSection.tsx';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { ScheduleList } from './ScheduleList.tsx';
import './schedules.css';

export function SchedulesPage(): ReactElement {
  const id = useId();
  const schedules = useSchedules();
  const catalogue = useCatalogue();
  const [editing, setEditing] = useState<Schedule | null>(null);
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [focusForm, setFocusForm] = useState(0);

  // "Ret" moves the keyboard (and the view) to the form it opened.
  useEffect(() => {
    if (focusForm === 0) return;
    formHeading.current?.focus();
    formHeading.current?.scrollIntoView({ block: 'start' });
  }, [focusForm]);

  const edit = (schedule: Schedule) => {
    setEditing(schedule);
    setStatus(null);
    setFocusForm((n) => n + 1);
  };

  const done = (message: string | null) => {
    setEditing(null);
    setStatus(message);
    if (message) requestAnimationFrame(() => listHeading.current?.focus());
  };

  const list = schedules.data?.schedules ?? [];

  return (
    <>
      <h1>Udsendelser</h1>
      <p className="lead">
        Nøgletal sendt som mail til styregruppen på faste tidspunkter, og en mail når et tal krydser en tærskel. Alle tider er i dansk tid
        (Europe/Copenhagen).
      </p>

      <section className="page-section page-section-first" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} ref={listHeading} tabIndex={-1}>
          Planlagte udsendelser
        </h2>
        <div role="status" className="form-status" data-testid="schedules-status">
          {status ? (
            <SuccessMessage>{status}</SuccessMessage>
          ) : null}
        </div>
        <QueryResult query={schedules} loading="Henter udsendelserne …" error="Udsendelserne kunne ikke hentes">
          {(answer) => (
            <QueryResult query={catalogue} loading="Henter nøgletallene …" error="Nøgletallene kunne ikke hentes">
              {({ kpis }) => (
                <ScheduleList
                  schedules={answer.schedules}
                  kpis={kpis}
                  onEdit={edit}
                  onDelete={(schedule) => {
                    setStatus(null);
                    setDeleting(schedule);
                  }}
                />
              )}
            </QueryResult>
          )}
        </QueryResult>
      </section>

      <div className="page-section">
        <QueryResult query={catalogue} loading="Henter nøgletallene …" error="Nøgletallene kunne ikke hentes, så der kan ikke oprettes udsendelser">
          {({ kpis }) => <ScheduleForm key={editing?.id ?? 'ny'} kpis={kpis} editing={editing} onDone={done} headingRef={formHeading} />}
        </QueryResult>
      </div>

      <DeliveryLog schedules={list} />
      <AutoFreezeSection />

      <ConfirmDeleteDialog
        schedule={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(name) => {
          setDeleting(null);
          if (editing && editing.id === deleting?.id) setEditing(null);
          setStatus(`Udsendelsen «${name}» er slettet.`);
          requestAnimationFrame(() => listHeading.current?.focus());
        }}
      />
    </>
  );
}
