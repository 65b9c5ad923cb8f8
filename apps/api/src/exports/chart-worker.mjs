// Starts the chart worker from TypeScript in any host (the tsx-run server, vitest, a bench):
// the worker gets no loader flags of its own, so it registers tsx with the API's tsconfig, whose
// JSX setting also covers the chart component in packages/charts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./chart-worker.ts');
