/**
 * Logging a browser context in, as the web app does: every page but /login and /opsaetning needs
 * a session (issue 7). `demoLogin` asks for the session's CSRF token and posts the demo login
 * from inside a page of the context (the cookies land where the pages read them); on demo data
 * each role has a passwordless demo user. Shared by the end-to-end tests and the web bench.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type Role = 'viewer' | 'analyst' | 'admin';

/** The demo login's button on /login, per role. */
export const DEMO_BUTTONS: Readonly<Record<Role, string>> = {
  viewer: 'Log ind som demo-læser',
  analyst: 'Log ind som demo-analytiker',
  admin: 'Log ind som demo-administrator',
};

/** POST /api/auth/demo-login from a page of the app, with the CSRF token of GET /api/auth/session; the answer's status and text. */
export async function postDemoLogin(page: Page, role: Role): Promise<{ status: number; text: string }> {
  // The page's own first session request can set the CSRF secret cookie after ours did (each
  // request without the cookie makes a secret): on the API's CSRF refusal, fetch a token for the
  // cookie the browser kept and try once more, as the web app's api-client does.
  return (await page.evaluate(`(async () => {
    const attempt = async () => {
      const session = await (await fetch('/api/auth/session', { headers: { accept: 'application/json' } })).json();
      const response = await fetch('/api/auth/demo-login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ role: ${JSON.stringify(role)} }),
      });
      return { status: response.status, text: await response.text() };
    };
    const first = await attempt();
    if (first.status === 403 && first.text.includes('Ugyldig sikkerhedsnøgle')) return attempt();
    return first;
  })()`)) as { status: number; text: string };
}

/** Logs the whole context in as the demo user of `role` (a page at /login, closed again). */
export async function demoLogin(context: BrowserContext, baseUrl: string, role: Role): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/login`);
    const { status, text } = await postDemoLogin(page, role);
    if (status !== 200) throw new Error(`Demologin som ${role} svarede ${status}: ${text}`);
  } finally {
    await page.close();
  }
}
