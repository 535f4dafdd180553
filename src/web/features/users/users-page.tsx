import { useState } from 'react';
import { Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { roles, type Role } from '../../../contract/common';
import type { User } from '../../../contract/users';
import { roleLabel, useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ActiveBadge } from '../../components/active-badge';
import { FilterCard } from '../../components/filter-card';
import type { ActiveFilter } from '../../components/filter-options';
import { ActiveFilterSelect, FilterSelect } from '../../components/filter-select';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { SetActiveConfirm } from '../../components/set-active-confirm';
import { useListParams } from '../../components/use-list-params';
import { ResetPasswordModal } from './reset-password-modal';
import { UserModal } from './user-modal';
import { useSetUserActive, useUsers } from './users-api';

const PAGE_SIZE = 20;

export function UsersPage() {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useListParams({ q: '', role: '', active: 'all' });
  const list = useUsers({
    page: params.page,
    pageSize: PAGE_SIZE,
    q: params.q || undefined,
    role: (params.role || undefined) as Role | undefined,
    active: params.active as ActiveFilter,
  });
  const setActive = useSetUserActive();
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="create-user">
            {t('users.create')}
          </Button>
        }
      />
      <FilterCard cols={{ base: 1, sm: 3 }}>
        <SearchInput label={t('users.search')} value={params.q} onSearch={(q) => setParams({ q })} />
        <FilterSelect
          label={t('users.roleFilter')}
          data={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          value={params.role}
          onChange={(role) => setParams({ role })}
        />
        <ActiveFilterSelect
          label={t('users.activeFilter')}
          value={params.active}
          onChange={(active) => setParams({ active })}
        />
      </FilterCard>

      <PagedTable
        query={list}
        label={t('users.title')}
        minWidth={860}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="users-table"
        head={
          <>
            <Table.Th scope="col">{t('users.username')}</Table.Th>
            <Table.Th scope="col">{t('users.fullName')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </>
        }
        columns={6}
        row={(u) => (
          <Table.Tr key={u.id}>
            <Table.Td ff="monospace">{u.username}</Table.Td>
            <Table.Td>
              {u.fullName}
              {u.email ? (
                <Text size="xs" c="dimmed">
                  {u.email}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {u.roles.map((r, i) => (
                  <Badge key={`${r.role}-${r.workUnitId ?? i}`} variant="light" tt="none" size="sm">
                    {roleLabel(t, r.role)}
                    {r.workUnitName ? ` · ${r.workUnitName}` : ''}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={u.active} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {u.lastLoginAt ? f.dateTime(u.lastLoginAt) : t('users.never')}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setEditing(u)}
                  aria-label={`${t('common.edit')} ${u.username}`}
                >
                  {t('common.edit')}
                </Button>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={`${t('common.actions')} ${u.username}`}
                    >
                      ⋯
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setResetting(u)}>{t('users.resetPassword')}</Menu.Item>
                    <Menu.Item color={u.active ? 'red' : undefined} onClick={() => setToggling(u)}>
                      {u.active ? t('common.deactivate') : t('common.activate')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
      />

      <UserModal
        opened={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <SetActiveConfirm
        target={toggling}
        mutation={setActive}
        message={(u) =>
          t(u.active ? 'users.confirmDeactivate' : 'users.confirmActivate', { name: u.fullName })
        }
        done={(active) => (active ? t('users.activated') : t('users.deactivated'))}
        onClose={() => setToggling(null)}
      />
    </Stack>
  );
}
