/** Settings from the environment, read in one place. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseConfigFromEnv, type DatabaseConfig } from './db/create-database.ts';

export interface Config {
  database: DatabaseConfig;
  dataDir: string;
  port: number;
  host: string;
  webDistDir: string;
  seedDemoData: boolean;
  /** Largest CSV file an upload may carry, in bytes (IMPORT_MAX_FILE_MB, default 200 MB). */
  importMaxFileBytes: number;
}

export const DEFAULT_IMPORT_MAX_FILE_MB = 200;

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * DATA_DIR defaults to ./data at the repository root. A relative DATA_DIR is read from where the
 * user typed the command (pnpm runs scripts inside the package folder but keeps that in INIT_CWD).
 */
function resolveDataDir(env: NodeJS.ProcessEnv): string {
  const given = env.DATA_DIR?.trim();
  if (!given) return resolve(REPO_ROOT, 'data');
  return isAbsolute(given) ? given : resolve(env.INIT_CWD ?? process.cwd(), given);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolveDataDir(env);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT skal være et portnummer (0–65535), ikke "${env.PORT}"`);
  }
  const importMaxFileMb = Number(env.IMPORT_MAX_FILE_MB ?? DEFAULT_IMPORT_MAX_FILE_MB);
  if (!Number.isFinite(importMaxFileMb) || importMaxFileMb <= 0) {
    throw new Error(`IMPORT_MAX_FILE_MB skal være et positivt antal megabyte, ikke "${env.IMPORT_MAX_FILE_MB}"`);
  }
  return {
    database: databaseConfigFromEnv({ ...env, DATA_DIR: dataDir }),
    dataDir,
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    webDistDir: fileURLToPath(new URL('../../web/dist/', import.meta.url)),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    importMaxFileBytes: Math.round(importMaxFileMb * 1024 * 1024),
  };
}
