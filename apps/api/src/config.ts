/** Settings from the environment, read in one place. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OIDC_LABEL, isLocalHttp, parseRoleMap, type OidcOptions } from './access/oidc.ts';
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
  /** SMTP_URL: where scheduled KPI email is sent (null: not set up; sends fail visibly). */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of KPI email. */
  mailFrom: string;
  /** PUBLIC_URL: the dashboard's address as users reach it, for links in email. */
  publicUrl: string;
  /** ADMIN_EMAIL + ADMIN_PASSWORD (+ ADMIN_NAME): an administrator created at start if missing. */
  initialAdmin: { email: string; password: string; name?: string | undefined } | null;
  /** SESSION_HOURS (default 10) and SESSION_IDLE_MINUTES (default 120). */
  session: { hours: number; idleMinutes: number };
  /** TRUST_PROXY=true behind a TLS proxy: client address and https from its headers (secure cookies). */
  trustProxy: boolean;
  /** OIDC_*: login with a work account (e.g. Microsoft Entra ID); null when not set up. */
  oidc: OidcOptions | null;
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
  const publicUrl = readPublicUrl(env, port);
  return {
    database: databaseConfigFromEnv({ ...env, DATA_DIR: dataDir }),
    dataDir,
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    webDistDir: fileURLToPath(new URL('../../web/dist/', import.meta.url)),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    importMaxFileBytes: Math.round(importMaxFileMb * 1024 * 1024),
    smtpUrl: readSmtpUrl(env),
    mailFrom: env.MAIL_FROM?.trim() || 'Socialområdets ledelsesinformation <noreply@localhost>',
    publicUrl,
    initialAdmin: readInitialAdmin(env),
    session: {
      hours: readPositive(env, 'SESSION_HOURS', 10),
      idleMinutes: readPositive(env, 'SESSION_IDLE_MINUTES', 120),
    },
    trustProxy: env.TRUST_PROXY === 'true',
    oidc: readOidc(env, publicUrl),
  };
}

function readSmtpUrl(env: NodeJS.ProcessEnv): string | null {
  const given = env.SMTP_URL?.trim();
  if (!given) return null;
  if (!/^smtps?:\/\/[^/]+/.test(given)) throw new Error(`SMTP_URL skal være en smtp://- eller smtps://-adresse, fx smtp://localhost:1025, ikke "${given}"`);
  return given;
}

function readPublicUrl(env: NodeJS.ProcessEnv, port: number): string {
  const given = env.PUBLIC_URL?.trim();
  if (!given) return `http://localhost:${port}`;
  try {
    return new URL(given).toString().replace(/\/$/, '');
  } catch {
    throw new Error(`PUBLIC_URL skal være en adresse som https://dashboard.kommune.dk, ikke "${given}"`);
  }
}

function readPositive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const given = env[name]?.trim();
  if (!given) return fallback;
  const value = Number(given);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} skal være et positivt tal, ikke "${given}"`);
  return value;
}

function readInitialAdmin(env: NodeJS.ProcessEnv): Config['initialAdmin'] {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email && !password) return null;
  if (!email || !password) throw new Error('ADMIN_EMAIL og ADMIN_PASSWORD skal sættes sammen');
  return { email, password, name: env.ADMIN_NAME?.trim() || undefined };
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const;
const OIDC_OPTIONAL = ['OIDC_REDIRECT_URL', 'OIDC_ROLE_CLAIM', 'OIDC_LABEL'] as const;

/** All of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ROLE_MAP, or no OIDC_* at all. */
function readOidc(env: NodeJS.ProcessEnv, publicUrl: string): OidcOptions | null {
  const given = (name: string): string | undefined => env[name]?.trim() || undefined;
  const missing = OIDC_REQUIRED.filter((name) => !given(name));
  if (missing.length === OIDC_REQUIRED.length) {
    const stray = OIDC_OPTIONAL.filter((name) => given(name));
    if (stray.length > 0) throw new Error(`${stray.join(' og ')} er sat, men login med arbejdskonto kræver også ${OIDC_REQUIRED.join(', ')}`);
    return null;
  }
  if (missing.length > 0) {
    throw new Error(`Login med arbejdskonto (OIDC) er kun halvt sat op: ${missing.join(', ')} mangler. Sæt ${OIDC_REQUIRED.join(', ')} sammen, eller ingen af dem.`);
  }
  const issuer = readUrl('OIDC_ISSUER', given('OIDC_ISSUER') ?? '', 'https://login.microsoftonline.com/<tenant-id>/v2.0');
  const redirectUrl = readUrl('OIDC_REDIRECT_URL', given('OIDC_REDIRECT_URL') ?? `${publicUrl}/api/auth/oidc/callback`, 'https://dashboard.kommune.dk/api/auth/oidc/callback');
  for (const [name, url] of [['OIDC_ISSUER', issuer], ['OIDC_REDIRECT_URL', redirectUrl]] as const) {
    if (url.protocol !== 'https:' && !isLocalHttp(url)) throw new Error(`${name} skal være en https://-adresse (http kun på localhost), ikke "${url.href}"`);
  }
  return {
    issuer: issuer.href,
    clientId: given('OIDC_CLIENT_ID') ?? '',
    clientSecret: given('OIDC_CLIENT_SECRET') ?? '',
    redirectUrl: redirectUrl.href,
    roleClaim: given('OIDC_ROLE_CLAIM') ?? 'roles',
    roleMap: parseRoleMap(given('OIDC_ROLE_MAP') ?? ''),
    label: given('OIDC_LABEL') ?? DEFAULT_OIDC_LABEL,
  };
}

function readUrl(name: string, value: string, example: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} skal være en adresse som ${example}, ikke "${value}"`);
  }
}
