/**
 * Starts a throwaway PostgreSQL 15 cluster for the 'postgres' test project: a fresh data folder, a
 * free port on 127.0.0.1, trust auth, and no fsync (the data dies with the run). initdb refuses to
 * run as root, so as root the server runs as the 'postgres' user. Missing binaries fail the run
 * loudly: the suite must never pass by skipping the real database.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';


const BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';


export interface ThrowawayPostgres {
  /** connection string to the 'postgres' database as superuser */
  url: string;
  /** Stops the server (pg_ctl stop -m fast: sessions are ended with 57P01), keeping its data: a database that goes away. */
  pause(): Promise<void>;
  /** Starts the paused server again, on the same port with the same data. */
  resume(): Promise<void>;
  stop(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  for (const binary of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(BIN_DIR, binary))) {
      throw new Error(
        `PostgreSQL 15 mangler: ${join(BIN_DIR, binary)} findes ikke. Installér serveren (apt-get install -y postgresql-15) eller sæt PG_BIN_DIR. Testene mod en rigtig PostgreSQL springes aldrig over.`,
      );
    }
  }
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'sol-pg-'));
  const dataDir = join(dir, 'data');
  const run = (binary: string, args: string[]): void => {
    const command = join(BIN_DIR, binary);
    if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const runAsync = async (binary: string, args: string[]): Promise<void> => {
    const command = join(BIN_DIR, binary);
    if (isRoot) await promisify(execFile)('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await promisify(execFile)(command, args);
  };
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const startArgs = ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'];
  run('pg_ctl', startArgs);
  let paused = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async pause() {
      await runAsync('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      paused = true;
    },
    async resume() {
      await runAsync('pg_ctl', startArgs);
      paused = false;
    },
    stop() {
      try {
        if (!paused) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
