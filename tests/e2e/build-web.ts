/**
 * Builds the web app into apps/web/dist, which the app serves. Test files and the web bench run in
 * parallel processes and every build empties the folder first, so builds take turns through a lock
 * folder (mkdir is atomic): two builds at once could delete each other's files mid-write.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from './app-process.ts';

const LOCK = join(tmpdir(), 'sol-web-build.lock');
/** A lock older than this was left by a process that died mid-build. */
const STALE_MS = 180_000;

export const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');

/** `extraArgs` go to `vite build` (the web bench asks for the manifest). */
export async function buildWebApp(extraArgs: string[] = []): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    execFileSync(join(REPO_ROOT, 'apps/web/node_modules/.bin/vite'), ['build', '--logLevel', 'error', ...extraArgs], {
      cwd: join(REPO_ROOT, 'apps/web'),
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, and Vite then bundles React's development build (StrictMode's
      // double effects, DevTools banner, twice the size). The app is tested as it ships.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
