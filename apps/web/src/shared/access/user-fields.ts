/**
 * The checks of a user's e-mail and password before they are sent, as the API makes them
 * (apps/api/src/schemas/access.ts and access/passwords.ts), in Danish. The API checks again (also
 * that the password does not hold the e-mail's name) and its message is shown as it comes.
 */
export const MIN_PASSWORD_LENGTH = 12;

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

/** A Danish message for an e-mail that cannot be a login name, or undefined. */
export function emailError(email: string): string | undefined {
  const trimmed = email.trim();
  if (!trimmed) return 'Skriv e-mailadressen.';
  if (!EMAIL.test(trimmed)) return 'Skriv e-mailadressen som navn@domæne.dk.';
  return undefined;
}

/** A Danish message for a password too short to keep, or undefined. */
export function passwordError(password: string): string | undefined {
  if (password.length >= MIN_PASSWORD_LENGTH) return undefined;
  return `Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn; den har ${password.length} nu.`;
}

export const PASSWORD_HINT = `Mindst ${MIN_PASSWORD_LENGTH} tegn, og ikke navnet fra e-mailadressen. Et par ord med mellemrum er nemt at huske og svært at gætte.`;
