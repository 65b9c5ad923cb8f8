/**
 * A deterministic small municipality for route-level tests: 60 citizens spread over every group
 * in 2021–2024, so most groups are tiny and suppression has work to do.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../../src/db/create-database.ts';
import type { Tables } from '../../src/db/schema.ts';
import { citizen, grant, loadKpiDataset } from './kpi-dataset.ts';

function smallMunicipality() {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const groups = ['UH', 'AUT', 'SIND', 'HJERNE', 'FYS', 'MISBRUG', 'UDSAT'];
  const paragraphs = ['85', '85', '85', '105', '107', '108', '103', '104', '82a', '110', '101'];
  const citizens = [];
  const grants: Insertable<Tables['service_grant']>[] = [];
  const applications: Insertable<Tables['application']>[] = [];
  const reviews: Insertable<Tables['review']>[] = [];
  const measurements: Insertable<Tables['measurement']>[] = [];
  const day = (offset: number): string => new Date(Date.UTC(2021, 0, 1 + offset)).toISOString().slice(0, 10);
  for (let index = 0; index < 60; index += 1) {
    const id = `b${index}`;
    // Most citizens in SIND and UH so that those groups are shown and the rest are small.
    const group = index % 3 === 0 ? 'SIND' : index % 3 === 1 ? 'UH' : (groups[next(groups.length)] as string);
    citizens.push(citizen(id, 1950 + next(55), group, next(4) === 0));
    for (let g = 0; g < 1 + next(2); g += 1) {
      const paragraph = paragraphs[next(paragraphs.length)] as string;
      const start = next(1100);
      const end = next(3) === 0 ? null : start + 30 + next(600);
      const row = grant(id, paragraph, day(start), end === null ? null : day(end), {
        provider_id: next(3) === 0 ? null : next(2) === 0 ? 'p-int' : 'p-ext',
        daily_rate: next(2) === 0 ? 1000 + next(2000) : null,
      });
      grants.push(row);
      if (next(2) === 0) reviews.push({ grant_id: row.grant_id, review_date: day(start + 200 + next(300)) });
      const received = start - 10 - next(60);
      applications.push({
        application_id: `a-${row.grant_id}`,
        citizen_id: id,
        paragraph,
        received: day(received),
        decided: next(5) === 0 ? null : day(received + next(90)),
        decision: null,
      });
    }
    measurements.push({ citizen_id: id, measured_on: day(300 + next(700)), measure: 'trivsel', value: 1 + next(5) });
    measurements.push({ citizen_id: id, measured_on: day(300 + next(700)), measure: 'faellesskab', value: next(2) });
  }
  for (const application of applications) application.decision = application.decided ? 'bevilget' : null;
  const postings = [];
  for (let index = 0; index < 200; index += 1) {
    postings.push({
      posting_id: `post${index}`,
      posting_date: day(next(1460)),
      function_code: ['5.38.50', '5.38.38', '5.38.52'][next(3)] as string,
      amount: 10_000 + next(90_000),
      provider_id: next(2) === 0 ? 'p-int' : null,
    });
  }
  return { citizens, grants, applications, reviews, measurements, postings };
}


export async function loadSmallMunicipality(database: Database): Promise<void> {
  await loadKpiDataset(database, {
    ...smallMunicipality(),
    providers: [
      { provider_id: 'p-int', name: 'Egen bo', operation: 'intern', places: 20 },
      { provider_id: 'p-ext', name: 'Købt bo', operation: 'ekstern', places: null },
    ],
    population: [2021, 2022, 2023, 2024].flatMap((year) => [
      { year, age: 30, inhabitants: 20_000 },
      { year, age: 70, inhabitants: 5_000 },
    ]),
    budgets: [{ year: 2023, function_code: '5.38.50', budget_type: 'korrigeret', amount: 5_000_000 }],
  });
}
