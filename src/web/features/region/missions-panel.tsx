import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { Mission } from '../../../contract/region';
import { useT } from '../../app/i18n';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { MissionModal } from './mission-modal';
import { NumberedItemModal } from './numbered-item-modal';
import { useDeleteNode, useMissions, type DeletableKind, type NumberedItemKind } from './region-api';

type Goal = Mission['goals'][number];
type Target = Goal['targets'][number];

type Dialog =
  | { type: 'mission'; mission: Mission | null }
  | { type: NumberedItemKind; parentId: string; item: Goal | Target | null; nextNumber: number }
  | { type: 'delete'; kind: DeletableKind; id: string; version: number; title: string };

const nextOf = (items: { number: number }[]) => items.reduce((m, i) => Math.max(m, i.number), 0) + 1;

function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={editLabel}>
        <ActionIcon variant="subtle" aria-label={editLabel} onClick={onEdit}>
          <span aria-hidden>✎</span>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={deleteLabel}>
        <ActionIcon variant="subtle" color="red" aria-label={deleteLabel} onClick={onDelete}>
          <span aria-hidden>✕</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Missions of the head of region with their goals (tujuan) and targets (sasaran). */
export function MissionsPanel() {
  const t = useT();
  const missions = useMissions();
  const del = useDeleteNode();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const feedback = useMutationFeedback(close);
  const askDelete = (kind: DeletableKind, node: { id: string; version: number; title: string }) =>
    setDialog({ type: 'delete', kind, id: node.id, version: node.version, title: node.title });

  const list = missions.data ?? [];
  const last = list[list.length - 1];
  const thisYear = new Date().getFullYear();
  const defaultTerm = last
    ? { start: last.termStart, end: last.termEnd }
    : { start: thisYear, end: thisYear + 4 };

  const confirmText = (d: Extract<Dialog, { type: 'delete' }>) =>
    t(
      d.kind === 'mission'
        ? 'region.confirmDeleteMission'
        : d.kind === 'goal'
          ? 'region.confirmDeleteGoal'
          : 'region.confirmDeleteTarget',
      { title: d.title },
    );

  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3">
          {t('region.missions')}
        </Title>
        <Button
          onClick={() => setDialog({ type: 'mission', mission: null })}
          disabled={!missions.isSuccess}
          data-testid="add-mission"
        >
          {t('region.addMission')}
        </Button>
      </Group>
      {missions.isPending ? (
        <PageLoader />
      ) : missions.isError ? (
        <QueryError error={missions.error} onRetry={() => void missions.refetch()} />
      ) : null}
      {missions.isSuccess && list.length === 0 ? <Text>{t('region.noMissions')}</Text> : null}
      <Stack>
        {list.map((m) => (
          <Paper key={m.id} withBorder p="md" radius="md" data-testid="mission">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Box miw={0}>
                <Group gap="xs">
                  <Title order={3} size="h4">
                    {t('region.mission', { n: m.number })}
                  </Title>
                  <Badge variant="light" tt="none">
                    {t('region.term', { start: m.termStart, end: m.termEnd })}
                  </Badge>
                </Group>
                <Text fw={500}>{m.title}</Text>
                {m.description ? <Text size="sm">{m.description}</Text> : null}
              </Box>
              <RowActions
                editLabel={`${t('region.editMission')} ${m.number}`}
                deleteLabel={`${t('region.deleteMission')} ${m.number}`}
                onEdit={() => setDialog({ type: 'mission', mission: m })}
                onDelete={() => askDelete('mission', m)}
              />
            </Group>

            <Stack gap="xs" mt="sm" pl={{ base: 0, sm: 'md' }}>
              {m.goals.length === 0 ? <Text size="sm">{t('region.noGoals')}</Text> : null}
              {m.goals.map((g) => (
                <Paper key={g.id} withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Box miw={0}>
                      <Title order={4} size="h5">
                        {t('region.goal', { n: `${m.number}.${g.number}` })}
                      </Title>
                      <Text size="sm">{g.title}</Text>
                    </Box>
                    <RowActions
                      editLabel={`${t('region.editGoal')} ${m.number}.${g.number}`}
                      deleteLabel={`${t('region.deleteGoal')} ${m.number}.${g.number}`}
                      onEdit={() =>
                        setDialog({ type: 'goal', parentId: m.id, item: g, nextNumber: nextOf(m.goals) })
                      }
                      onDelete={() => askDelete('goal', g)}
                    />
                  </Group>
                  {g.targets.length === 0 ? (
                    <Text size="sm" mt={4}>
                      {t('region.noTargets')}
                    </Text>
                  ) : (
                    <List spacing={4} mt={4} size="sm" listStyleType="none">
                      {g.targets.map((tg) => (
                        <List.Item key={tg.id}>
                          <Group justify="space-between" wrap="nowrap" gap="xs">
                            <Text size="sm">
                              <strong>
                                {t('region.target', { n: `${m.number}.${g.number}.${tg.number}` })}:
                              </strong>{' '}
                              {tg.title}
                            </Text>
                            <RowActions
                              editLabel={`${t('region.editTarget')} ${m.number}.${g.number}.${tg.number}`}
                              deleteLabel={`${t('region.deleteTarget')} ${m.number}.${g.number}.${tg.number}`}
                              onEdit={() =>
                                setDialog({
                                  type: 'target',
                                  parentId: g.id,
                                  item: tg,
                                  nextNumber: nextOf(g.targets),
                                })
                              }
                              onDelete={() => askDelete('target', tg)}
                            />
                          </Group>
                        </List.Item>
                      ))}
                    </List>
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    mt={4}
                    onClick={() =>
                      setDialog({ type: 'target', parentId: g.id, item: null, nextNumber: nextOf(g.targets) })
                    }
                  >
                    {t('region.addTarget')}
                  </Button>
                </Paper>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    setDialog({ type: 'goal', parentId: m.id, item: null, nextNumber: nextOf(m.goals) })
                  }
                >
                  {t('region.addGoal')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>

      <MissionModal
        opened={dialog?.type === 'mission'}
        mission={dialog?.type === 'mission' ? dialog.mission : null}
        nextNumber={nextOf(list)}
        defaultTerm={defaultTerm}
        onClose={close}
      />

      {dialog?.type === 'goal' || dialog?.type === 'target' ? (
        <NumberedItemModal
          kind={dialog.type}
          parentId={dialog.parentId}
          item={dialog.item}
          nextNumber={dialog.nextNumber}
          onClose={close}
        />
      ) : null}

      <ConfirmModal
        opened={dialog?.type === 'delete'}
        title={t('common.delete')}
        message={dialog?.type === 'delete' ? confirmText(dialog) : ''}
        confirmLabel={t('common.delete')}
        danger
        loading={del.isPending}
        onClose={close}
        onConfirm={() => {
          if (dialog?.type !== 'delete') return;
          del.mutate(
            { kind: dialog.kind, id: dialog.id, version: dialog.version },
            feedback(t('common.deleted')),
          );
        }}
      />
    </Card>
  );
}
