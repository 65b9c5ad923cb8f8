/** The schedules, each as a card with its actions; an empty list says what a schedule is. */
import type { ReactElement } from 'react';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import type { KpiDefinitionResponse } from '@sol/api/schemas/kpi-result.ts';
import { ScheduleCard, type ScheduleCardProps } from './ScheduleCard.tsx';

export function ScheduleList({
  schedules,
  kpis,
  onEdit,
  onDelete,
}: { schedules: readonly Schedule[]; kpis: readonly KpiDefinitionResponse[] } & Pick<ScheduleCardProps, 'onEdit' | 'onDelete'>): ReactElement {
  if (schedules.length === 0) {
    return (
      <div className="empty" data-testid="schedule-list">
        <p className="empty-title">Der er ingen udsendelser endnu</p>
        <p>Opret den første med formularen herunder: vælg hvornår, hvem der skal have mailen, og hvilke nøgletal den skal vise.</p>
      </div>
    );
  }
  return (
    <ul className="schedule-list" data-testid="schedule-list">
      {schedules.map((schedule) => (
        <li key={schedule.id}>
          <ScheduleCard schedule={schedule} kpis={kpis} onEdit={onEdit} onDelete={onDelete} />
        </li>
      ))}
    </ul>
  );
}
