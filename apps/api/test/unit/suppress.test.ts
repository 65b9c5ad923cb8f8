import { findKpi, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/kpis/kpi-query.ts';
import { suppressRows } from '../../src/kpis/suppress.ts';

const housing = findKpi('housing') as KpiDefinition;
const expenditure = findKpi('expenditure') as KpiDefinition;

function housingRow(group: string | null, independent: number, residential: number, youngEntering = 0): KpiRow {
  const total = independent + residential;
  return {
    group,
    values: { independent, residential, total, independentShare: total ? independent / total : null, youngEntering },
  };
}

describe('primary suppression', () => {
  it('withholds counts from 1 to 4 and keeps 0 and 5', () => {
    const [row] = suppressRows(housing, [housingRow(null, 5, 0, 4)], 5);
    expect(row?.values).toMatchObject({ independent: 5, residential: 0, total: 5, youngEntering: null });
    expect(row?.suppressed).toEqual({ youngEntering: 'small-count' });
  });

  it('follows the threshold setting', () => {
    const [row] = suppressRows(housing, [housingRow(null, 7, 10, 9)], 10);
    // 7 and 9 are below 10; 7 + 10 = 17 is the total, so residential (10) is withheld too,
    // and the share, derived from withheld counts, goes with them.
    expect(row?.suppressed).toEqual({
      independent: 'small-count',
      youngEntering: 'small-count',
      residential: 'secondary',
      independentShare: 'derived',
    });
    expect(row?.values.total).toBe(17);
  });

  it('hides a statistic whose base is under the threshold', () => {
    // total 4: every count withheld, and the share rests on 4 citizens.
    const [row] = suppressRows(housing, [housingRow(null, 2, 2)], 5);
    expect(row?.values.independentShare).toBeNull();
    expect(row?.suppressed.independentShare).toBe('small-base');
  });

  it('never withholds amounts', () => {
    const [row] = suppressRows(expenditure, [{ group: null, values: { amount: 3, perInhabitant: 1, shareOfTotal: 1 } }], 5);
    expect(row?.values).toMatchObject({ amount: 3, perInhabitant: 1, shareOfTotal: 1 });
    expect(row?.suppressed).toEqual({});
  });
});

describe('secondary suppression', () => {
  it('withholds the next smallest group when one group is withheld and the total is shown', () => {
    const rows = [
      housingRow(null, 60, 40),
      housingRow('AUT', 30, 20),
      housingRow('SIND', 27, 10),
      housingRow('UH', 3, 10), // independent 3 is withheld; 27 is the next smallest shown independent count
    ];
    const result = suppressRows(housing, rows, 5);
    expect(result[3]?.suppressed.independent).toBe('small-count');
    expect(result[2]?.suppressed.independent).toBe('secondary');
    expect(result[1]?.suppressed.independent).toBeUndefined();
    // In the UH row, independent 3 withheld with total 13 shown → residential (10) withheld too;
    // likewise in the SIND row after its independent was withheld. The residential column then has
    // two withheld cells (SIND 10, UH 10) and needs nothing more.
    expect(result[3]?.suppressed.residential).toBe('secondary');
    expect(result[2]?.suppressed.residential).toBe('secondary');
    expect(result[1]?.suppressed.residential).toBeUndefined();
    // The shares of those rows are derived from withheld counts.
    expect(result[3]?.values.independentShare).toBeNull();
    expect(result[2]?.values.independentShare).toBeNull();
    expect(result[1]?.values.independentShare).toBeCloseTo(0.6);
    // The total row is untouched.
    expect(result[0]?.suppressed).toEqual({});
  });

  it('needs nothing more when two cells of a line are already withheld', () => {
    const rows = [housingRow(null, 40, 40), housingRow('AUT', 2, 20), housingRow('SIND', 3, 10), housingRow('UH', 35, 10)];
    const result = suppressRows(housing, rows, 5);
    expect(result[3]?.suppressed.independent).toBeUndefined();
    expect(result[1]?.suppressed.independent).toBe('small-count');
    expect(result[2]?.suppressed.independent).toBe('small-count');
  });

  it('prefers a non-zero cell to a zero cell', () => {
    const rows = [
      { group: null, values: { youngEntering: 12 } },
      { group: 'AUT', values: { youngEntering: 0 } },
      { group: 'SIND', values: { youngEntering: 2 } },
      { group: 'UH', values: { youngEntering: 10 } },
    ];
    const result = suppressRows(housing, rows, 5);
    expect(result[1]?.suppressed.youngEntering).toBeUndefined();
    expect(result[3]?.suppressed.youngEntering).toBe('secondary');
  });

  it('leaves the total alone when a single withheld group has no other cell to pair with', () => {
    // 3 of 9 cannot be recovered: nothing else of the line is shown to subtract.
    const rows = [
      { group: null, values: { youngEntering: 9 } },
      { group: 'AUT', values: { youngEntering: 3 } },
    ];
    const result = suppressRows(housing, rows, 5);
    expect(result[0]?.values.youngEntering).toBe(9);
    expect(result[1]?.values.youngEntering).toBeNull();
  });

  it('does not treat a count that is never shown as a cell', () => {
    const reviews = findKpi('reviews') as KpiDefinition;
    // due 50, reviewed 47: "not reviewed" (3) is not a shown cell, so nothing is withheld.
    const [row] = suppressRows(reviews, [{ group: null, values: { due: 50, reviewed: 47, reviewedShare: 0.94, notYetDue: 20 } }], 5);
    expect(row?.suppressed).toEqual({});
    expect(row?.values.reviewedShare).toBe(0.94);
  });

  it('keeps the total of a row whose only part is withheld', () => {
    const k1 = findKpi('case-processing') as KpiDefinition;
    // openAtEnd 30 with openPastDeadline 2: the 2 cannot be recovered from 30 alone.
    const [row] = suppressRows(k1, [{ group: null, values: { openAtEnd: 30, openPastDeadline: 2, decided: 100 } }], 5);
    expect(row?.suppressed).toEqual({ openPastDeadline: 'small-count' });
    expect(row?.values.openAtEnd).toBe(30);
  });
});
