/**
 * Starts the product the way README command 1 does (apps/api/src/main.ts), as a child process on a
 * free port, and waits for its "Klar på" line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../setup/free-port.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningApp {
  url: string;
  output: string;
  startupMs: number;
  stop(): Promise<void>;
}


export async function startApp(env: Record<string, string>, timeoutMs = 300_000): Promise<RunningApp> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(`${REPO_ROOT}node_modules/.bin/tsx`, ['apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Appen stoppede (kode ${code}) før den var klar:\n${output}`))),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Appen blev ikke klar på ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = (): void => {
      if (output.includes('Klar på http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
  });
  await Promise.race([ready, exited]);
  const startupMs = performance.now() - started;
  exited.catch(() => undefined);
  return {
    url: `http://127.0.0.1:${port}`,
    get output() {
      return output;
    },
    startupMs,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
