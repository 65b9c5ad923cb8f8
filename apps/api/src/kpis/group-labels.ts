/** Danish labels for the groups of every breakdown, so no client has to know the codes. */
import { DECISIONS, OPERATIONS, TARGET_GROUPS } from '@sol/domain/codes.ts';
import { AGE_BANDS, type BreakdownId } from '@sol/domain/kpi-catalogue.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';

export const TOTAL_LABEL = 'I alt';

export function groupLabel(by: BreakdownId | null, group: string | null, context: KpiContext): string {
  if (group === null || by === null) return TOTAL_LABEL;
  switch (by) {
    case 'targetGroup':
      return TARGET_GROUPS[group as keyof typeof TARGET_GROUPS] ?? group;
    case 'ageBand':
      return AGE_BANDS[group as keyof typeof AGE_BANDS]?.label ?? group;
    case 'paragraph':
      return context.paragraphs.get(group) ?? `§ ${group}`;
    case 'decision':
      return group === 'uafgjort' ? 'Ikke afgjort' : (DECISIONS[group as keyof typeof DECISIONS] ?? group);
    case 'function': {
      const title = context.functions.get(group);
      return title ? `${group} ${title}` : group;
    }
    case 'operation':
      return OPERATIONS[group as keyof typeof OPERATIONS] ?? 'Ukendt driftsform';
    case 'provider':
      return context.providers.get(group) ?? group;
    case 'cohortYear':
      return `Startet i ${group}`;
  }
}
