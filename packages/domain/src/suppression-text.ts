/**
 * How a withheld value is written on every surface (screen, table, tooltip, exports, email), so
 * a reader sees the same marker and the same explanation everywhere (DESIGN §5).
 */
export type SuppressionReason = 'small-count' | 'secondary' | 'small-base' | 'derived';

/** The cell text: a small count is "<5"; a value withheld for another reason is "–". */
export function suppressionMarker(reason: SuppressionReason | string, threshold: number): string {
  return reason === 'small-count' ? `<${threshold}` : '–';
}

/** One Danish sentence saying why the value is not shown. */
export function suppressionExplanation(reason: SuppressionReason | string, threshold: number): string {
  switch (reason) {
    case 'small-count':
      return `Færre end ${threshold} borgere eller sager: tallet vises ikke, så ingen kan genkendes.`;
    case 'secondary':
      return 'Skjult, fordi tallet ellers kunne regnes ud fra totalen og de øvrige tal (sekundær diskretionering).';
    case 'small-base':
      return `Beregnet på færre end ${threshold} borgere eller sager og derfor ikke vist.`;
    default:
      return 'Skjult, fordi et af de tal, værdien bygger på, er diskretioneret.';
  }
}
