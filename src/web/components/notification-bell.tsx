import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { monitoringRoutes } from '../../contract/monitoring';
import { call } from '../app/api';
import { useT } from '../app/i18n';
import { useFormat } from '../app/session';

const key = ['notifications'] as const;

/**
 * The reminders of the signed-in user (deadlines, overdue and returned reports, overdue milestones):
 * a bell with the unread count in the header; the list opens in a popover. Refreshes every minute.
 */
export function NotificationBell() {
  const t = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: key,
    queryFn: () => call(monitoringRoutes.notifications, { query: { page: 1, pageSize: 20 } }),
    refetchInterval: 60_000,
  });
  const done = { onSettled: () => void qc.invalidateQueries({ queryKey: key }) };
  const readOne = useMutation({
    mutationFn: (id: string) => call(monitoringRoutes.readNotification, { params: { id } }),
    ...done,
  });
  const readAll = useMutation({ mutationFn: () => call(monitoringRoutes.readAllNotifications, {}), ...done });
  const [opened, setOpened] = useState(false);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red">
      <Popover
        width={360}
        position="bottom-end"
        shadow="md"
        withinPortal
        opened={opened}
        onChange={setOpened}
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('notify.open', { n: unread })}
            data-testid="notification-bell"
            onClick={() => setOpened((o) => !o)}
          >
            <svg
              width="18"
              height="18"
              viewBox="0 0 24 24"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('notify.title')}</Text>
            {unread > 0 ? (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => readAll.mutate()}
                loading={readAll.isPending}
              >
                {t('notify.readAll')}
              </Button>
            ) : null}
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notify.none')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((n) => (
                  <li key={n.id}>
                    <Stack gap={2}>
                      <Group gap={6} wrap="nowrap">
                        {!n.read ? (
                          <Badge size="xs" color="red" variant="filled" style={{ flexShrink: 0 }}>
                            {t('notify.new')}
                          </Badge>
                        ) : null}
                        {n.link ? (
                          <Anchor
                            component={Link}
                            to={n.link}
                            size="sm"
                            fw={600}
                            onClick={() => {
                              // Following a reminder closes the list, so the page it opens is not covered.
                              setOpened(false);
                              if (!n.read) readOne.mutate(n.id);
                            }}
                          >
                            {n.title}
                          </Anchor>
                        ) : (
                          <Text size="sm" fw={600}>
                            {n.title}
                          </Text>
                        )}
                      </Group>
                      <Text size="xs">{n.body}</Text>
                      <Text size="xs" c="dimmed">
                        {f.dateTime(n.createdAt)}
                      </Text>
                    </Stack>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
