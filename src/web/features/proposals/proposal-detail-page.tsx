import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import type { CycleDto } from '../../../contract/cycles';
import type { Proposal } from '../../../contract/proposals';
import { ApiError } from '../../app/api';
import { useApiErrorHandler } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useCycle } from '../../components/cycle-queries';
import { ProposalStatusBadge } from '../../components/proposal-status';
import {
  BudgetSection,
  fieldId,
  GeneralSection,
  IndicatorsSection,
  ScheduleSection,
  UnitsSection,
  type Doc,
  type SectionProps,
} from './proposal-sections';
import {
  proposalKey,
  saveProposal,
  useProposal,
  useProposalAction,
  type ProposalAction,
} from './proposals-api';

const AUTOSAVE_MS = 1500;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' };

interface FieldProblem {
  path: string;
  message: string;
}

/** Moves to the input of a problem: the exact path, else the nearest enclosing one that exists. */
function focusField(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
  }
}

function CompletenessPanel({ problems, title }: { problems: FieldProblem[]; title: string }) {
  const t = useT();
  return (
    <Card
      withBorder
      radius="md"
      data-testid="completeness"
      component="section"
      aria-labelledby="completeness-title"
    >
      <Title order={2} size="h4" mb="xs" id="completeness-title">
        {title}
      </Title>
      {problems.length === 0 ? (
        <Text size="sm">{t('proposal.noProblems')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('proposal.problemCount', { n: problems.length })}
          </Text>
          <List size="sm" spacing={4}>
            {problems.map((pr, i) => (
              <List.Item key={`${pr.path}-${i}`}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ta="left"
                  onClick={() => focusField(pr.path)}
                  data-path={pr.path}
                >
                  {pr.message}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}

function ProposalEditor({
  proposal,
  cycle,
  onReloaded,
}: {
  proposal: Proposal;
  cycle: CycleDto;
  /** Called after an action or a reload changed the proposal, to start again from the server copy. */
  onReloaded: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const action = useProposalAction();
  const readOnly = !proposal.can.edit;

  const [doc, setDoc] = useState<Doc>(proposal.document);
  const [problems, setProblems] = useState<FieldProblem[]>(proposal.problems);
  const [submitErrors, setSubmitErrors] = useState<FieldProblem[] | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [confirm, setConfirm] = useState<ProposalAction | null>(null);

  const docRef = useRef(doc);
  const versionRef = useRef(proposal.version);
  const dirtyRef = useRef(false);
  const savingRef = useRef<Promise<void> | null>(null);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async (): Promise<void> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    if (savingRef.current) await savingRef.current;
    if (!dirtyRef.current || conflictRef.current) return;
    dirtyRef.current = false;
    setSave({ kind: 'saving' });
    const run = (async () => {
      try {
        const p = await saveProposal(proposal.id, { document: docRef.current, version: versionRef.current });
        versionRef.current = p.version;
        setProblems(p.problems);
        qc.setQueryData(proposalKey(p.id), (old: Proposal | undefined) =>
          old ? { ...p, document: old.document } : p,
        );
        void qc.invalidateQueries({ queryKey: ['proposals', 'list'] });
        setSave(dirtyRef.current ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
          conflictRef.current = true;
          setSave({ kind: 'conflict' });
        } else {
          dirtyRef.current = true;
          setSave({
            kind: 'error',
            message: err instanceof ApiError ? err.message : t('error.network'),
          });
        }
      }
    })();
    savingRef.current = run;
    await run;
    savingRef.current = null;
    if (dirtyRef.current && !conflictRef.current && !timerRef.current)
      timerRef.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }, [proposal.id, qc, t]);

  const update = useCallback(
    (fn: (d: Doc) => Doc) => {
      if (readOnly || conflictRef.current) return;
      const next = fn(docRef.current);
      docRef.current = next;
      setDoc(next);
      dirtyRef.current = true;
      setSave({ kind: 'pending' });
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush, readOnly],
  );

  // Leaving the page keeps what was typed: save what is still pending.
  useEffect(
    () => () => {
      if (timerRef.current) clearTimeout(timerRef.current);
      if (dirtyRef.current && !conflictRef.current)
        void saveProposal(proposal.id, { document: docRef.current, version: versionRef.current })
          .then((p) => qc.setQueryData(proposalKey(p.id), p))
          .catch(() => undefined);
    },
    [proposal.id, qc],
  );

  const reload = async () => {
    await qc.refetchQueries({ queryKey: proposalKey(proposal.id) });
    onReloaded();
  };

  const runAction = async (a: ProposalAction) => {
    await flush();
    if (conflictRef.current) {
      setConfirm(null);
      return;
    }
    action.mutate(
      { id: proposal.id, action: a, version: versionRef.current },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`proposal.done.${a}`) });
          setConfirm(null);
          onReloaded();
        },
        onError: (err) => {
          setConfirm(null);
          if (err instanceof ApiError && err.fields.length > 0) {
            setSubmitErrors(
              err.fields.map((x) => ({ path: x.path.replace(/^document\./, ''), message: x.message })),
            );
          }
          if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
            conflictRef.current = true;
            setSave({ kind: 'conflict' });
          }
          onError(err);
        },
      },
    );
  };

  const shown = submitErrors ?? problems;
  const errors: Record<string, string> = {};
  for (const pr of shown)
    errors[pr.path] = errors[pr.path] ? `${errors[pr.path]}; ${pr.message}` : pr.message;
  const sectionProps: SectionProps = { doc, cycle, update, readOnly, errors };

  const saveText =
    save.kind === 'saving'
      ? t('proposal.saving')
      : save.kind === 'pending'
        ? t('proposal.unsaved')
        : save.kind === 'saved'
          ? t('proposal.savedAt', { time: dayjs(save.at).format('HH:mm') })
          : save.kind === 'error'
            ? t('proposal.saveFailed', { message: save.message })
            : t('proposal.savedAt', { time: dayjs(proposal.updatedAt).format('HH:mm') });

  return (
    <Stack data-testid={readOnly ? 'proposal-view' : 'proposal-editor'}>
      <Card withBorder radius="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Group gap="xs">
              <ProposalStatusBadge status={proposal.status} />
              <Text size="sm">
                {proposal.leadUnitName} ·{' '}
                <Anchor component={Link} to={`/siklus/${cycle.id}`} size="sm">
                  {proposal.cycleName}
                </Anchor>
              </Text>
            </Group>
            <Text size="sm" component="div" data-testid="submission-deadline">
              {t('proposal.deadlineLine', { date: f.dateTime(proposal.submissionDeadline) })} ·{' '}
              <Badge variant="light" color={proposal.submissionOpen ? 'green' : 'red'} tt="none">
                {proposal.submissionOpen ? t('proposal.submissionOpen') : t('proposal.submissionClosed')}
              </Badge>
            </Text>
            {proposal.submittedAt ? (
              <Text size="sm" c="dimmed">
                {t('proposal.submittedBy', {
                  date: f.dateTime(proposal.submittedAt),
                  name: proposal.submittedByName ?? t('common.none'),
                })}
              </Text>
            ) : null}
            {readOnly ? null : (
              <Text
                size="sm"
                c={save.kind === 'error' ? 'red.9' : undefined}
                aria-live="polite"
                data-testid="autosave-status"
              >
                {saveText}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {proposal.can.submit ? (
              <Button onClick={() => setConfirm('submit')} data-testid="proposal-submit">
                {t('proposal.submit')}
              </Button>
            ) : null}
            {proposal.can.withdraw ? (
              <Button variant="default" color="red" onClick={() => setConfirm('withdraw')}>
                {t('proposal.withdraw')}
              </Button>
            ) : null}
            {proposal.can.reopen ? (
              <Button variant="default" onClick={() => setConfirm('reopen')}>
                {t('proposal.reopen')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Card>

      {save.kind === 'conflict' ? (
        <Alert color="yellow" role="alert" data-testid="version-conflict">
          <Group justify="space-between">
            <Text size="sm">{t('error.versionConflict')}</Text>
            <Button size="xs" variant="default" onClick={() => void reload()}>
              {t('common.reload')}
            </Button>
          </Group>
        </Alert>
      ) : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Stack>
            <GeneralSection {...sectionProps} />
            <UnitsSection {...sectionProps} leadUnitName={proposal.leadUnitName} />
            <BudgetSection {...sectionProps} />
            <IndicatorsSection {...sectionProps} />
            <ScheduleSection {...sectionProps} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <div style={{ position: 'sticky', top: 72 }}>
            {proposal.status === 'draft' || submitErrors ? (
              <CompletenessPanel
                problems={shown}
                title={submitErrors ? t('proposal.submitProblems') : t('proposal.completeness')}
              />
            ) : null}
          </div>
        </Grid.Col>
      </Grid>

      <ConfirmModal
        opened={confirm !== null}
        title={confirm ? t(`proposal.confirm.${confirm}.title`) : ''}
        message={confirm ? t(`proposal.confirm.${confirm}.message`) : ''}
        confirmLabel={confirm ? t(`proposal.${confirm}`) : ''}
        danger={confirm === 'withdraw'}
        loading={action.isPending}
        onConfirm={() => {
          if (confirm) void runAction(confirm);
        }}
        onClose={() => setConfirm(null)}
      />
    </Stack>
  );
}

export function ProposalDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const proposal = useProposal(id);
  const cycle = useCycle(proposal.data?.cycleId ?? '');
  // Bumped to start the editor again from the server copy (after an action or a reload).
  const [generation, setGeneration] = useState(0);

  const title = proposal.data?.title.trim() || t('proposal.untitled');
  return (
    <Stack>
      <PageHeader
        title={proposal.data ? title : t('proposal.detailTitle')}
        actions={
          <>
            {proposal.data &&
            ['scored', 'in_negotiation', 'agreed', 'refused', 'signed'].includes(proposal.data.status) ? (
              <Button component={Link} to={`/usulan/${id}/negosiasi`} data-testid="proposal-negotiation">
                {t('neg.open')}
              </Button>
            ) : null}
            <Button component={Link} to="/usulan" variant="default">
              {t('common.back')}
            </Button>
          </>
        }
      />
      {proposal.isPending || (proposal.isSuccess && cycle.isPending) ? (
        <PageLoader />
      ) : proposal.isError ? (
        <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />
      ) : !cycle.isSuccess ? (
        <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} />
      ) : (
        <ProposalEditor
          key={`${proposal.data.id}-${generation}`}
          proposal={proposal.data}
          cycle={cycle.data}
          onReloaded={() => setGeneration((g) => g + 1)}
        />
      )}
    </Stack>
  );
}
