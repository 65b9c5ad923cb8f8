/**
 * Passwords are stored as argon2id hashes (memory-hard; OWASP's 19 MiB, 2 passes, 1 lane), through
 * @node-rs/argon2. A login with an unknown e-mail still verifies against a fixed hash, so the
 * answer takes as long as for a known one and does not tell which e-mails exist.
 */
import { hash, verify } from '@node-rs/argon2';
import { BadRequestError } from '../schemas/bad-request.ts';

/** Algorithm 2 is argon2id (the package's const enum cannot be imported under verbatimModuleSyntax). */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 12;

let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when the password matches; `stored` null (no such user, or an OIDC-only user) is always false. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= hashPassword('ingen-bruger-har-denne-adgangskode');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A Danish 400 for a password too weak to keep. */
export function assertPasswordStrength(password: string, email: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new BadRequestError(`Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn`);
  }
  if (password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() ?? '\u0000')) {
    throw new BadRequestError('Adgangskoden må ikke indeholde e-mailadressens navn');
  }
}
