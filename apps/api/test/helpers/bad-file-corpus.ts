/**
 * The corpus of bad files: each case is a batch that must be refused with exactly the listed
 * errors (file, line, column, reason) and leave the database unchanged. Cases are imported on top
 * of VALID_FILES, so references to B001, T01, I1 … resolve from the database.
 */
import type { FileContent } from './import-fixtures.ts';

export interface ExpectedError {
  file: string;
  line: number | null;
  column: string | null;
  reason: RegExp;
  value?: string | null;
}

export interface BadFileCase {
  name: string;
  files: Record<string, FileContent>;
  errors: ExpectedError[];
}

const borgereHeader = 'borger_id;foedselsaar;maalgruppe;tidligere_anbragt';
const indsatserHeader = 'indsats_id;borger_id;paragraf;start;slut;tilbud_id;timer_pr_uge;takst_pr_dag';

export const BAD_FILE_CORPUS: BadFileCase[] = [
  {
    name: 'unknown file name',
    files: { 'borger.csv': `${borgereHeader}\nB100;1990;SIND;` },
    errors: [{ file: 'borger.csv', line: null, column: null, reason: /Ukendt filnavn/ }],
  },
  {
    name: 'the same file twice in one batch',
    files: { 'borgere.csv': `${borgereHeader}\nB100;1990;SIND;`, 'BORGERE.csv': `${borgereHeader}\nB101;1990;SIND;` },
    errors: [{ file: 'BORGERE.csv', line: null, column: null, reason: /mere end én gang/ }],
  },
  {
    name: 'empty file',
    files: { 'borgere.csv': '' },
    errors: [{ file: 'borgere.csv', line: null, column: null, reason: /Filen er tom/ }],
  },
  {
    name: 'binary file (a spreadsheet saved under a .csv name)',
    files: { 'borgere.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]) },
    errors: [{ file: 'borgere.csv', line: null, column: null, reason: /binær/ }],
  },
  {
    name: 'unknown column',
    files: { 'borgere.csv': `${borgereHeader};kommune\nB100;1990;SIND;;Taastrup` },
    errors: [{ file: 'borgere.csv', line: 1, column: '5', value: 'kommune', reason: /Ukendt kolonne/ }],
  },
  {
    name: 'missing required column',
    files: { 'borgere.csv': 'borger_id;maalgruppe\nB100;SIND' },
    errors: [{ file: 'borgere.csv', line: 1, column: 'foedselsaar', reason: /Påkrævet kolonne mangler/ }],
  },
  {
    name: 'duplicate column',
    files: { 'borgere.csv': 'borger_id;foedselsaar;maalgruppe;Maalgruppe\nB100;1990;SIND;UH' },
    errors: [{ file: 'borgere.csv', line: 1, column: '4', reason: /mere end én gang/ }],
  },
  {
    name: 'a CPR number as a column name',
    files: { 'borgere.csv': `${borgereHeader};cpr_nr\nB100;1990;SIND;;x` },
    errors: [{ file: 'borgere.csv', line: 1, column: '5', reason: /CPR/ }],
  },
  {
    name: 'CPR-like values (dashed and ten digits with a real date) are refused and never echoed',
    files: { 'borgere.csv': `${borgereHeader}\n010190-1234;1990;SIND;\n3112851234;1985;UH;\nB102;1990;SIND;` },
    errors: [
      { file: 'borgere.csv', line: 2, column: 'borger_id', value: '••••••-••••', reason: /CPR/ },
      { file: 'borgere.csv', line: 3, column: 'borger_id', value: '••••••••••', reason: /CPR/ },
    ],
  },
  {
    name: 'required value missing',
    files: { 'borgere.csv': `${borgereHeader}\n;1990;SIND;\nB101;;UH;` },
    errors: [
      { file: 'borgere.csv', line: 2, column: 'borger_id', reason: /Værdi mangler/ },
      { file: 'borgere.csv', line: 3, column: 'foedselsaar', reason: /Værdi mangler/ },
    ],
  },
  {
    name: 'unknown code and bad yes/no',
    files: { 'borgere.csv': `${borgereHeader}\nB100;1990;XYZ;\nB101;1990;UH;måske` },
    errors: [
      { file: 'borgere.csv', line: 2, column: 'maalgruppe', value: 'XYZ', reason: /Ukendt kode/ },
      { file: 'borgere.csv', line: 3, column: 'tidligere_anbragt', value: 'måske', reason: /ja eller nej/ },
    ],
  },
  {
    name: 'birth year in the future and out of range',
    files: { 'borgere.csv': `${borgereHeader}\nB100;2099;UH;\nB101;1850;UH;` },
    errors: [
      { file: 'borgere.csv', line: 2, column: 'foedselsaar', reason: /fremtiden/ },
      { file: 'borgere.csv', line: 3, column: 'foedselsaar', reason: /mellem 1900 og 2100/ },
    ],
  },
  {
    name: 'the same id twice in a file',
    files: { 'borgere.csv': `${borgereHeader}\nB100;1990;UH;\nB101;1990;UH;\nB100;1991;UH;` },
    errors: [{ file: 'borgere.csv', line: 4, column: 'borger_id', reason: /Samme nøgle som linje 2/ }],
  },
  {
    name: 'a row with the wrong number of fields',
    files: { 'borgere.csv': `${borgereHeader}\nB100;1990;UH\nB101;1990;UH;;ekstra` },
    errors: [
      { file: 'borgere.csv', line: 2, column: null, reason: /3 felter, men overskriften har 4/ },
      { file: 'borgere.csv', line: 3, column: null, reason: /5 felter, men overskriften har 4/ },
    ],
  },
  {
    name: 'an unclosed quote',
    files: { 'borgere.csv': `${borgereHeader}\nB100;1990;UH;\n"B101;1990;UH;\nB102;1990;UH;` },
    errors: [{ file: 'borgere.csv', line: 4, column: null, reason: /anførselstegn/ }],
  },
  {
    name: 'bad and impossible dates',
    files: {
      'indsatser.csv': `${indsatserHeader}\nI100;B001;85;2024/01/01;;;;\nI101;B001;85;2023-02-29;;;;\nI102;B001;85;31.04.2024;;;;`,
    },
    errors: [
      { file: 'indsatser.csv', line: 2, column: 'start', value: '2024/01/01', reason: /Ugyldig dato/ },
      { file: 'indsatser.csv', line: 3, column: 'start', value: '2023-02-29', reason: /findes ikke/ },
      { file: 'indsatser.csv', line: 4, column: 'start', value: '31.04.2024', reason: /findes ikke/ },
    ],
  },
  {
    name: 'end before start',
    files: { 'indsatser.csv': `${indsatserHeader}\nI100;B001;85;2024-03-01;2024-02-29;;;` },
    errors: [{ file: 'indsatser.csv', line: 2, column: 'slut', value: '2024-02-29', reason: /før start/ }],
  },
  {
    name: 'bad and ambiguous numbers',
    files: {
      'indsatser.csv': `${indsatserHeader}\nI100;B001;85;2024-03-01;;;fem;\nI101;B001;108;2024-03-01;;T02;;12.345\nI102;B001;85;2024-03-01;;;200;`,
    },
    errors: [
      { file: 'indsatser.csv', line: 2, column: 'timer_pr_uge', value: 'fem', reason: /Ugyldigt tal/ },
      { file: 'indsatser.csv', line: 3, column: 'takst_pr_dag', value: '12.345', reason: /Tvetydigt/ },
      { file: 'indsatser.csv', line: 4, column: 'timer_pr_uge', value: '200', reason: /mellem 0 og 168/ },
    ],
  },
  {
    name: 'references to citizens, providers and paragraphs that do not exist',
    files: {
      'indsatser.csv': `${indsatserHeader}\nI100;B999;85;2024-03-01;;;;\nI101;B001;108;2024-03-01;;T99;;\nI102;B001;999;2024-03-01;;;;`,
    },
    errors: [
      { file: 'indsatser.csv', line: 2, column: 'borger_id', value: 'B999', reason: /Findes ikke i borgere.csv/ },
      { file: 'indsatser.csv', line: 3, column: 'tilbud_id', value: 'T99', reason: /Findes ikke i tilbud.csv/ },
      { file: 'indsatser.csv', line: 4, column: 'paragraf', value: '999', reason: /Findes ikke i paragraflisten/ },
    ],
  },
  {
    name: 'a posting on an unknown chart-of-accounts function',
    files: { 'posteringer.csv': 'posterings_id;dato;funktion;beloeb;tilbud_id\nP100;2024-02-29;5.38.99;100;' },
    errors: [{ file: 'posteringer.csv', line: 2, column: 'funktion', value: '5.38.99', reason: /kontoplanens funktioner/ }],
  },
  {
    name: 'decision rules of applications',
    files: {
      'ansoegninger.csv':
        'sag_id;borger_id;paragraf;modtaget;afgjort;afgoerelse\nS100;B001;85;2024-02-01;2024-01-31;bevilget\nS101;B001;85;2024-02-01;2024-03-01;\nS102;B001;85;2024-02-01;;afslag',
    },
    errors: [
      { file: 'ansoegninger.csv', line: 2, column: 'afgjort', reason: /før modtaget/ },
      { file: 'ansoegninger.csv', line: 3, column: 'afgoerelse', reason: /skal have en afgørelse/ },
      { file: 'ansoegninger.csv', line: 4, column: 'afgjort', reason: /kræver en afgørelsesdato/ },
    ],
  },
  {
    name: 'a forecast without its date',
    files: { 'budget.csv': 'aar;funktion;type;beloeb;opgjort_dato\n2025;5.38.50;forventet;1000;' },
    errors: [{ file: 'budget.csv', line: 2, column: 'opgjort_dato', reason: /kræver en opgjort_dato/ }],
  },
  {
    name: 'measurements outside their scale',
    files: {
      'maalinger.csv': 'borger_id;dato;maaling;vaerdi\nB001;2024-06-01;trivsel;6\nB001;2024-06-01;faellesskab;0,5\nB001;2024-06-01;humoer;3',
    },
    errors: [
      { file: 'maalinger.csv', line: 2, column: 'vaerdi', reason: /fra 1 til 5/ },
      { file: 'maalinger.csv', line: 3, column: 'vaerdi', reason: /fra 0 til 1/ },
      { file: 'maalinger.csv', line: 4, column: 'maaling', value: 'humoer', reason: /Ukendt kode/ },
    ],
  },
  {
    name: 'a later file is wrong: the earlier good files of the batch are not kept either',
    files: {
      'borgere.csv': `${borgereHeader}\nB200;1990;UH;`,
      'indsatser.csv': `${indsatserHeader}\nI200;B200;85;2024-03-01;2024-02-01;;;`,
    },
    errors: [{ file: 'indsatser.csv', line: 2, column: 'slut', reason: /før start/ }],
  },
  {
    name: 'an invalid row is reported once, not again where other files refer to it',
    files: {
      'borgere.csv': `${borgereHeader}\nB300;1990;XYZ;`,
      'indsatser.csv': `${indsatserHeader}\nI300;B300;85;2024-03-01;;;;`,
    },
    errors: [{ file: 'borgere.csv', line: 2, column: 'maalgruppe', reason: /Ukendt kode/ }],
  },
];
