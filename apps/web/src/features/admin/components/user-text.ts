/** How a user logs in and whether they can, in words for the users table. */
import type { AdminUser } from '../api/get-users.ts';

export function loginMethods(user: AdminUser): string[] {
  const methods: string[] = [];
  if (user.isDemo) methods.push('Demobruger');
  if (user.oidc) methods.push('Arbejdskonto (OIDC)');
  if (user.hasPassword) methods.push('Adgangskode');
  if (methods.length === 0) methods.push('Arbejdskonto (OIDC), når den logger ind første gang');
  return methods;
}
