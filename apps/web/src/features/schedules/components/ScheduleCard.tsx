/**
 * One schedule in the list: when it is sent (cron in Danish time, the next three runs), to whom,
 * which KPIs, on or off, and how the latest delivery went; with its actions: change, send a test
 * now, preview the mail, threshold alerts, delete.
 */
import type { ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import type { KpiDefinitionResponse } from '@sol/api/schemas/kpi-result.ts';
import { MailPreview } from './MailPreview.tsx';
import { ScheduleAlerts } from './ScheduleAlerts.tsx';
import { TestMail } from './TestMail.tsx';
import { DELIVERY_KIND_LABELS, DELIVERY_STATE_BADGES, DELIVERY_STATE_LABELS, TIME_ZONE_TEXT, listText, presetLabel } from './schedule-text.ts';

export interface ScheduleCardProps {
  schedule: Schedule;
  kpis: readonly KpiDefinitionResponse[];
  onEdit: (schedule: Schedule) => void;
  onDelete: (schedule: Schedule) => void;
}

export function ScheduleCard({ schedule, kpis, onEdit, onDelete }: ScheduleCardProps): ReactElement {
  const headingId = `schedule-${schedule.id}-name`;
  const preset = presetLabel(schedule.cron);
  const kpiTitles = schedule.kpiIds.map((kpiId) => kpis.find((kpi) => kpi.id === kpiId)?.title ?? kpiId);
  const last = schedule.lastDelivery;

  return (
    <article className="schedule-card" aria-labelledby={headingId} data-testid={`schedule-${schedule.id}`}>
      <div className="schedule-card-head">
        <h3 id={headingId}>{schedule.name}</h3>
        <span className={schedule.enabled ? 'badge badge-ok' : 'badge badge-neutral'}>{schedule.enabled ? 'Slået til' : 'Slået fra'}</span>
      </div>
      <dl className="schedule-facts">
        <div>
          <dt>Hvornår</dt>
          <dd>
            {preset ? `${preset}: ` : null}
            <code>{schedule.cron}</code> {TIME_ZONE_TEXT}
          </dd>
        </div>
        <div>
          <dt>Næste kørsler</dt>
          <dd>
            {schedule.nextRuns.length === 0 ? (
              'Ingen – udsendelsen er slået fra'
            ) : (
              <ol className="schedule-runs">
                {schedule.nextRuns.map((run) => (
                  <li key={run.at}>
                    <time dateTime={run.at}>{run.text}</time>
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div>
          <dt>Modtagere ({schedule.recipients.length})</dt>
          <dd className="schedule-recipients">{listText(schedule.recipients)}</dd>
        </div>
        <div>
          <dt>Nøgletal</dt>
          <dd>
            {listText(kpiTitles)}
            {schedule.attachXlsx ? ' · med tallene som Excel-ark' : ''}
          </dd>
        </div>
        <div>
          <dt>Seneste udsendelse</dt>
          <dd>
            {last ? (
              <>
                <span className={DELIVERY_STATE_BADGES[last.state]}>{DELIVERY_STATE_LABELS[last.state]}</span> {DELIVERY_KIND_LABELS[last.kind].toLowerCase()},{' '}
                {last.slotText}
                {last.late ? ' (sendt for sent)' : ''}
              </>
            ) : (
              'Ingen endnu'
            )}
          </dd>
        </div>
      </dl>
      <div className="schedule-actions">
        <button type="button" className="button button-secondary" onClick={() => onEdit(schedule)}>
          Ret<span className="visually-hidden"> «{schedule.name}»</span>
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDelete(schedule)}>
          Slet<span className="visually-hidden"> «{schedule.name}»</span>
        </button>
      </div>
      <TestMail schedule={schedule} />
      <MailPreview schedule={schedule} />
      <ScheduleAlerts schedule={schedule} kpis={kpis} />
    </article>
  );
}
