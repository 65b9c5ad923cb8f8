/**
 * Kysely table types. Column names follow sql/migrations; dates are ISO strings (YYYY-MM-DD) because
 * both drivers are told not to turn DATE into a JS Date (see create-database.ts), and numerics are
 * numbers.
 */
import type { ColumnType, Generated } from 'kysely';

type IsoDate = string;

export interface MunicipalitySettingsTable {
  singleton: Generated<boolean>;
  name: string;
  logo_url: string | null;
  suppression_threshold: Generated<number>;
  fixed_price_base_year: number | null;
  active_strategy_id: string | null;
  follow_up_dates: Generated<string[]>;
}

export interface ParagraphTable {
  code: string;
  title: string;
}

export interface ProcessingDeadlineTable {
  paragraph: string;
  valid_from: IsoDate;
  deadline_days: number;
}

export interface AccountFunctionTable {
  code: string;
  title: string;
  paragraphs: string | null;
}

export interface PriceIndexTable {
  year: number;
  index_value: number;
}

export interface PopulationTable {
  year: number;
  age: number;
  inhabitants: number;
}

export interface CitizenTable {
  citizen_id: string;
  birth_year: number;
  target_group: string;
  formerly_placed: boolean | null;
}

export interface ProviderTable {
  provider_id: string;
  name: string;
  operation: string;
  paragraph: string | null;
  target_group: string | null;
  places: number | null;
}

export interface ApplicationTable {
  application_id: string;
  citizen_id: string;
  paragraph: string;
  received: IsoDate;
  decided: IsoDate | null;
  decision: string | null;
}

export interface ServiceGrantTable {
  grant_id: string;
  citizen_id: string;
  paragraph: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
  provider_id: string | null;
  hours_per_week: number | null;
  daily_rate: number | null;
}

export interface ReviewTable {
  grant_id: string;
  review_date: IsoDate;
}

export interface PostingTable {
  posting_id: string;
  posting_date: IsoDate;
  function_code: string;
  amount: number;
  provider_id: string | null;
}

export interface BudgetTable {
  year: number;
  function_code: string;
  budget_type: string;
  amount: number;
  reported_on: IsoDate | null;
}

export interface MeasurementTable {
  citizen_id: string;
  measured_on: IsoDate;
  measure: string;
  value: number;
}

export interface ImportLogTable {
  import_id: Generated<number>;
  imported_at: ColumnType<Date, never, never>;
  source: 'cli' | 'api' | 'demo';
  files: ColumnType<ImportedFileLog[], string, string>;
  total_rows: number;
  checksum: string;
  duration_ms: number;
}

export interface ImportedFileLog {
  fileName: string;
  rows: number;
  bytes: number;
  sha256: string;
  encoding: string;
  delimiter: string;
}

export interface StrategyTable {
  strategy_id: string;
  municipality: string;
  title: string;
  first_year: number;
  last_year: number;
  baseline_year: number;
}

export interface StrategyThemeTable {
  strategy_id: string;
  theme_no: number;
  title: string;
}

export interface StrategyIndicatorTable {
  indicator_id: string;
  strategy_id: string;
  theme_no: number;
  sort_order: Generated<number>;
  wording: string;
  kpi_id: string;
  measure: string;
  filter: ColumnType<Record<string, unknown>, string | undefined, string>;
  direction: 'up' | 'down';
  baseline_year: number;
  target_value: number | null;
  tolerance: Generated<number>;
}

export interface SchemaMigrationTable {
  version: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface PlanKeyFigureTable {
  year: number;
  unit_cost_2016_prices: number;
  rank_of_29: number;
  recipients_per_1000: number;
}

export interface PlanExpenditureFigureTable {
  figure_no: number;
  title: string;
  value: number;
  unit: string;
}

export interface PlanOfferTable {
  offer_no: number;
  name: string;
  category: string;
  target_group: string;
  paragraph: string;
  places: number;
  note: string | null;
}

export interface PlanEffectTable {
  area: string;
  kind: 'effekt' | 'investering';
  period: string;
  amount_1000_kr: number;
  is_total: boolean;
}

export interface PlanEffectRealizedTable {
  area: string;
  year: number;
  amount_1000_kr: number;
  note: string | null;
  updated_at: ColumnType<Date, never, string>;
}

export interface Tables {
  municipality_settings: MunicipalitySettingsTable;
  paragraph: ParagraphTable;
  processing_deadline: ProcessingDeadlineTable;
  account_function: AccountFunctionTable;
  price_index: PriceIndexTable;
  population: PopulationTable;
  citizen: CitizenTable;
  provider: ProviderTable;
  application: ApplicationTable;
  service_grant: ServiceGrantTable;
  review: ReviewTable;
  posting: PostingTable;
  budget: BudgetTable;
  measurement: MeasurementTable;
  import_log: ImportLogTable;
  strategy: StrategyTable;
  strategy_theme: StrategyThemeTable;
  strategy_indicator: StrategyIndicatorTable;
  schema_migration: SchemaMigrationTable;
  plan_key_figure: PlanKeyFigureTable;
  plan_expenditure_figure: PlanExpenditureFigureTable;
  plan_offer: PlanOfferTable;
  plan_effect: PlanEffectTable;
  plan_effect_realized: PlanEffectRealizedTable;
}
