/**
 * Administration (admin only): users and their roles, and the audit log — filtered, and as CSV.
 * Changing a user's role or disabling them ends their sessions at once.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { assertPasswordStrength, hashPassword } from '../../access/passwords.ts';
import { AUDIT_ACTION_LABELS } from '../../access/roles.ts';
import { isValidIsoDate } from '../../kpis/resolve-period.ts';
import { listAuditEvents, type AuditEventRow } from '../../repositories/audit-log.ts';
import { countAdmins, findLogin, findUser, insertUser, listUsers, updateUser } from '../../repositories/users.ts';
import { BadRequestError } from '../../schemas/bad-request.ts';
import { ClientError } from '../../schemas/client-error.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { AuditEventSchema, AuditQuery, CreateUserBody, UpdateUserBody, UserSchema } from '../../schemas/access.ts';
import { FileResponse } from '../../schemas/kpi-export.ts';
import { sendDownload } from '../send-download.ts';

const TAGS = ['Administration'];

const toEvent = (row: AuditEventRow) => ({
  id: row.id,
  at: row.at,
  userId: row.userId,
  userEmail: row.userEmail,
  action: row.action,
  actionLabel: AUDIT_ACTION_LABELS[row.action],
  target: row.target,
  outcome: row.outcome,
  ip: row.ip,
});

const admin: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;

  fastify.get(
    '/api/admin/users',
    { schema: { tags: TAGS, summary: 'Alle brugere med rolle', response: { 200: Type.Object({ users: Type.Array(UserSchema) }) } } },
    async () => ({ users: await listUsers(db) }),
  );

  fastify.post(
    '/api/admin/users',
    {
      schema: {
        tags: TAGS,
        summary: 'Opretter en bruger',
        description: 'Uden adgangskode kan brugeren kun logge ind med sin arbejdskonto (OIDC).',
        body: CreateUserBody,
        response: { 201: UserSchema, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { email, name, role, password } = request.body;
      if (await findLogin(db, email)) throw new ClientError(409, `Der findes allerede en bruger med e-mailen ${email.toLowerCase()}`);
      if (password !== undefined) assertPasswordStrength(password, email);
      const id = await insertUser(db, { email, name, role, passwordHash: password === undefined ? null : await hashPassword(password) });
      const user = await findUser(db, id);
      if (!user) throw new Error('The new user disappeared');
      return reply.code(201).send(user);
    },
  );

  fastify.put(
    '/api/admin/users/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Retter en brugers navn, rolle, adgangskode, eller spærrer brugeren',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
        body: UpdateUserBody,
        response: { 200: UserSchema, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { id } = request.params;
      const before = await findUser(db, id);
      if (!before) throw new ClientError(404, `Bruger ${id} findes ikke`);
      const { password, ...change } = request.body;
      if (password !== undefined) assertPasswordStrength(password, before.email);
      // The last administrator cannot remove their own way in.
      const losesAdmin = before.role === 'admin' && !before.isDemo && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
      if (losesAdmin && (await countAdmins(db)) <= 1) {
        throw new ClientError(409, 'Det er den sidste administrator; opret en anden administrator først.');
      }
      await updateUser(db, id, { ...change, ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}) });
      if (change.role !== undefined || change.disabled === true || password !== undefined) await fastify.endSessionsOf(id);
      const after = await findUser(db, id);
      if (!after) throw new Error('The user disappeared');
      return after;
    },
  );

  const readFilter = (query: { action?: string; user?: string; from?: string; to?: string; limit: number }) => {
    for (const date of [query.from, query.to]) {
      if (date !== undefined && !isValidIsoDate(date)) throw new BadRequestError(`${date} er ikke en gyldig dato`);
    }
    return query;
  };

  fastify.get(
    '/api/admin/audit',
    {
      schema: {
        tags: TAGS,
        summary: 'Logbogen: logins, mislykkede logins, eksporter, importer, øjebliksbilleder, udsendelser og brugerændringer, nyeste først',
        querystring: AuditQuery,
        response: { 200: Type.Object({ events: Type.Array(AuditEventSchema) }), 400: ErrorResponse },
      },
    },
    async (request) => ({ events: (await listAuditEvents(db, readFilter(request.query) as Parameters<typeof listAuditEvents>[1])).map(toEvent) }),
  );

  fastify.get(
    '/api/admin/audit.csv',
    {
      schema: {
        tags: TAGS,
        summary: 'Logbogen som CSV (semikolon, UTF-8 med BOM) med samme filtre',
        querystring: AuditQuery,
        response: { 200: FileResponse('text/csv; charset=utf-8', 'Logbogen som CSV'), 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const events = (await listAuditEvents(db, readFilter(request.query) as Parameters<typeof listAuditEvents>[1])).map(toEvent);
      const csv = stringify(
        events.map((event) => [event.at, event.userEmail ?? '', event.actionLabel, event.target ?? '', event.outcome === 'ok' ? 'ok' : 'afvist', event.ip ?? '']),
        { header: true, columns: ['Tidspunkt (UTC)', 'Bruger', 'Handling', 'Hvad', 'Udfald', 'Adresse'], delimiter: ';', bom: true, record_delimiter: '\r\n' },
      );
      return sendDownload(reply, 'text/csv; charset=utf-8', 'Logbog', 'csv', Buffer.from(csv, 'utf8'));
    },
  );
};

export default admin;
