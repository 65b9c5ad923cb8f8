/**
 * A real OpenID Connect provider for the OIDC login tests (the oidc-provider package) on a free
 * port of 127.0.0.1: one confidential client (secret, redirect to the app's callback), accounts
 * whose claims the test can change between logins, and interactions finished without a page: the
 * test says who logs in next (`loginAs`), and the provider's interaction URL logs that account in
 * and grants the requested scopes at once. Like Microsoft Entra ID, it puts the claims (e-mail,
 * name, roles) in the ID token.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider, { type JWK } from 'oidc-provider';
import { freePort } from '../../../../tests/setup/free-port.ts';

export interface TestAccount {
  email?: string;
  preferred_username?: string;
  name?: string;
  roles?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by subject; change one between logins to change what the next ID token says. */
  accounts: Map<string, TestAccount>;
  /** The account (subject) that the next interaction logs in; null: the user cancels (access_denied). */
  loginAs(subject: string | null): void;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUrl: string): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'sol-dashboard';
  const clientSecret = 'en-lang-hemmelighed-kun-til-test-af-oidc-login';
  const accounts = new Map<string, TestAccount>();
  let next: string | null | undefined;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUrl], token_endpoint_auth_method: 'client_secret_post' }],
    jwks: { keys: [{ ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    // The roles claim comes with the openid scope, as Entra ID's app roles do.
    claims: { openid: ['sub', 'roles'], email: ['email'], profile: ['name', 'preferred_username'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  const callback = provider.callback();

  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.prompt.name === 'login') {
        if (next === undefined) throw new Error('loginAs() was not called before the login');
        if (next === null) {
          return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Brugeren afbrød' }, { mergeWithLastSubmission: false });
        }
        return provider.interactionFinished(req, res, { login: { accountId: next } }, { mergeWithLastSubmission: false });
      }
      const accountId = interaction.session?.accountId;
      if (!accountId) throw new Error('consent without a login');
      const grant = interaction.grantId ? await provider.Grant.find(interaction.grantId) : new provider.Grant({ accountId, clientId });
      if (!grant) throw new Error('grant not found');
      const scope = interaction.prompt.details.missingOIDCScope;
      if (Array.isArray(scope)) grant.addOIDCScope(scope.join(' '));
      const claims = interaction.prompt.details.missingOIDCClaims;
      if (Array.isArray(claims)) grant.addOIDCClaims(claims.filter((claim): claim is string => typeof claim === 'string'));
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    loginAs: (subject) => {
      next = subject;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
