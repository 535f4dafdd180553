import { useEffect } from 'react';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { roles, unitScopedRoles, type Role } from '../../../contract/common';
import { createUserBody, PASSWORD_MIN, updateUserBody, type User } from '../../../contract/users';
import { civilServantRoutes } from '../../../contract/civil-servants';
import { call } from '../../app/api';
import { nullIfBlank, validateWith } from '../../app/forms';
import { roleLabel, useT } from '../../app/i18n';
import { CivilServantSelect } from '../../components/civil-servant-select';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { useCreateUser, useUpdateUser } from './users-api';

interface RoleRow {
  role: string | null;
  workUnitId: string | null;
}

interface Values {
  username: string;
  fullName: string;
  email: string;
  civilServantId: string | null;
  password: string;
  roles: RoleRow[];
}

const empty: Values = {
  username: '',
  fullName: '',
  email: '',
  civilServantId: null,
  password: '',
  roles: [{ role: null, workUnitId: null }],
};

/** Create or edit a user with their roles; OPD roles must name a work unit. */
export function UserModal({
  opened,
  user,
  onClose,
}: {
  opened: boolean;
  user: User | null;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateUser();
  const update = useUpdateUser();
  const form = useForm<Values>({ initialValues: empty });
  const feedback = useMutationFeedback(onClose, form);

  useEffect(() => {
    if (!opened) return;
    const next: Values = user
      ? {
          username: user.username,
          fullName: user.fullName,
          email: user.email ?? '',
          civilServantId: user.civilServantId,
          password: '',
          roles: user.roles.map((r) => ({ role: r.role, workUnitId: r.workUnitId })),
        }
      : empty;
    form.setValues(next);
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, user?.id]);

  // The user list carries only the linked civil servant's id; fetch the name for the Select.
  const linkedId = opened ? (user?.civilServantId ?? null) : null;
  const linked = useQuery({
    queryKey: ['civil-servants', 'detail', linkedId],
    queryFn: () => call(civilServantRoutes.get, { params: { id: linkedId! } }),
    enabled: linkedId !== null,
  });

  const unitNames = new Map(
    (user?.roles ?? []).filter((r) => r.workUnitId).map((r) => [r.workUnitId!, r.workUnitName]),
  );

  const submit = form.onSubmit((values) => {
    const rolesBody = values.roles.map((r) => ({ role: r.role ?? undefined, workUnitId: r.workUnitId }));
    const common = {
      fullName: values.fullName,
      email: nullIfBlank(values.email),
      civilServantId: values.civilServantId,
      roles: rolesBody,
    };
    const handlers = feedback(user ? t('common.saved') : t('users.created'));
    if (user) {
      const v = validateWith(updateUserBody, { ...common, version: user.version });
      if (!v.ok) return form.setErrors(v.errors);
      update.mutate({ id: user.id, body: v.data }, handlers);
    } else {
      const v = validateWith(createUserBody, {
        ...common,
        username: values.username,
        password: values.password,
      });
      if (!v.ok) return form.setErrors(v.errors);
      create.mutate(v.data, handlers);
    }
  });

  const roleOptions = roles.map((r) => ({ value: r, label: roleLabel(t, r) }));

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.edit') : t('users.create')}
      size="xl"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('users.username')}
          required
          disabled={!!user}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('username')}
        />
        <TextInput label={t('users.fullName')} required {...form.getInputProps('fullName')} />
        <TextInput
          label={t('users.email')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <CivilServantSelect
          key={`${opened}-${user?.id ?? 'new'}-${linked.data ? 'named' : 'plain'}`}
          currentLabel={linked.data ? `${linked.data.name} — ${linked.data.nip}` : null}
          label={t('users.civilServant')}
          description={t('users.civilServantHint')}
          {...form.getInputProps('civilServantId')}
        />
        {!user ? (
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            {...form.getInputProps('password')}
          />
        ) : null}
      </SimpleGrid>

      <Fieldset legend={t('users.roles')}>
        <Stack gap="sm">
          {form.values.roles.map((row, i) => {
            const scoped = row.role !== null && unitScopedRoles.includes(row.role as Role);
            return (
              <Group key={i} align="flex-start" wrap="wrap" gap="sm" data-testid={`role-row-${i}`}>
                <Select
                  label={t('users.roleN', { n: i + 1 })}
                  required
                  allowDeselect={false}
                  data={roleOptions}
                  w={{ base: '100%', sm: 260 }}
                  {...form.getInputProps(`roles.${i}.role`)}
                />
                <WorkUnitSelect
                  label={`${t('users.unit')} ${i + 1}`}
                  description={scoped ? t('users.unitRequired') : t('users.unitOptional')}
                  required={scoped}
                  currentLabel={row.workUnitId ? (unitNames.get(row.workUnitId) ?? null) : null}
                  style={{ flex: 1, minWidth: 220 }}
                  {...form.getInputProps(`roles.${i}.workUnitId`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  size="lg"
                  aria-label={t('users.removeRole', { n: i + 1 })}
                  disabled={form.values.roles.length <= 1}
                  onClick={() => form.removeListItem('roles', i)}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              </Group>
            );
          })}
          {typeof form.errors.roles === 'string' ? (
            <div
              role="alert"
              style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}
            >
              {form.errors.roles}
            </div>
          ) : null}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('roles', { role: null, workUnitId: null })}
            >
              {t('users.addRole')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
