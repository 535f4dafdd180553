import { useCallback, useState } from 'react';
import { Alert, Anchor, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Realization } from '../../../contract/monitoring';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { EvidenceCard } from './evidence-card';
import { realizationKey, realizationPath, useRealization, type SlotKey } from './monitoring-api';
import {
  formatTarget,
  formatValue,
  parsePeriodKey,
  PeriodStateBadge,
  periodsOfYear,
  usePeriodLabel,
} from './monitoring-format';
import { RealizationActions } from './realization-actions';
import { RealizationForm } from './realization-form';

/** The other periods of the same year and frequency, to move between them. */
function PeriodSwitch({ realization: r }: { realization: Realization }) {
  const t = useT();
  const label = usePeriodLabel();
  const navigate = useNavigate();
  const p = parsePeriodKey(r.periodKey);
  if (!p || p.frequency === 'yearly') return <>{label(r.periodKey)}</>;
  return (
    <Select
      aria-label={t('monev.otherPeriod')}
      size="xs"
      allowDeselect={false}
      data={periodsOfYear(p.frequency, p.year).map((x) => ({ value: x.key, label: label(x.key) }))}
      value={r.periodKey}
      onChange={(v) => {
        if (v && v !== r.periodKey) navigate(realizationPath({ ...r, periodKey: v }));
      }}
      w={190}
      data-testid="period-switch"
    />
  );
}

function Summary({ realization: r }: { realization: Realization }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card withBorder radius="md" data-testid="realization-summary">
      <Stack gap="sm">
        <PeriodStateBadge realization={r} size="lg" />
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label={t('monev.unit')}>{r.workUnitName}</FieldRow>
          <FieldRow label={t('monev.contract')}>
            <Anchor component={Link} to={`/kontrak/${r.contractId}`} size="sm">
              {r.contractTitle}
            </Anchor>
          </FieldRow>
          <FieldRow label={t('monev.period')}>
            <PeriodSwitch realization={r} />
          </FieldRow>
          <FieldRow label={t('monev.deadline')}>{f.date(r.deadline)}</FieldRow>
          <FieldRow label={t('monev.target', { year: r.year })}>{formatTarget(f, r)}</FieldRow>
          <FieldRow label={t('monev.polarity')}>{t(`polarity.${r.polarity}`)}</FieldRow>
          <FieldRow label={t('monev.value')}>
            <span data-testid="realization-current-value">{formatValue(f, r)}</span>
          </FieldRow>
        </Stack>
      </Stack>
    </Card>
  );
}

/** Value, note and breakdown as read by those who do not edit (or once submitted). */
function ReadOnlyValues({ realization: r }: { realization: Realization }) {
  const t = useT();
  const f = useFormat();
  if (r.id === null || (r.value === null && !r.note && r.breakdown.length === 0)) {
    return (
      <Card withBorder radius="md">
        <Text size="sm">{t('monev.notEntered')}</Text>
      </Card>
    );
  }
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="realization-values-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="realization-values-title">
          {t('monev.values')}
        </Title>
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label={t('monev.value')}>{formatValue(f, r)}</FieldRow>
        </Stack>
        <div>
          <Text size="sm" c="dimmed">
            {t('monev.form.note')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.note || t('common.none')}
          </Text>
        </div>
        {r.breakdown.length > 0 ? (
          <TableScroll label={t('monev.form.breakdown')} minWidth={280}>
            <Table striped verticalSpacing="xs" captionSide="top" data-testid="breakdown-table">
              <Table.Caption ta="left" fw={500} c="var(--mantine-color-text)">
                {t('monev.form.breakdown')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('monev.breakdownLabel')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('monev.breakdownValue')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.breakdown.map((b, i) => (
                  <Table.Tr key={i}>
                    <Table.Th scope="row" style={{ fontWeight: 400 }}>
                      {b.label}
                    </Table.Th>
                    <Table.Td ta="right">{f.number(b.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Who submitted, returned and verified, and when, oldest first. */
function History({ realization: r }: { realization: Realization }) {
  const t = useT();
  const f = useFormat();
  const late = r.lateWorkingDays ?? 0;
  const events = [
    r.submittedAt
      ? {
          at: r.submittedAt,
          key: 'submitted',
          text: t('monev.history.submitted', {
            name: r.submittedByName ?? t('common.none'),
            date: f.dateTime(r.submittedAt),
          }),
          extra: late > 0 ? t('monev.submittedLateN', { n: late }) : t('monev.history.onTime'),
        }
      : null,
    r.returnedAt
      ? {
          at: r.returnedAt,
          key: 'returned',
          text: t('monev.history.returned', {
            name: r.returnedByName ?? t('common.none'),
            date: f.dateTime(r.returnedAt),
          }),
          extra: r.returnReason ? t('monev.returnReasonShort', { reason: r.returnReason }) : null,
        }
      : null,
    r.verifiedAt
      ? {
          at: r.verifiedAt,
          key: 'verified',
          text: t('monev.history.verified', {
            name: r.verifiedByName ?? t('common.none'),
            date: f.dateTime(r.verifiedAt),
          }),
          extra: null,
        }
      : null,
  ]
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="realization-history-title">
      <Title order={2} size="h4" mb="sm" id="realization-history-title">
        {t('monev.history.title')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm">{t('monev.history.none')}</Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="history">
          {events.map((e) => (
            <li key={e.key}>
              <Text size="sm" fw={500}>
                {e.text}
              </Text>
              {e.extra ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.extra}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function RealizationView({ realization: r, slot }: { realization: Realization; slot: SlotKey }) {
  const t = useT();
  const f = useFormat();
  const label = usePeriodLabel();
  const qc = useQueryClient();
  const [dirty, setDirty] = useState(false);
  // A new key mounts a fresh form from the reloaded realization (after a 409).
  const [formKey, setFormKey] = useState(0);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

  const onConflict = (message: string) => {
    notifications.show({ color: 'yellow', title: t('monev.conflictTitle'), message, autoClose: 10_000 });
    void qc.refetchQueries({ queryKey: realizationKey(slot) }).then(() => {
      setDirty(false);
      setFormKey((k) => k + 1);
    });
  };

  return (
    <Stack>
      {r.periodClosed ? (
        <Alert color="gray" title={t('monev.closedTitle')} data-testid="period-closed">
          {t('monev.closedText', { period: label(r.periodKey) })}
        </Alert>
      ) : null}
      {r.status === 'returned' && r.returnReason ? (
        <Alert color="grape" title={t('monev.returnedTitle')} data-testid="returned-alert">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.returnReason}
          </Text>
          <Text size="xs" mt={4}>
            {t('monev.history.returned', {
              name: r.returnedByName ?? t('common.none'),
              date: f.dateTime(r.returnedAt),
            })}
          </Text>
        </Alert>
      ) : null}
      <Summary realization={r} />
      {r.can.edit ? (
        <RealizationForm
          key={formKey}
          realization={r}
          slot={slot}
          onDirtyChange={onDirtyChange}
          onConflict={onConflict}
        />
      ) : (
        <ReadOnlyValues realization={r} />
      )}
      {r.can.edit && !r.can.submit && r.status !== 'submitted' ? (
        <Text size="sm" c="dimmed">
          {t('monev.headSubmits')}
        </Text>
      ) : null}
      <EvidenceCard realization={r} slot={slot} />
      <RealizationActions realization={r} slot={slot} dirty={r.can.edit && dirty} onConflict={onConflict} />
      <History realization={r} />
    </Stack>
  );
}

export function RealizationPage() {
  const t = useT();
  const label = usePeriodLabel();
  const { contractId = '', indicatorKey = '', periodKey = '' } = useParams();
  const slot = { contractId, indicatorKey, periodKey };
  const q = useRealization(slot);
  return (
    <Stack>
      <Anchor component={Link} to="/monev" size="sm">
        ← {t('monev.title')}
      </Anchor>
      <PageHeader
        title={q.data?.indicatorName || t('monev.realization')}
        description={q.data ? `${label(q.data.periodKey)} · ${q.data.workUnitName}` : undefined}
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <RealizationView
          key={`${contractId}|${indicatorKey}|${periodKey}`}
          realization={q.data}
          slot={slot}
        />
      )}
    </Stack>
  );
}
