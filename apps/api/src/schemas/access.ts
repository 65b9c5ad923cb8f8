/** Schemas of the login, session and user administration routes. */
import { Type, type Static } from 'typebox';
import { AUDIT_ACTIONS, ROLES, type AuditAction, type Role } from '../access/roles.ts';
import { IsoDate } from './period-query.ts';

export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...ROLES], description: 'viewer (læser), analyst (analytiker) eller admin' }));
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@<>,;]+@[^\\s@<>,;]+$', description: 'E-mailadresse (loginnavn)' });
const Password = Type.String({ minLength: 1, maxLength: 200 });

export const SessionUserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  isDemo: Type.Boolean(),
});

export const SessionSchema = Type.Object({
  user: Type.Union([SessionUserSchema, Type.Null()]),
  /** Send as the x-csrf-token header on every POST, PUT and DELETE. */
  csrfToken: Type.String(),
  demoUsers: Type.Array(Type.Object({ role: RoleSchema, label: Type.String() }), {
    description: 'Demobrugere pr. rolle; kun på demodata',
  }),
  setupRequired: Type.Boolean({ description: 'Ingen administrator endnu: den første oprettes med engangskoden fra serverens log' }),
  oidc: Type.Union([Type.Object({ label: Type.String() }), Type.Null()], { description: 'Log ind med arbejdskonto (OIDC), når det er sat op' }),
});
export type Session = Static<typeof SessionSchema>;

export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const DemoLoginBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export const SetupBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), email: Email, name: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);

export const UserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  disabled: Type.Boolean(),
  isDemo: Type.Boolean(),
  hasPassword: Type.Boolean(),
  oidc: Type.Boolean(),
  createdAt: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

export const CreateUserBody = Type.Object(
  { email: Email, name: Type.String({ minLength: 1, maxLength: 200 }), role: RoleSchema, password: Type.Optional(Password) },
  { additionalProperties: false },
);
export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

export const AuditActionSchema = Type.Unsafe<AuditAction>(Type.String({ enum: [...AUDIT_ACTIONS] }));
export const AuditQuery = Type.Object(
  {
    action: Type.Optional(AuditActionSchema),
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'Del af brugerens e-mail' })),
    from: Type.Optional({ ...IsoDate, description: 'Fra og med dato (ÅÅÅÅ-MM-DD)' }),
    to: Type.Optional({ ...IsoDate, description: 'Til og med dato (ÅÅÅÅ-MM-DD)' }),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 200 }),
  },
  { additionalProperties: false },
);
export type User = Static<typeof UserSchema>;

export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  userEmail: Type.Union([Type.String(), Type.Null()]),
  action: AuditActionSchema,
  actionLabel: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('refused')]),
  ip: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEvent = Static<typeof AuditEventSchema>;
