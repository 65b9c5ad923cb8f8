/**
 * The schedule form's values and their check: the same bounds as the API's ScheduleBody
 * (apps/api/src/schemas/schedule.ts), with a Danish message per field that names what is wrong.
 * The API checks again; its message is shown when it disagrees.
 */
import type { Schedule, ScheduleBody } from '@sol/api/schemas/schedule.ts';
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { listText, normalizeCron } from './schedule-text.ts';

export const MAX_NAME = 200;
export const MAX_RECIPIENTS = 50;
export const MAX_KPIS = 12;
const MIN_CRON = 9;
const MAX_CRON = 100;
/** The API's pattern for an address's shape; whether it is a real address is the mail server's call. */
const EMAIL_SHAPE = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
const MAX_EMAIL = 254;

export interface ScheduleFormValues {
  name: string;
  cron: string;
  /** As typed: one per line or separated by commas or semicolons. */
  recipients: string;
  kpiIds: string[];
  attachXlsx: boolean;
  enabled: boolean;
}

export type ScheduleField = 'name' | 'cron' | 'recipients' | 'kpiIds';
export type ScheduleErrors = Partial<Record<ScheduleField, string>>;

export const FIELD_ORDER: readonly ScheduleField[] = ['name', 'cron', 'recipients', 'kpiIds'];

export const EMPTY_VALUES: ScheduleFormValues = { name: '', cron: '0 7 * * 1-5', recipients: '', kpiIds: [], attachXlsx: false, enabled: true };

export function valuesOf(schedule: Schedule): ScheduleFormValues {
  return {
    name: schedule.name,
    cron: schedule.cron,
    recipients: schedule.recipients.join('\n'),
    kpiIds: [...schedule.kpiIds],
    attachXlsx: schedule.attachXlsx,
    enabled: schedule.enabled,
  };
}

/** The addresses in the order typed, without blanks and repeats (a repeat in any case). */
export function splitRecipients(text: string): string[] {
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const part of text.split(/[\n,;]+/)) {
    const address = part.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return addresses;
}

/** The Danish message for a list of addresses, or null when every address has an address's shape. */
export function recipientsError(addresses: readonly string[], required: boolean): string | null {
  if (addresses.length === 0) return required ? 'Skriv mindst én modtagers e-mailadresse, fx navn@kommune.dk.' : null;
  if (addresses.length > MAX_RECIPIENTS) {
    return `Der kan højst være ${MAX_RECIPIENTS} modtagere; der er ${formatDecimal(addresses.length)}. Brug evt. en fællespostkasse.`;
  }
  const bad = addresses.filter((address) => address.length > MAX_EMAIL || !EMAIL_SHAPE.test(address));
  if (bad.length === 0) return null;
  const named = listText(bad.map((address) => `«${address}»`));
  return bad.length === 1
    ? `${named} er ikke en gyldig e-mailadresse. Skriv den som navn@kommune.dk.`
    : `${named} er ikke gyldige e-mailadresser. Skriv dem som navn@kommune.dk.`;
}

/**
 * `previewError` is the API's message for the expression as typed, when the live preview has
 * answered it with one: the form then says the same before anything is sent.
 */
export function validateSchedule(
  values: ScheduleFormValues,
  knownKpiIds: readonly string[],
  previewError: string | null,
): { body: ScheduleBody | null; errors: ScheduleErrors } {
  const errors: ScheduleErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Giv udsendelsen et navn, fx «Ugens nøgletal til ledelsen».';
  else if (name.length > MAX_NAME) errors.name = `Navnet må højst være ${MAX_NAME} tegn; det er ${formatDecimal(name.length)} tegn nu.`;

  const cron = normalizeCron(values.cron);
  const fields = cron ? cron.split(' ').length : 0;
  if (!cron) errors.cron = 'Skriv hvornår mailen skal sendes som et cron-udtryk, eller vælg en af de faste tider.';
  else if (fields !== 5) {
    errors.cron = `Et cron-udtryk har fem felter adskilt af mellemrum (minut, time, dag, måned og ugedag), fx 0 7 * * 1-5; «${cron}» har ${fields}.`;
  } else if (cron.length < MIN_CRON || cron.length > MAX_CRON) {
    errors.cron = `Cron-udtrykket skal være mellem ${MIN_CRON} og ${MAX_CRON} tegn langt, fx 0 7 * * 1-5.`;
  } else if (previewError) errors.cron = previewError;

  const recipients = splitRecipients(values.recipients);
  const recipientsMessage = recipientsError(recipients, true);
  if (recipientsMessage) errors.recipients = recipientsMessage;

  const kpiIds = knownKpiIds.filter((id) => values.kpiIds.includes(id));
  if (kpiIds.length === 0) errors.kpiIds = 'Vælg mindst ét nøgletal, mailen skal vise.';
  else if (kpiIds.length > MAX_KPIS) errors.kpiIds = `Vælg højst ${MAX_KPIS} nøgletal; der er valgt ${kpiIds.length}.`;

  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: { name, cron, recipients, kpiIds, attachXlsx: values.attachXlsx, enabled: values.enabled }, errors };
}

/** "80", "12,5", "1.234,5", "−3" → a number; null when the text is not a Danish number. */
export function parseDanishNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[\u2212\u2013]/g, '-').replace(/\s/g, '').replace(/%$/, '');
  if (/^[-+]?\d+(,\d+)?$/.test(cleaned)) return Number(cleaned.replace(',', '.'));
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) return Number(cleaned.replace(/\./g, '').replace(',', '.'));
  // A decimal point as in English ("12.5") is read as a decimal too: no thousands group has one or two digits.
  if (/^[-+]?\d+\.\d{1,2}$/.test(cleaned)) return Number(cleaned);
  return null;
}
