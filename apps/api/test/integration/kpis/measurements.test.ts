/**
 * K8 measurements on a hand-built dataset: each citizen's latest measurement per code in the
 * period. Main period H1 2024 = 2024-01-01 … 2024-06-30.
 */
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tables } from '../../../src/db/schema.ts';
import { getMeasurements } from '../../../src/kpis/compute/get-measurements.ts';
import { citizen, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { computePeriodRows, computeRows, H1_2024, yearAndMonths } from './compute-rows.ts';

let testDb: TestDatabase;

const compute = computeRows(getMeasurements, () => testDb.database);
const computePeriods = computePeriodRows(getMeasurements, () => testDb.database);

function measured(citizenId: string, on: string, measure: string, value: number): Insertable<Tables['measurement']> {
  return { citizen_id: citizenId, measured_on: on, measure, value };
}

/** All ten measures, in catalogue order: [measured, share/average] per code. */
function values(
  faellesskab: [number, number | null],
  dialog: [number, number | null],
  effekt: [number, number | null],
  trivsel: [number, number | null],
  sammenhaeng: [number, number | null],
) {
  return {
    faellesskabMeasured: faellesskab[0], faellesskabShare: faellesskab[1],
    dialogMeasured: dialog[0], dialogAverage: dialog[1],
    effektMeasured: effekt[0], effektAverage: effekt[1],
    trivselMeasured: trivsel[0], trivselAverage: trivsel[1],
    sammenhaengMeasured: sammenhaeng[0], sammenhaengAverage: sammenhaeng[1],
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadKpiDataset(testDb.database, {
    citizens: [
      citizen('M1', 1994, 'SIND'), // 30 in 2024 (30-49), 29 in 2023
      citizen('M2', 1960, 'SIND'), // 64: 50-64
      citizen('M3', 2000, 'UH'), // 24: 18-24
      citizen('M4', 1950, 'AUT'), // measured only outside H1 2024
    ],
    measurements: [
      measured('M1', '2023-12-31', 'faellesskab', 1), // before H1
      measured('M1', '2024-02-01', 'faellesskab', 0),
      measured('M1', '2024-06-30', 'faellesskab', 1), // latest in H1, on its last day → 1
      measured('M1', '2024-03-01', 'dialog', 2),
      measured('M1', '2024-07-01', 'dialog', 5), // after H1
      measured('M1', '2024-01-01', 'trivsel', 4), // on H1's first day
      measured('M2', '2024-05-01', 'faellesskab', 0),
      measured('M2', '2024-01-15', 'dialog', 5),
      measured('M2', '2024-04-15', 'dialog', 3), // latest wins even though lower → 3
      measured('M2', '2024-02-02', 'effekt', 4),
      measured('M3', '2024-03-03', 'faellesskab', 1),
      measured('M3', '2024-03-03', 'dialog', 4),
      measured('M3', '2024-06-01', 'sammenhaeng', 1),
      measured('M4', '2023-06-01', 'faellesskab', 1),
      measured('M4', '2024-07-01', 'trivsel', 5),
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

describe('K8 measurements', () => {
  // faellesskab: M1 1, M2 0, M3 1 → 3 measured, 2/3. dialog: 2, 3, 4 → 3 measured, mean 3.
  // effekt: M2 4. trivsel: M1 4. sammenhaeng: M3 1.
  const total = values([3, expect.closeTo(2 / 3, 12)], [3, 3], [1, 4], [1, 4], [1, 1]);

  it('takes the latest measurement per citizen and code in the period', async () => {
    expect(await compute(...H1_2024)).toEqual([{ group: null, values: total }]);
  });

  it('breaks down by target group; codes nobody in a group was measured on have no average', async () => {
    expect(await compute(...H1_2024, { by: 'targetGroup' })).toEqual([
      { group: null, values: total },
      // SIND = M1, M2: faellesskab 1, 0 → 1/2; dialog 2, 3 → 2.5; effekt 4; trivsel 4.
      { group: 'SIND', values: values([2, 0.5], [2, 2.5], [1, 4], [1, 4], [0, null]) },
      // UH = M3: faellesskab 1; dialog 4; sammenhaeng 1.
      { group: 'UH', values: values([1, 1], [1, 4], [0, null], [0, null], [1, 1]) },
    ]);
  });

  it('filters by target group', async () => {
    expect(await compute(...H1_2024, { filters: { targetGroup: ['UH'] } })).toEqual([
      { group: null, values: values([1, 1], [1, 4], [0, null], [0, null], [1, 1]) },
    ]);
  });

  it('filters by age band with the age on the period end', async () => {
    // 50-64 = M2: faellesskab 0 → share 0; dialog 3; effekt 4.
    expect(await compute(...H1_2024, { filters: { ageBand: ['50-64'] } })).toEqual([
      { group: null, values: values([1, 0], [1, 3], [1, 4], [0, null], [0, null]) },
    ]);
    // 2023-07-01 … 2024-06-30: M1 is 30 on the last day (29 on the first), so 30-49 = M1 with
    // faellesskab 1 (2024-06-30 is later than 2023-12-31 and 2024-02-01), dialog 2, trivsel 4.
    expect(await compute('2023-07-01', '2024-06-30', { filters: { ageBand: ['30-49'] } })).toEqual([
      { group: null, values: values([1, 1], [1, 2], [0, null], [1, 4], [0, null]) },
    ]);
    expect(await compute('2023-07-01', '2024-06-30', { filters: { ageBand: ['25-29'] } })).toEqual([
      { group: null, values: values([0, null], [0, null], [0, null], [0, null], [0, null]) },
    ]);
  });

  it('a half-year that ends before the latest measurement takes the latest one inside it', async () => {
    // H2 2023: only M1's faellesskab 2023-12-31 = 1 (M4's 2023-06-01 is in H1 2023).
    expect(await compute('2023-07-01', '2023-12-31', { by: 'targetGroup' })).toEqual([
      { group: null, values: values([1, 1], [0, null], [0, null], [0, null], [0, null]) },
      { group: 'SIND', values: values([1, 1], [0, null], [0, null], [0, null], [0, null]) },
    ]);
  });

  it('gives zero counts and no averages for a period without measurements', async () => {
    expect(await compute('2020-01-01', '2020-12-31', { by: 'targetGroup' })).toEqual([
      { group: null, values: values([0, null], [0, null], [0, null], [0, null], [0, null]) },
    ]);
  });

  it('computes 2024 and its months in one call; August has no measurements', async () => {
    // 2024, January … December, then H1 2024 again after the empty months.
    const results = await computePeriods([...yearAndMonths(2024), { from: H1_2024[0], to: H1_2024[1] }]);
    // 2024: faellesskab M1 1 (06-30), M2 0, M3 1 → 2/3; dialog M1 5 (07-01), M2 3, M3 4 → 4;
    // effekt M2 4; trivsel M1 4, M4 5 (07-01) → 4.5; sammenhaeng M3 1.
    expect(results[0]).toEqual([{ group: null, values: values([3, expect.closeTo(2 / 3, 12)], [3, 4], [1, 4], [2, 4.5], [1, 1]) }]);
    // January: M1 trivsel 4 (01-01), M2 dialog 5 (01-15; her 04-15 one is later in the year only).
    expect(results[1]).toEqual([{ group: null, values: values([0, null], [1, 5], [0, null], [1, 4], [0, null]) }]);
    // July: M1 dialog 5, M4 trivsel 5. August: nothing.
    expect(results[7]).toEqual([{ group: null, values: values([0, null], [1, 5], [0, null], [1, 5], [0, null]) }]);
    expect(results[8]).toEqual([{ group: null, values: values([0, null], [0, null], [0, null], [0, null], [0, null]) }]);
    expect(results[13]).toEqual([{ group: null, values: total }]);
  });
});

describe('K8 drill to rows', () => {
  it('lists exactly the latest measurements per citizen and code the KPI counts', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'measurements', [
      { year: 2024, half: 1, asOf: '2024-12-31' },
      { year: 2024, asOf: '2024-12-31', by: 'targetGroup' },
      { year: 2024, half: 1, asOf: '2024-12-31', by: 'targetGroup', ageBand: '18-24,30-49' },
    ]);
    expect(compared).toBeGreaterThan(10);
  });

  it('shows the latest measurement of each code, not an earlier one in the period', async () => {
    const drill = await drillAllShown(testDb.database, 'measurements', { year: 2024, half: 1, asOf: '2024-12-31', by: 'targetGroup', group: 'SIND' });
    const row = (citizenId: string, measure: string, measuredOn: string, value: number) =>
      ({ citizenId, targetGroup: 'Sindslidelse', measure, measuredOn, value });
    expect(drill.rows).toEqual([
      row('M1', 'Oplever løbende dialog med sagsbehandler', '2024-03-01', 2),
      row('M1', 'Deltager i fællesskab', '2024-06-30', 1),
      row('M1', 'Trivsel i tilbuddet', '2024-01-01', 4),
      row('M2', 'Oplever løbende dialog med sagsbehandler', '2024-04-15', 3),
      row('M2', 'Oplever effekt af indsatsen', '2024-02-02', 4),
      row('M2', 'Deltager i fællesskab', '2024-05-01', 0),
    ]);
  });
});
