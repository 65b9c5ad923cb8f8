/** OIDC_* settings, the role map, the role from a claim, and the page to go to after a login. */
import { describe, expect, it } from 'vitest';
import { localPath, openPendingLogin, parseRoleMap, roleFromClaims, sealPendingLogin } from '../../src/access/oidc.ts';
import { loadConfig } from '../../src/config.ts';

const FULL = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'klient',
  OIDC_CLIENT_SECRET: 'hemmelighed',
  OIDC_ROLE_MAP: 'SOL.Admin=admin, SOL.Analyst=analyst,SOL.Viewer=viewer',
};

describe('OIDC settings', () => {
  it('is off without OIDC_*, and on with defaults from the four required settings', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ ...FULL, PUBLIC_URL: 'https://dashboard.kommune.dk/' }).oidc).toEqual({
      issuer: FULL.OIDC_ISSUER,
      clientId: 'klient',
      clientSecret: 'hemmelighed',
      redirectUrl: 'https://dashboard.kommune.dk/api/auth/oidc/callback',
      roleClaim: 'roles',
      roleMap: { 'SOL.Admin': 'admin', 'SOL.Analyst': 'analyst', 'SOL.Viewer': 'viewer' },
      label: 'Log ind med arbejdskonto',
    });
    expect(loadConfig({ ...FULL, OIDC_ROLE_CLAIM: 'groups', OIDC_LABEL: 'Log ind med KommuneID', OIDC_REDIRECT_URL: 'https://sol.kommune.dk/api/auth/oidc/callback' }).oidc).toMatchObject({
      roleClaim: 'groups',
      label: 'Log ind med KommuneID',
      redirectUrl: 'https://sol.kommune.dk/api/auth/oidc/callback',
    });
  });

  it('refuses half a configuration in Danish, naming what is missing', () => {
    expect(() => loadConfig({ OIDC_ISSUER: FULL.OIDC_ISSUER, OIDC_CLIENT_ID: 'klient' })).toThrow(
      'Login med arbejdskonto (OIDC) er kun halvt sat op: OIDC_CLIENT_SECRET, OIDC_ROLE_MAP mangler. Sæt OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ROLE_MAP sammen, eller ingen af dem.',
    );
    expect(() => loadConfig({ OIDC_LABEL: 'Log ind' })).toThrow(/OIDC_LABEL er sat, men login med arbejdskonto kræver også/);
    expect(() => loadConfig({ ...FULL, OIDC_ISSUER: 'http://idp.kommune.dk' })).toThrow('OIDC_ISSUER skal være en https://-adresse (http kun på localhost), ikke "http://idp.kommune.dk/"');
    expect(() => loadConfig({ ...FULL, OIDC_ISSUER: 'login.microsoftonline.com' })).toThrow(/OIDC_ISSUER skal være en adresse som/);
    expect(loadConfig({ ...FULL, OIDC_ISSUER: 'http://localhost:8080/realms/sol' }).oidc?.issuer).toBe('http://localhost:8080/realms/sol');
  });

  it('reads the role map and refuses unknown roles, empty maps and contradictions', () => {
    expect(parseRoleMap('a=b=viewer')).toEqual({ 'a=b': 'viewer' });
    expect(() => parseRoleMap('SOL.Boss=chef')).toThrow('OIDC_ROLE_MAP: rollen "chef" i "SOL.Boss=chef" findes ikke; brug viewer, analyst, admin');
    expect(() => parseRoleMap(' , ')).toThrow(/OIDC_ROLE_MAP er tom/);
    expect(() => parseRoleMap('=admin')).toThrow(/skal have formen værdi=rolle/);
    expect(() => parseRoleMap('SOL.X=admin,SOL.X=viewer')).toThrow('OIDC_ROLE_MAP: "SOL.X" står både som admin og viewer');
  });
});

describe('the role from the claim', () => {
  const options = { roleClaim: 'roles', roleMap: parseRoleMap(FULL.OIDC_ROLE_MAP) };

  it('takes the highest mapped role from a list or a single value, and none from unmapped values', () => {
    expect(roleFromClaims({ roles: ['SOL.Viewer', 'SOL.Admin', 'Andet'] }, options)).toEqual({ values: ['SOL.Viewer', 'SOL.Admin', 'Andet'], role: 'admin' });
    expect(roleFromClaims({ roles: 'SOL.Analyst' }, options).role).toBe('analyst');
    expect(roleFromClaims({ roles: ['sol.admin', 'toString', 'constructor'] }, options).role).toBeNull();
    expect(roleFromClaims({}, options)).toEqual({ values: [], role: null });
    // A dotted path reaches a nested claim (Keycloak's realm_access.roles).
    expect(roleFromClaims({ realm_access: { roles: ['SOL.Viewer'] } }, { ...options, roleClaim: 'realm_access.roles' }).role).toBe('viewer');
  });
});

describe('after the login', () => {
  it('goes only to a path on this site', () => {
    expect(localPath('/bolig?aar=2024#top')).toBe('/bolig?aar=2024#top');
    expect(localPath(undefined)).toBe('/');
    for (const outside of ['https://ondt.example/', '//ondt.example/', '/\\ondt.example', 'bolig', '/\n/ondt.example', 'javascript:alert(1)']) expect(localPath(outside), outside).toBe('/');
  });

  it('keeps the login in progress sealed: altered, expired or sealed under another secret is nothing', () => {
    const login = { state: 's', nonce: 'n', codeVerifier: 'v', next: '/bolig', expiresAt: 2_000 };
    const sealed = sealPendingLogin(login, 'hemmelighed');
    expect(openPendingLogin(sealed, 'hemmelighed', 1_000)).toEqual(login);
    expect(openPendingLogin(sealed, 'hemmelighed', 2_000)).toBeNull();
    expect(openPendingLogin(sealed, 'en anden hemmelighed', 1_000)).toBeNull();
    const altered = Buffer.from(sealed, 'base64url');
    altered[altered.length - 1] = (altered.at(-1) ?? 0) ^ 1;
    expect(openPendingLogin(altered.toString('base64url'), 'hemmelighed', 1_000)).toBeNull();
    expect(openPendingLogin('kort', 'hemmelighed', 1_000)).toBeNull();
  });
});
