/**
 * Colours the two report writers share, so Word and PDF look alike. Each has at least 4.5:1
 * against white (WCAG AA for text), and the status is always written as a word too, never shown
 * by colour alone.
 */
import type { IndicatorStatus } from '../strategy/indicator-status.ts';

export const STATUS_COLOURS: Record<IndicatorStatus, string> = {
  improved: '#1A6B2F',
  unchanged: '#4A4A4A',
  worse: '#B3261E',
  unknown: '#4A4A4A',
};

/** Secondary text (notes, footers, labels): 8.6:1 against white. */
export const MUTED_COLOUR = '#4A4A4A';
/** Table heads. */
export const HEADER_FILL = '#E8EEF5';
