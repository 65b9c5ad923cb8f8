/**
 * The users: a table (name, e-mail, role, how they log in, disabled, last login) with "Ret" per
 * user, which opens the user's editor under the table (focus follows); and the form for a new user.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { ROLE_LABELS } from '../../../shared/access/roles.ts';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useUsers, type AdminUser } from '../api/get-users.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { UserEditor } from './UserEditor.tsx';
import { loginMethods } from './user-text.ts';

function UsersTable({ users, onEdit }: { users: readonly AdminUser[]; onEdit: (user: AdminUser) => void }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="data-table users-table" data-testid="users-table">
        <caption className="visually-hidden">Brugere</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-mail</th>
            <th scope="col">Rolle</th>
            <th scope="col">Logger ind med</th>
            <th scope="col">Status</th>
            <th scope="col">Seneste login</th>
            <th scope="col">
              <span className="visually-hidden">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`} className={user.disabled ? 'user-disabled' : undefined}>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{loginMethods(user).join(', ')}</td>
              <td>{user.disabled ? <strong className="user-status-disabled">Spærret</strong> : 'Aktiv'}</td>
              <td>{user.lastLoginAt ? (formatDateTime(user.lastLoginAt) ?? user.lastLoginAt) : 'Aldrig'}</td>
              <td>
                <button type="button" className="button-link" onClick={() => onEdit(user)}>
                  Ret<span className="visually-hidden"> {user.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UsersSection(): ReactElement {
  const users = useUsers();
  const [editing, setEditing] = useState<number | null>(null);
  const editor = useRef<HTMLHeadingElement>(null);
  const current = users.data?.users.find((user) => user.id === editing) ?? null;

  useEffect(() => {
    if (editing !== null) editor.current?.focus();
  }, [editing]);

  return (
    <section className="page-section" aria-labelledby="users-heading">
      <h2 id="users-heading">Brugere</h2>
      <QueryResult query={users} loading="Henter brugerne …" error="Brugerne kunne ikke hentes">
        {({ users: list }) =>
          list.length === 0 ? (
            <p className="empty">Der er ingen brugere endnu.</p>
          ) : (
            <UsersTable users={list} onEdit={(user) => setEditing(user.id)} />
          )
        }
      </QueryResult>
      {current ? <UserEditor key={current.id} user={current} headingRef={editor} onClose={() => setEditing(null)} /> : null}
      <CreateUserForm />
    </section>
  );
}
