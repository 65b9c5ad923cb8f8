/** GET /api/reference/filters: what the dashboard's global filters can choose from. */
import { Type, type Static } from 'typebox';

const Choice = Type.Object({ code: Type.String(), label: Type.String() });
export const FilterChoices = Type.Object({
  earliestDate: Type.Union([Type.String(), Type.Null()], { description: 'Første dato med data' }),
  defaultAsOf: Type.Union([Type.String(), Type.Null()], { description: 'Standard-opgørelsesdato' }),
  dataVersion: Type.Integer(),
  years: Type.Array(Type.Integer(), { description: 'Årene med data, nyeste sidst' }),
  defaultBaseYear: Type.Union([Type.Integer(), Type.Null()]),
  priceIndexYears: Type.Array(Type.Integer()),
  targetGroups: Type.Array(Choice),
  paragraphs: Type.Array(Choice),
  ageBands: Type.Array(Choice),
  operations: Type.Array(Choice),
});
export type FilterChoices = Static<typeof FilterChoices>;
