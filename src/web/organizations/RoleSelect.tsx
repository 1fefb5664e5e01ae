import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { Role, roleLabels, roles } from '../../domain/roles.ts';

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

interface RoleSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'allowDeselect'> {
  value: Role;
  onChange: (role: Role) => void;
}

/** A choice of one of the organization roles, most privileged first; never empty. */
export function RoleSelect({ value, onChange, ...props }: RoleSelectProps) {
  return (
    <Select
      {...props}
      data={roleOptions}
      value={value}
      onChange={(chosen) => {
        const role = Role.safeParse(chosen);
        if (role.success) onChange(role.data);
      }}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
