/**
 * Paragraphs as a reader looks for them: in legal order (§ 82 a before § 101, which a string sort
 * would not give) and named with the paragraph first, so a cut-off label still shows the §.
 */
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';

/** 82a → [82, 'a']: the number, then the letter. */
function paragraphSortKey(code: string): [number, string] {
  const match = /^(\d+)(.*)$/.exec(code);
  return match ? [Number(match[1]), match[2] ?? ''] : [Number.POSITIVE_INFINITY, code];
}

export function compareParagraphs(a: string, b: string): number {
  const [numberA, restA] = paragraphSortKey(a);
  const [numberB, restB] = paragraphSortKey(b);
  return numberA !== numberB ? numberA - numberB : restA.localeCompare(restB, 'da');
}

/** "Behandling af stofmisbrugere (§ 101)" → "§ 101 Behandling af stofmisbrugere". */
export function paragraphFirst(label: string): string {
  const match = /^(.*?)\s*\((§\s?[^)]+)\)\s*$/.exec(label);
  return match ? `${match[2]} ${match[1]}` : label;
}

/** The answer with its paragraph groups in legal order and named paragraph first ("I alt" stays first). */
export function inParagraphOrder(result: KpiResult): KpiResult {
  const total = result.rows.filter((row) => row.group === null);
  const groups = result.rows
    .filter((row) => row.group !== null)
    .sort((a, b) => compareParagraphs(a.group ?? '', b.group ?? ''))
    .map((row) => ({ ...row, label: paragraphFirst(row.label) }));
  return { ...result, rows: [...total, ...groups] };
}

/** Only the paragraphs with a deadline: without one there is no share within it to show. */
export function withDeadlineOnly(result: KpiResult): KpiResult {
  return { ...result, rows: result.rows.filter((row) => row.group === null || row.values['decidedWithDeadline'] !== 0) };
}
