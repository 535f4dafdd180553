import { useState } from 'react';
import { Badge, Button, Group, Menu, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { roles, type Role } from '../../../contract/common';
import type { User } from '../../../contract/users';
import { useApiErrorHandler } from '../../app/forms';
import { roleLabel, useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ActiveBadge } from '../../components/active-badge';
import { ConfirmModal } from '../../components/confirm-modal';
import { activeFilterOptions, type ActiveFilter } from '../../components/filter-options';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { TablePagination } from '../../components/table-pagination';
import { TableScroll } from '../../components/table-scroll';
import { useListParams } from '../../components/use-list-params';
import { ResetPasswordModal } from './reset-password-modal';
import { UserModal } from './user-modal';
import { useSetUserActive, useUsers } from './users-api';

const PAGE_SIZE = 20;

export function UsersPage() {
  const t = useT();
  const f = useFormat();
  const onError = useApiErrorHandler();
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
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SearchInput label={t('users.search')} value={params.q} onSearch={(q) => setParams({ q })} />
          <Select
            label={t('users.roleFilter')}
            clearable
            placeholder={t('common.all')}
            data={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            value={params.role || null}
            onChange={(v) => setParams({ role: v ?? '' })}
          />
          <Select
            label={t('users.activeFilter')}
            allowDeselect={false}
            data={activeFilterOptions(t)}
            value={params.active}
            onChange={(v) => setParams({ active: v ?? 'all' })}
          />
        </SimpleGrid>
      </Paper>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          <TableScroll label={t('users.title')} minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.username')}</Table.Th>
                  <Table.Th scope="col">{t('users.fullName')}</Table.Th>
                  <Table.Th scope="col">{t('users.roles')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text>{t('common.noData')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  list.data.items.map((u) => (
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
                              <Menu.Item onClick={() => setResetting(u)}>
                                {t('users.resetPassword')}
                              </Menu.Item>
                              <Menu.Item color={u.active ? 'red' : undefined} onClick={() => setToggling(u)}>
                                {u.active ? t('common.deactivate') : t('common.activate')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <TablePagination
            page={params.page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onChange={(page) => setParams({ page })}
          />
        </Paper>
      )}

      <UserModal
        opened={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.active ? t('common.deactivate') : t('common.activate')}
        message={
          toggling
            ? t(toggling.active ? 'users.confirmDeactivate' : 'users.confirmActivate', {
                name: toggling.fullName,
              })
            : ''
        }
        confirmLabel={toggling?.active ? t('common.deactivate') : t('common.activate')}
        danger={toggling?.active}
        loading={setActive.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          setActive.mutate(
            { id: toggling.id, version: toggling.version, active: !toggling.active },
            {
              onSuccess: (u) => {
                notifications.show({
                  color: 'green',
                  message: u.active ? t('users.activated') : t('users.deactivated'),
                });
                setToggling(null);
              },
              onError: (e) => onError(e),
            },
          );
        }}
      />
    </Stack>
  );
}
