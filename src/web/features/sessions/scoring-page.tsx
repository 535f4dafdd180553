import { useEffect, useMemo, useState } from 'react';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Slider,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import type { Scoring } from '../../../contract/scoring';
import { isConflict, useApiErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { hasRole } from '../../app/permissions';
import { useMe } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useDeclareConflict, useSaveScores, useScoring, useSession } from './sessions-api';

type Entry = { score: number | ''; note: string };
type Sheet = Record<string, Entry>;

const two = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const stateColors: Record<Scoring['panel'][number]['state'], MantineColor> = {
  pending: 'gray',
  draft: 'yellow',
  submitted: 'green',
  conflict: 'red',
};

function sheetFrom(s: Scoring): Sheet {
  const out: Sheet = {};
  for (const c of s.rubric) {
    const mine = s.mine?.scores.find((x) => x.criterionCode === c.code);
    out[c.code] = { score: mine ? mine.score : '', note: mine?.note ?? '' };
  }
  return out;
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/**
 * Why the sheet takes no scores now: the chair has not opened the session yet, it is over, or it was
 * cancelled. Shown to everyone who sees the sheet, panelist or not.
 */
function SessionLocked({
  status,
  cancelReason,
}: {
  status: Exclude<Scoring['sessionStatus'], 'in_progress'>;
  cancelReason: string | null;
}) {
  const t = useT();
  return (
    <Alert
      color={status === 'scheduled' ? 'yellow' : status === 'closed' ? 'blue' : 'red'}
      role="status"
      title={t(`score.locked.${status}` as MessageKey)}
      data-testid="session-locked"
    >
      {t(`score.lockedHint.${status}` as MessageKey, { reason: cancelReason || t('common.none') })}
    </Alert>
  );
}

function PanelStatus({ scoring }: { scoring: Scoring }) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('score.panelStatus')}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="panel-status">
        {scoring.panel.map((p) => (
          <Group component="li" key={p.userId} justify="space-between" wrap="nowrap">
            <Text>{p.fullName}</Text>
            <Badge variant="light" color={stateColors[p.state]} tt="none">
              {t(`score.state.${p.state}` as MessageKey)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function AggregateCard({ scoring }: { scoring: Scoring }) {
  const t = useT();
  const a = scoring.aggregate;
  const fmt = (n: number | null) => (n === null ? t('common.none') : two.format(n));
  if (!a || !a.complete || a.score === null) {
    const waiting = scoring.panel.filter((p) => p.state === 'pending' || p.state === 'draft').length;
    return (
      <Card withBorder radius="md" data-testid="aggregate">
        <Title order={2} size="h4" mb="sm">
          {t('score.aggregate')}
        </Title>
        <Text aria-live="polite">{t('score.waiting', { n: waiting, m: scoring.panel.length })}</Text>
      </Card>
    );
  }
  const data = [
    { label: t('score.min'), value: a.min ?? 0 },
    { label: t('score.finalScore'), value: a.score },
    { label: t('score.max'), value: a.max ?? 0 },
  ];
  return (
    <Card withBorder radius="md" data-testid="aggregate">
      <Title order={2} size="h4" mb="sm">
        {t('score.aggregate')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('score.finalScore')}
          </Text>
          <Text fz={48} fw={700} lh={1} data-testid="aggregate-score">
            {fmt(a.score)}
          </Text>
          <Text>{t('score.spread', { min: fmt(a.min), max: fmt(a.max) })}</Text>
          <Text>{t('score.stdDev', { sd: fmt(a.stdDev) })}</Text>
          <Text size="sm" c="dimmed">
            {t('score.scoredBy', { n: a.scoredBy, m: a.expected })}
          </Text>
        </Stack>
        <figure style={{ margin: 0 }}>
          <BarChart
            h={180}
            data={data}
            dataKey="label"
            series={[{ name: 'value', label: t('score.value'), color: 'blue.8' }]}
            valueFormatter={(v) => two.format(v)}
            yAxisProps={{ domain: [0, 100] }}
            xAxisProps={{ interval: 0 }}
            accessibilityLayer={false}
            aria-hidden
            gridAxis="y"
          />
          <VisuallyHidden component="figcaption">
            <Table>
              <caption>{t('score.chartCaption')}</caption>
              <tbody>
                {data.map((d) => (
                  <tr key={d.label}>
                    <th scope="row">{d.label}</th>
                    <td>{two.format(d.value)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </VisuallyHidden>
        </figure>
      </SimpleGrid>
    </Card>
  );
}

export function ScoringPage() {
  const t = useT();
  const me = useMe();
  const { id = '', proposalId = '' } = useParams();
  const session = useSession(id);
  const scoring = useScoring(proposalId);
  const save = useSaveScores();
  const conflict = useDeclareConflict();
  const onError = useApiErrorHandler();
  const [sheet, setSheet] = useState<Sheet>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const data = scoring.data;
  // A cancelled session's proposals leave its agenda, so their sheets answer 404 from then on: look at
  // the session again to say why rather than showing "not found".
  const scoringFailed = scoring.isError;
  useEffect(() => {
    if (scoringFailed) void session.refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scoringFailed]);
  // Fill the sheet from the server when it first loads and after each save (new version); the
  // 10-second refresh of the panel status must not overwrite what the panelist is typing.
  const mineVersion = data?.mine?.version ?? -1;
  useEffect(() => {
    if (data) setSheet(sheetFrom(data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.proposalId, mineVersion, data?.mine?.conflict]);

  const total = useMemo(
    () =>
      (data?.rubric ?? []).reduce((s, c) => {
        const v = sheet[c.code]?.score;
        return s + (typeof v === 'number' ? (v * c.weight) / 100 : 0);
      }, 0),
    [data?.rubric, sheet],
  );

  const back = (
    <Anchor component={Link} to={`/sidang/${id}`} size="sm">
      ← {t('score.back')}
    </Anchor>
  );
  if (session.data?.status === 'cancelled')
    return (
      <Stack>
        {back}
        <PageHeader title={t('score.title')} />
        <SessionLocked status="cancelled" cancelReason={session.data.cancelReason} />
      </Stack>
    );
  if (scoring.isPending) return <PageLoader />;
  if (scoring.isError || !data)
    return <QueryError error={scoring.error} onRetry={() => void scoring.refetch()} />;

  const mine = data.mine;
  const readOnly = !mine || mine.submitted || mine.conflict;
  // The session is not in progress: nothing can be typed or handed in (the server would refuse it).
  const locked = data.sessionStatus !== 'in_progress';
  const disabled = locked && !readOnly;
  const title = session.data?.agenda.find((a) => a.proposalId === proposalId)?.title || t('score.title');
  const isChair = session.data?.chair?.userId === me.id;
  const seesAggregate = isChair || hasRole(me, 'region_admin', 'head_of_region') || data.aggregate !== null;

  const setEntry = (code: string, patch: Partial<Entry>) => {
    setSheet((s) => ({ ...s, [code]: { ...(s[code] ?? { score: '', note: '' }), ...patch } }));
    if (patch.score !== undefined) setErrors((e) => ({ ...e, [code]: '' }));
  };

  /** A 409 (the session is not open, or the sheet changed): show the server's words, reload the sheet. */
  const failed = (e: unknown) => {
    if (isConflict(e)) void scoring.refetch();
    onError(e);
  };

  const send = (submit: boolean) => {
    if (!mine || locked) return;
    const missing: Record<string, string> = {};
    if (submit)
      for (const c of data.rubric)
        if (typeof sheet[c.code]?.score !== 'number') missing[c.code] = 'Nilai wajib diisi';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setConfirming(false);
      return;
    }
    const scores = data.rubric
      .filter((c) => typeof sheet[c.code]?.score === 'number')
      .map((c) => ({
        criterionCode: c.code,
        score: sheet[c.code]!.score as number,
        note: sheet[c.code]!.note.trim() || null,
      }));
    save.mutate(
      { proposalId, body: { scores, submit, version: mine.version > 0 ? mine.version : undefined } },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({
            color: 'green',
            message: submit ? t('score.submitted') : t('score.draftSaved'),
          });
        },
        onError: (e) => {
          setConfirming(false);
          failed(e);
        },
      },
    );
  };

  const declare = () => {
    const r = reason.trim();
    if (!r) return setReasonError(t('score.conflictRequired'));
    conflict.mutate(
      { proposalId, reason: r },
      {
        onSuccess: () => {
          setConflictOpen(false);
          notifications.show({ color: 'green', message: t('score.conflictDone') });
        },
        onError: (e) => {
          if (isConflict(e)) setConflictOpen(false);
          failed(e);
        },
      },
    );
  };

  return (
    <Stack>
      {back}
      <PageHeader
        title={title}
        description={
          <Anchor component={Link} to={`/usulan/${proposalId}`} data-testid="score-proposal-link">
            {t('score.openProposal')}
          </Anchor>
        }
      />

      {data.sessionStatus === 'in_progress' ? null : (
        <SessionLocked status={data.sessionStatus} cancelReason={session.data?.cancelReason ?? null} />
      )}

      {mine ? (
        <Stack gap="md" data-testid="score-sheet">
          {mine.submitted ? (
            <Alert color="green" role="status">
              {t('score.readOnlySubmitted')}
            </Alert>
          ) : null}
          {mine.conflict ? (
            <Alert color="red" role="status">
              {t('score.readOnlyConflict', { reason: mine.conflictReason ?? t('common.none') })}
            </Alert>
          ) : null}
          {mine.conflict
            ? null
            : data.rubric.map((c) => {
                const e = sheet[c.code] ?? { score: '', note: '' };
                return (
                  <Card key={c.code} withBorder radius="md" p="lg" data-testid={`criterion-${c.code}`}>
                    <Stack gap="md">
                      <Group justify="space-between" align="flex-start" wrap="nowrap">
                        <Title order={2} size="h4">
                          {c.name}
                        </Title>
                        <Badge size="lg" variant="light" tt="none" style={{ flexShrink: 0 }}>
                          {t('score.weight', { w: c.weight })}
                        </Badge>
                      </Group>
                      <Group align="center" gap="lg" wrap="wrap">
                        <NumberInput
                          label={t('score.scoreOf', { name: c.name })}
                          size="lg"
                          min={0}
                          max={100}
                          step={5}
                          clampBehavior="strict"
                          allowDecimal={false}
                          allowNegative={false}
                          value={e.score}
                          onChange={(v) =>
                            setEntry(c.code, {
                              score: typeof v === 'number' ? clamp(v) : v === '' ? '' : clamp(Number(v)),
                            })
                          }
                          readOnly={readOnly}
                          disabled={disabled}
                          error={errors[c.code] || undefined}
                          w={{ base: '100%', xs: 160 }}
                        />
                        <Slider
                          min={0}
                          max={100}
                          step={5}
                          size="lg"
                          thumbSize={32}
                          thumbLabel={t('score.sliderOf', { name: c.name })}
                          value={typeof e.score === 'number' ? e.score : 0}
                          onChange={(v) => setEntry(c.code, { score: v })}
                          disabled={readOnly || locked}
                          marks={[{ value: 0 }, { value: 25 }, { value: 50 }, { value: 75 }, { value: 100 }]}
                          style={{ flex: 1, minWidth: 220 }}
                          py="md"
                        />
                      </Group>
                      <Textarea
                        label={t('score.noteOf', { name: c.name })}
                        size="md"
                        autosize
                        minRows={2}
                        maxLength={2000}
                        value={e.note}
                        onChange={(ev) => setEntry(c.code, { note: ev.currentTarget.value })}
                        readOnly={readOnly}
                        disabled={disabled}
                      />
                    </Stack>
                  </Card>
                );
              })}

          {mine.conflict ? null : (
            <Paper
              withBorder
              radius="md"
              p="md"
              shadow="sm"
              style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
            >
              <Stack gap="sm">
                <Group justify="space-between" align="baseline" wrap="nowrap" gap="sm">
                  <Text c="dimmed">{t('score.total')}</Text>
                  <Text fz={32} fw={700} lh={1.1} aria-live="polite" data-testid="score-total">
                    {two.format(total)}
                  </Text>
                </Group>
                {readOnly ? null : (
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    <Button
                      size="lg"
                      px="xs"
                      variant="default"
                      loading={save.isPending && !confirming}
                      disabled={locked}
                      onClick={() => send(false)}
                      data-testid="score-save"
                    >
                      {t('score.saveDraft')}
                    </Button>
                    <Button
                      size="lg"
                      px="xs"
                      disabled={locked}
                      onClick={() => setConfirming(true)}
                      data-testid="score-submit"
                    >
                      {t('score.submit')}
                    </Button>
                  </SimpleGrid>
                )}
              </Stack>
            </Paper>
          )}
          {readOnly ? null : (
            <Group>
              <Button
                size="lg"
                variant="subtle"
                color="red"
                disabled={locked}
                onClick={() => {
                  setReason('');
                  setReasonError(null);
                  setConflictOpen(true);
                }}
                data-testid="score-conflict"
              >
                {t('score.conflict')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : seesAggregate ? null : (
        <Alert color="blue" role="status">
          {t('score.notOnPanel')}
        </Alert>
      )}

      <PanelStatus scoring={data} />
      {seesAggregate ? <AggregateCard scoring={data} /> : null}

      <ConfirmModal
        opened={confirming}
        title={t('score.submitTitle')}
        message={t('score.submitMessage')}
        confirmLabel={t('score.submit')}
        loading={save.isPending}
        onConfirm={() => send(true)}
        onClose={() => setConfirming(false)}
      />
      <Modal
        opened={conflictOpen}
        onClose={() => setConflictOpen(false)}
        title={t('score.conflict')}
        centered
      >
        <Stack>
          <Text size="sm">{t('score.conflictHint')}</Text>
          <Textarea
            label={t('score.conflictReason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(ev) => {
              setReason(ev.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
            data-testid="conflict-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflictOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={conflict.isPending} onClick={declare} data-testid="conflict-confirm">
              {t('score.conflictConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
