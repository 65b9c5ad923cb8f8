/**
 * "Forhåndsvis mailen": the email as it would be sent now, in a sandboxed frame (no scripts, no
 * access to the page). Fetched only when opened, and again after every change to the schedule.
 */
import { useState, type ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { useSchedulePreview } from '../api/get-schedule-preview.ts';

export function MailPreview({ schedule }: { schedule: Schedule }): ReactElement {
  const [open, setOpen] = useState(false);
  const preview = useSchedulePreview(schedule.id, open);
  return (
    <details className="schedule-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Forhåndsvis mailen</summary>
      {open ? (
        <QueryResult query={preview} loading="Danner mailen …" error="Mailen kunne ikke vises">
          {(html) => (
            <iframe
              className="mail-preview"
              title={`Forhåndsvisning af mailen «${schedule.name}»`}
              sandbox=""
              srcDoc={html}
              data-testid="mail-preview"
            />
          )}
        </QueryResult>
      ) : null}
    </details>
  );
}
