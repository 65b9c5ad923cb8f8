/**
 * The delivery log, newest first: every scheduled, test and alert email with when it was due
 * (Danish time), its state, attempts, the next attempt and the last error. Filtered by schedule;
 * fetched again every 10 seconds while the page is open, so retries show as they happen.
 */
import { useId, useState, type ReactElement } from 'react';
import type { Delivery, Schedule } from '@sol/api/schemas/schedule.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { DELIVERY_LOG_LIMIT, useDeliveries } from '../api/get-deliveries.ts';
import { DELIVERY_KIND_LABELS, DELIVERY_STATE_BADGES, DELIVERY_STATE_LABELS, listText } from './schedule-text.ts';

function DeliveryRow({ delivery }: { delivery: Delivery }): ReactElement {
  const next = delivery.state === 'pending' && delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : null;
  const sent = delivery.sentAt ? formatDateTime(delivery.sentAt) : null;
  const remark = [delivery.lastError, delivery.note].filter(Boolean).join(' · ');
  return (
    <tr>
      <th scope="row">
        <time dateTime={delivery.slotAt}>{delivery.slotText}</time>
        {delivery.late ? (
          <>
            {' '}
            <span className="badge badge-warning">Sendt for sent</span>
          </>
        ) : null}
      </th>
      <td>{delivery.scheduleName}</td>
      <td>{DELIVERY_KIND_LABELS[delivery.kind]}</td>
      <td>
        <span className={DELIVERY_STATE_BADGES[delivery.state]}>{DELIVERY_STATE_LABELS[delivery.state]}</span>
        {sent ? <span className="delivery-sent-at"> {sent}</span> : null}
      </td>
      <td className="numeric">{formatNumber(delivery.attempts)}</td>
      <td>{next ?? '–'}</td>
      <td className="delivery-recipients">{listText(delivery.recipients)}</td>
      <td>{delivery.subject ?? '–'}</td>
      <td className={delivery.lastError ? 'delivery-error' : undefined}>{remark || '–'}</td>
    </tr>
  );
}

export function DeliveryLog({ schedules }: { schedules: readonly Schedule[] }): ReactElement {
  const id = useId();
  const [scheduleId, setScheduleId] = useState<number | null>(null);
  // A schedule deleted meanwhile is no longer a choice: back to all.
  const chosen = scheduleId !== null && schedules.some((schedule) => schedule.id === scheduleId) ? scheduleId : null;
  const deliveries = useDeliveries({ scheduleId: chosen, limit: DELIVERY_LOG_LIMIT });
  const updated = deliveries.dataUpdatedAt > 0 ? formatDateTime(new Date(deliveries.dataUpdatedAt).toISOString()) : null;

  return (
    <section className="page-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Udsendelseslog</h2>
      <p className="section-lead">
        Hver mail, nyeste først: planlagte udsendelser, test og tærskelalarmer. En mail, der ikke kunne sendes, prøves igen med stigende mellemrum.
        Listen opdateres af sig selv hvert 10. sekund.
      </p>
      <div className="section-controls">
        <label htmlFor={`${id}-filter`}>Vis for</label>
        <select id={`${id}-filter`} value={chosen ?? ''} onChange={(event) => setScheduleId(event.currentTarget.value ? Number(event.currentTarget.value) : null)}>
          <option value="">Alle udsendelser</option>
          {schedules.map((schedule) => (
            <option key={schedule.id} value={schedule.id}>
              {schedule.name}
            </option>
          ))}
        </select>
        {updated ? <p className="section-controls-status">Opdateret {updated}</p> : null}
      </div>
      <QueryResult query={deliveries} loading="Henter udsendelsesloggen …" error="Udsendelsesloggen kunne ikke hentes">
        {({ deliveries: rows }) =>
          rows.length === 0 ? (
            <div className="empty" data-testid="delivery-log">
              <p className="empty-title">Der er ikke sendt noget endnu</p>
              <p>Hver udsendelse, test og alarm vises her med tidspunkt, status og eventuelle fejl.</p>
            </div>
          ) : (
            <div className="table-scroll table-scroll-tall" role="region" aria-labelledby={`${id}-heading`} tabIndex={0}>
              <table className="data-table delivery-log" data-testid="delivery-log">
                <caption className="visually-hidden">
                  Udsendelser, nyeste først{rows.length >= DELIVERY_LOG_LIMIT ? ` (de seneste ${formatNumber(DELIVERY_LOG_LIMIT)})` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Tidspunkt (dansk tid)</th>
                    <th scope="col">Udsendelse</th>
                    <th scope="col">Type</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="numeric">
                      Forsøg
                    </th>
                    <th scope="col">Næste forsøg</th>
                    <th scope="col">Modtagere</th>
                    <th scope="col">Emne</th>
                    <th scope="col">Fejl og bemærkninger</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((delivery) => (
                    <DeliveryRow key={delivery.id} delivery={delivery} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryResult>
    </section>
  );
}
