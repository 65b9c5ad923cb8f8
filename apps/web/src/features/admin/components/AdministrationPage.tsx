/**
 * Administration (admins only): the users and their roles — create, change role, set a password,
 * disable or enable — and the audit log of logins, failed logins, exports and changes, filtered
 * in the URL and downloadable as CSV.
 */
import type { ReactElement } from 'react';
import { AuditLog } from './AuditLog.tsx';
import { UsersSection } from './UsersSection.tsx';
import './admin.css';

export function AdministrationPage(): ReactElement {
  return (
    <>
      <h1>Administration</h1>
      <p className="lead">
        Brugerne og deres roller: en læser ser tallene, en analytiker kan også hente filer, se rækkerne bag et tal, indlæse data, fryse
        øjebliksbilleder og sende udsendelser, og en administrator kan også styre brugerne og læse logbogen.
      </p>
      <UsersSection />
      <AuditLog />
    </>
  );
}
