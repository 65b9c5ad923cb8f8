/**
 * `pnpm --filter @sol/demo-data generate -- --out DIR [--scale N] [--seed N] [--today YYYY-MM-DD]`
 * Writes the demo municipality's import files and prints what was written (in Danish).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDate } from './dates.ts';
import { DEFAULT_SEED, currentDate, generateDemoData } from './generate.ts';

const USAGE = 'Brug: generate --out MAPPE [--scale N] [--seed N] [--today ÅÅÅÅ-MM-DD]';

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

// pnpm may pass the `--` separator on to the script
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

let values: { out?: string; scale?: string; seed?: string; today?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    args,
    options: {
      out: { type: 'string', short: 'o' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out) fail('Angiv en mappe med --out.');

const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) fail(`--scale skal være et positivt tal, ikke "${values.scale}".`);
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed skal være et heltal, ikke "${values.seed}".`);
const today = values.today ?? currentDate();
try {
  parseIsoDate(today);
} catch {
  fail(`--today skal være en gyldig dato ÅÅÅÅ-MM-DD, ikke "${today}".`);
}

// pnpm runs scripts in the package folder; INIT_CWD is where the user typed the command
const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
const numberFormat = new Intl.NumberFormat('da-DK');
const started = performance.now();
const seconds = (): string => ((performance.now() - started) / 1000).toLocaleString('da-DK', { maximumFractionDigits: 1 });

console.log(`Genererer demodata til ${outDir}`);
console.log(`  seed ${seed}, skala ${numberFormat.format(scale)}, data til og med ${today}`);
try {
  const result = await generateDemoData({
    outDir,
    seed,
    scale,
    today,
    onProgress: (event) => {
      if (event.kind === 'simulated') {
        console.log(
          `  Simuleret: ${numberFormat.format(event.citizens)} borgere, ${numberFormat.format(event.grants)} indsatser, ` +
            `${numberFormat.format(event.applications)} ansøgninger (${seconds()} s)`,
        );
      } else {
        console.log(`  ${event.fileName.padEnd(18)} ${numberFormat.format(event.rows).padStart(12)} rækker (${seconds()} s)`);
      }
    },
  });
  const total = result.files.reduce((sum, file) => sum + file.rows, 0);
  console.log(`Færdig: ${result.files.length} filer, ${numberFormat.format(total)} rækker i alt på ${seconds()} s.`);
} catch (error) {
  console.error(`Demodata kunne ikke genereres: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
