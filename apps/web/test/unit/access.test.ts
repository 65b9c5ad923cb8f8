/** Where the login page may send the user afterwards, and what each role may do in the web app. */
import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from '../../src/shared/api/api-client.ts';
import { hasRole, roleCan, type Capability } from '../../src/shared/access/roles.ts';

describe('safeNext', () => {
  it('keeps a local path with its query', () => {
    expect(safeNext('/bolig?year=2025&targetGroup=UH')).toBe('/bolig?year=2025&targetGroup=UH');
    expect(safeNext('/')).toBe('/');
  });

  it('never leaves the site', () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'bolig', '', null, undefined]) {
      expect(safeNext(next), String(next)).toBe('/');
    }
  });

  it('does not go back to the login pages', () => {
    expect(safeNext('/login?next=/bolig')).toBe('/');
    expect(safeNext('/opsaetning#token')).toBe('/');
    expect(safeNext('/loginside')).toBe('/loginside');
  });

  it('loginPath carries the page to come back to', () => {
    expect(loginPath('/bolig?year=2025')).toBe('/login?next=%2Fbolig%3Fyear%3D2025');
    expect(loginPath('/')).toBe('/login');
  });
});

describe('roles', () => {
  it('each role may all that the one before may', () => {
    expect(hasRole('viewer', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'analyst')).toBe(false);
    expect(hasRole('analyst', 'viewer')).toBe(true);
    expect(hasRole('admin', 'analyst')).toBe(true);
    expect(hasRole(null, 'viewer')).toBe(false);
  });

  it('viewers read; analysts also export and drill; admins also manage users', () => {
    const analystOnly: Capability[] = ['export', 'rows', 'import', 'snapshot', 'settings', 'schedules'];
    for (const capability of analystOnly) {
      expect(roleCan('viewer', capability), capability).toBe(false);
      expect(roleCan('analyst', capability), capability).toBe(true);
      expect(roleCan('admin', capability), capability).toBe(true);
    }
    expect(roleCan('analyst', 'users')).toBe(false);
    expect(roleCan('admin', 'users')).toBe(true);
  });
});
