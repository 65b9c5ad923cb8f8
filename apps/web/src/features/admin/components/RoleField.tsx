/** The role as a labelled native select, in the order of what each role may do. */
import type { ReactElement } from 'react';
import { ROLE_LABELS, ROLE_ORDER, type Role } from '../../../shared/access/roles.ts';
import { FormField } from '../../../shared/components/FormField.tsx';

function isRole(value: string): value is Role {
  return (ROLE_ORDER as readonly string[]).includes(value);
}

export function RoleField({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }): ReactElement {
  return (
    <FormField id={id} label="Rolle">
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            if (isRole(event.target.value)) onChange(event.target.value);
          }}
        >
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
