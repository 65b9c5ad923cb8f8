/**
 * Login with a work account through OpenID Connect (DESIGN §9, issue 7), e.g. Microsoft Entra ID,
 * with openid-client: discovery (kept after the first success), the authorization code flow with
 * PKCE (S256), state and nonce, and the role read from one claim of the ID token through a map
 * (OIDC_ROLE_MAP): the highest mapped role wins, and a login without a mapped role is refused.
 *
 * What a login needs between the start and the callback (state, nonce, PKCE verifier, where to go
 * afterwards) travels in a short-lived cookie sealed with AES-256-GCM under a key derived from the
 * client secret: nothing is kept in one server's memory, so any instance can take the callback, and
 * the browser can neither read nor change it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { hasRole, ROLES, type Role } from './roles.ts';

export interface OidcOptions {
  /** OIDC_ISSUER: the issuer, or its discovery document (…/.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URL: this app's callback as the provider knows it. */
  redirectUrl: string;
  /** OIDC_ROLE_CLAIM: the ID token claim holding the user's roles (Entra ID: roles). */
  roleClaim: string;
  /** OIDC_ROLE_MAP: claim value → role. */
  roleMap: Readonly<Record<string, Role>>;
  /** OIDC_LABEL: the login button's text. */
  label: string;
}

export const DEFAULT_OIDC_LABEL = 'Log ind med arbejdskonto';

/** `SOL.Admin=admin,SOL.Analyst=analyst` → a map; a Danish error names what is wrong. */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !value) throw new Error(`OIDC_ROLE_MAP: "${entry}" skal have formen værdi=rolle, fx SOL.Analyst=analyst`);
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`OIDC_ROLE_MAP: rollen "${role}" i "${entry}" findes ikke; brug ${ROLES.join(', ')}`);
    const earlier = map[value];
    if (earlier && earlier !== role) throw new Error(`OIDC_ROLE_MAP: "${value}" står både som ${earlier} og ${role}`);
    map[value] = role as Role;
  }
  if (Object.keys(map).length === 0) throw new Error('OIDC_ROLE_MAP er tom; skriv fx SOL.Admin=admin,SOL.Analyst=analyst,SOL.Viewer=viewer');
  return map;
}

/** A claim by its name, or by a dotted path into nested objects (Keycloak: realm_access.roles). */
function claimAt(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The claim's values (one string or a list of strings), and the highest role they map to, if any. */
export function roleFromClaims(claims: Readonly<Record<string, unknown>>, options: Pick<OidcOptions, 'roleClaim' | 'roleMap'>): { values: string[]; role: Role | null } {
  const raw = claimAt(claims, options.roleClaim);
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string');
  let role: Role | null = null;
  for (const value of values) {
    const mapped = Object.hasOwn(options.roleMap, value) ? options.roleMap[value] : undefined;
    if (mapped && (!role || !hasRole(role, mapped))) role = mapped;
  }
  return { values, role };
}

/** A path on this site to go to after the login; anything else (another host, //host, \host) gives `/`. */
export function localPath(next: string | undefined): string {
  const control = [...(next ?? '')].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || control) return '/';
  const base = 'http://sol.invalid';
  const url = new URL(next, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

/**
 * http is allowed only for a provider on this machine (the tests' local provider, a developer's);
 * openid-client refuses it otherwise, and so does the configuration at start.
 */
export function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

// ---------------------------------------------------------------------------------------------
// The login in progress, sealed into a cookie

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
  /** Epoch milliseconds after which the callback is refused. */
  expiresAt: number;
}

function sealKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'sol-oidc-login', 'login cookie v1', 32));
}

export function sealPendingLogin(login: PendingLogin, clientSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(clientSecret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(login), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The login sealed in the cookie, or null if the cookie is missing, altered, from another key, or expired. */
export function openPendingLogin(sealed: string | undefined, clientSecret: string, now: number): PendingLogin | null {
  if (!sealed) return null;
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(clientSecret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const login = JSON.parse(text) as PendingLogin;
    return typeof login.expiresAt === 'number' && login.expiresAt > now ? login : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The provider

/** Why a login through the provider failed: a status and a Danish message for the user. */
export class OidcLoginError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 502,
    message: string,
    /** For the audit log (not shown). */
    readonly reason: string,
  ) {
    super(message);
  }
}

export const PROVIDER_DOWN = 'Loginudbyderen svarer ikke lige nu. Prøv igen om lidt, eller log ind med e-mail og adgangskode.';
export const LOGIN_FAILED = 'Login med arbejdskonto kunne ikke gennemføres. Prøv igen fra loginsiden.';

/** openid-client's errors: the provider unreachable or answering nonsense is a 502; a refused or forged response a 400. */
function toLoginError(error: unknown): OidcLoginError {
  if (error instanceof OidcLoginError) return error;
  if (error instanceof client.AuthorizationResponseError) {
    if (error.error === 'access_denied') return new OidcLoginError(403, 'Loginudbyderen gav ikke adgang: login blev afbrudt eller afvist. Prøv igen fra loginsiden.', 'udbyderen afviste: access_denied');
    return new OidcLoginError(400, LOGIN_FAILED, `udbyderen afviste: ${error.error}`);
  }
  if (error instanceof client.ResponseBodyError) return new OidcLoginError(400, LOGIN_FAILED, `udbyderen afviste: ${error.error}`);
  const code = error instanceof client.ClientError ? (error.code ?? '') : '';
  const unreachable =
    (error instanceof TypeError && error.message === 'fetch failed') ||
    ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(code);
  if (unreachable) return new OidcLoginError(502, PROVIDER_DOWN, `udbyderen svarede ikke: ${code || (error instanceof Error ? error.message : String(error))}`);
  return new OidcLoginError(400, LOGIN_FAILED, `svaret blev afvist: ${code || (error instanceof Error ? error.message : String(error))}`);
}

export interface OidcIdentity {
  /** Issuer and subject: the account at the provider, whatever its e-mail is now. */
  subject: string;
  email: string;
  name: string;
  /** The role claim's values, for the audit log of a refused login. */
  roleValues: string[];
  role: Role | null;
}

export interface OidcClient {
  /** The provider's authorization URL for a new login, and the sealed cookie that the callback needs. */
  start(next: string, now: number): Promise<{ url: URL; cookie: string }>;
  /** Exchanges the callback's code (query string as received) and reads who logged in. */
  finish(query: string, sealed: string | undefined, now: number): Promise<OidcIdentity & { next: string }>;
}

/** How long a login may take at the provider. */
export const LOGIN_MINUTES = 10;
/** How long discovery and token requests may take. */
const TIMEOUT_SECONDS = 10;

export function createOidcClient(options: OidcOptions): OidcClient {
  const issuer = new URL(options.issuer);
  let configuration: Promise<client.Configuration> | null = null;
  // Discovery once; a failure is not kept, so the next login tries again.
  const discover = (): Promise<client.Configuration> => {
    configuration ??= client
      .discovery(issuer, options.clientId, options.clientSecret, undefined, {
        timeout: TIMEOUT_SECONDS,
        // openid-client refuses plain http; a provider on this machine (the tests' oidc-provider) has no TLS.
        ...(isLocalHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        configuration = null;
        throw toLoginError(error);
      });
    return configuration;
  };

  return {
    async start(next, now) {
      const config = await discover();
      const login: PendingLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        next: localPath(next),
        expiresAt: now + LOGIN_MINUTES * 60_000,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUrl,
        scope: 'openid email profile',
        state: login.state,
        nonce: login.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, cookie: sealPendingLogin(login, options.clientSecret) };
    },

    async finish(query, sealed, now) {
      const login = openPendingLogin(sealed, options.clientSecret, now);
      if (!login) {
        throw new OidcLoginError(400, 'Loginforsøget er udløbet eller blev startet i en anden browser. Prøv igen fra loginsiden.', 'login-cookie mangler eller er udløbet');
      }
      const params = new URLSearchParams(query);
      if (params.get('state') !== login.state) throw new OidcLoginError(400, LOGIN_FAILED, 'state passer ikke');
      const config = await discover();
      // The callback as registered at the provider, with the query as received (not the Host header's idea of it).
      const currentUrl = new URL(options.redirectUrl);
      currentUrl.search = params.toString();
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        throw toLoginError(error);
      }
      if (!claims) throw new OidcLoginError(400, LOGIN_FAILED, 'intet ID-token');
      const email = [claims.email, claims.preferred_username].find((value): value is string => typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value));
      if (!email || email.length > 254) {
        throw new OidcLoginError(403, 'Din arbejdskonto sender ingen e-mailadresse til dashboardet. Kontakt administratoren.', 'ingen e-mail i ID-token');
      }
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
      const { values, role } = roleFromClaims(claims, options);
      return { subject: `${claims.iss} ${claims.sub}`, email: email.toLowerCase(), name, roleValues: values, role, next: login.next };
    },
  };
}
