/** Danish words for the schedules page: presets, delivery kinds and states, alert states, lists and dates. */
import type { Delivery } from '@sol/api/schemas/schedule.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { formatDateTime } from '../../../shared/format.ts';

export const TIME_ZONE_TEXT = 'dansk tid (Europe/Copenhagen)';

/** The fixed times offered beside the cron field. */
export const CRON_PRESETS: readonly { label: string; cron: string }[] = [
  { label: 'Hver hverdag kl. 07.00', cron: '0 7 * * 1-5' },
  { label: 'Hver mandag kl. 08.00', cron: '0 8 * * 1' },
  { label: 'Den 1. i måneden kl. 07.00', cron: '0 7 1 * *' },
];

/** Whitespace folded, so "0  7 * * 1-5" is the preset too. */
export function normalizeCron(cron: string): string {
  return cron.trim().split(/\s+/).join(' ');
}

export function presetLabel(cron: string): string | null {
  const normalized = normalizeCron(cron);
  return CRON_PRESETS.find((preset) => preset.cron === normalized)?.label ?? null;
}

export const DELIVERY_KIND_LABELS: Record<Delivery['kind'], string> = {
  scheduled: 'Planlagt',
  test: 'Test',
  alert: 'Tærskelalarm',
};

export const DELIVERY_STATE_LABELS: Record<Delivery['state'], string> = {
  pending: 'Venter',
  sent: 'Sendt',
  failed: 'Fejlet',
  skipped: 'Sprunget over',
};

/** The badge class of a state: colour supports the word, never replaces it. */
export const DELIVERY_STATE_BADGES: Record<Delivery['state'], string> = {
  pending: 'badge badge-neutral',
  sent: 'badge badge-ok',
  failed: 'badge badge-error',
  skipped: 'badge badge-warning',
};

export type AlertState = 'unknown' | 'ok' | 'crossed';

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  crossed: 'Tærskel krydset',
  ok: 'OK',
  unknown: 'Ikke tjekket',
};

export const ALERT_STATE_BADGES: Record<AlertState, string> = {
  crossed: 'badge badge-warning',
  ok: 'badge badge-ok',
  unknown: 'badge badge-neutral',
};

/** ["a", "b", "c"] → "a, b og c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} og ${items.at(-1) ?? ''}`;
}

/** A date (`2026-08-31` → `31.08.2026`) or an instant (`31.08.2026 kl. 14.05`), as the API sent it. */
export function dateText(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  return formatDateTime(value) ?? value;
}
