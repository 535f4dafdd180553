import type { CSSProperties } from 'react';
import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Contract, TermsChangeDto, TermsDto } from '../../../contract/agreements';
import { useT, type Formatters, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { formatRupiah, polarityLabel } from '../../components/cycle-format';
import { TableScroll } from '../../components/table-scroll';

type Polarity = Contract['indicators'][number]['polarity'];
type TargetValue = { value?: number | null; lower?: number | null; upper?: number | null };

export const targetKey = (indicatorKey: string, year: number) => `${indicatorKey}|${year}`;

export const termYears = (c: Pick<Contract, 'term'>) =>
  Array.from({ length: c.term.endYear - c.term.startYear + 1 }, (_, i) => c.term.startYear + i);

/** A target as read in a table: one number, or `lower–upper` for a range. */
export function formatTarget(
  f: Formatters,
  polarity: Polarity | undefined,
  v: TargetValue | null | undefined,
) {
  if (!v) return '—';
  if (polarity === 'range') return `${f.number(v.lower)}–${f.number(v.upper)}`;
  return f.number(v.value);
}

const changedStyle: CSSProperties = { background: 'var(--mantine-color-yellow-light)', fontWeight: 700 };

/** The terms of one version: targets per year beside the baseline, milestone dates, budget per year. */
export function TermsTables({
  contract: c,
  terms,
  idPrefix,
}: {
  contract: Contract;
  terms: TermsDto;
  /** Keeps heading ids unique when several versions show at once. */
  idPrefix: string;
}) {
  const t = useT();
  const f = useFormat();
  const years = termYears(c);
  const targets = new Map(terms.targets.map((x) => [targetKey(x.indicatorKey, x.year), x]));
  const dates = new Map(terms.milestones.map((m) => [m.milestoneKey, m.date]));
  const budget = new Map(terms.budget.map((b) => [b.year, b.amount]));
  const budgetTotal = terms.budget.reduce((s, b) => s + b.amount, 0);
  return (
    <Stack gap="md">
      <section aria-labelledby={`${idPrefix}-ind`}>
        <Title order={3} size="h5" mb="xs" id={`${idPrefix}-ind`}>
          {t('contract.indicators')}
        </Title>
        <TableScroll label={t('contract.indicators')} minWidth={420 + 110 * years.length}>
          <Table striped withColumnBorders verticalSpacing="xs" data-testid={`${idPrefix}-targets`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('contract.indicator')}</Table.Th>
                <Table.Th scope="col">{t('contract.baseline')}</Table.Th>
                {years.map((y) => (
                  <Table.Th scope="col" key={y}>
                    {t('contract.targetYear', { year: y })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.indicators.map((ind) => (
                <Table.Tr key={ind.key}>
                  <Table.Th scope="row" style={{ fontWeight: 400, minWidth: 200 }}>
                    <Text fw={600} size="sm">
                      {ind.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ind.unit} · {polarityLabel(t, ind.polarity)} ·{' '}
                      {t(`aggregation.${ind.aggregation}` as MessageKey)} ·{' '}
                      {t(`frequency.${ind.frequency}` as MessageKey)} ·{' '}
                      {t('contract.weight', { w: f.number(ind.weight) })}
                    </Text>
                  </Table.Th>
                  <Table.Td style={{ minWidth: 140 }}>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {f.number(ind.baseline.value)}
                      {ind.baseline.year !== null ? ` (${ind.baseline.year})` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ind.baseline.source || t('common.none')}
                    </Text>
                  </Table.Td>
                  {years.map((y) => (
                    <Table.Td key={y} style={{ whiteSpace: 'nowrap' }}>
                      {formatTarget(f, ind.polarity, targets.get(targetKey(ind.key, y)))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </section>

      {c.milestones.length ? (
        <section aria-labelledby={`${idPrefix}-ms`}>
          <Title order={3} size="h5" mb="xs" id={`${idPrefix}-ms`}>
            {t('contract.milestones')}
          </Title>
          <TableScroll label={t('contract.milestones')} minWidth={300}>
            <Table striped verticalSpacing="xs" data-testid={`${idPrefix}-milestones`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('contract.milestone')}</Table.Th>
                  <Table.Th scope="col">{t('contract.dueDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.milestones.map((m) => (
                  <Table.Tr key={m.key}>
                    <Table.Th scope="row" style={{ fontWeight: 400 }}>
                      {m.title}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(dates.get(m.key))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </section>
      ) : null}

      <section aria-labelledby={`${idPrefix}-budget`}>
        <Title order={3} size="h5" mb="xs" id={`${idPrefix}-budget`}>
          {t('contract.budget')}
        </Title>
        <TableScroll label={t('contract.budget')} minWidth={260}>
          <Table striped verticalSpacing="xs" data-testid={`${idPrefix}-budget`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('contract.year')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('contract.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((y) => (
                <Table.Tr key={y}>
                  <Table.Th scope="row" style={{ fontWeight: 400 }}>
                    {y}
                  </Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {budget.has(y) ? formatRupiah(budget.get(y)!) : t('common.none')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('contract.total')}</Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(budgetTotal)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      </section>
    </Stack>
  );
}

/** What changed between two versions (or what an amendment proposes): item, before → after. */
export function ChangesTable({
  contract: c,
  changes,
  label,
}: {
  contract: Contract;
  changes: TermsChangeDto[];
  label: string;
}) {
  const t = useT();
  const f = useFormat();
  const indicators = new Map(c.indicators.map((i) => [i.key, i]));
  const milestones = new Map(c.milestones.map((m) => [m.key, m.title]));
  const rows = changes.map((ch, i) => {
    if (ch.kind === 'target') {
      const ind = indicators.get(ch.indicatorKey);
      return {
        key: `t-${ch.indicatorKey}-${ch.year}-${i}`,
        what: t('contract.change.target', { name: ind?.name ?? ch.indicatorKey, year: ch.year }),
        before: formatTarget(f, ind?.polarity, ch.before),
        after: formatTarget(f, ind?.polarity, ch.after),
      };
    }
    if (ch.kind === 'milestone')
      return {
        key: `m-${ch.milestoneKey}-${i}`,
        what: t('contract.change.milestone', { title: milestones.get(ch.milestoneKey) ?? ch.milestoneKey }),
        before: ch.before ? f.date(ch.before) : t('common.none'),
        after: ch.after ? f.date(ch.after) : t('common.none'),
      };
    return {
      key: `b-${ch.year}-${i}`,
      what: t('contract.change.budget', { year: ch.year }),
      before: ch.before === null ? t('common.none') : formatRupiah(ch.before),
      after: ch.after === null ? t('common.none') : formatRupiah(ch.after),
    };
  });
  if (rows.length === 0) return <Text size="sm">{t('contract.noChanges')}</Text>;
  return (
    <TableScroll label={label} minWidth={320}>
      <Table verticalSpacing="xs" withColumnBorders data-testid="changes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('contract.change.item')}</Table.Th>
            <Table.Th scope="col">{t('contract.change.before')}</Table.Th>
            <Table.Th scope="col">{t('contract.change.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" style={{ fontWeight: 400 }}>
                {r.what}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text span size="sm" td="line-through" c="dimmed">
                  {r.before}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', position: 'relative', ...changedStyle }}>
                <VisuallyHidden>→ </VisuallyHidden>
                {r.after}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
