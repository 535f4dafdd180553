import type { ReactNode } from 'react';
import { Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Negotiation } from '../../../contract/agreements';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { polarityLabel } from '../../components/cycle-format';
import { TableScroll } from '../../components/table-scroll';
import { formatTarget, sideLabel } from './negotiation-format';
import { roundView, sameTarget, targetKey, viewOf, yearsOf, type TermsView } from './negotiation-terms';

const changedStyle = {
  background: 'var(--mantine-color-yellow-light)',
  fontWeight: 700,
} as const;

/** One value cell; highlighted (and said to screen readers) when it differs from the column before. */
function ValueCell({ changed, children }: { changed: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <Table.Td
      // relative: the visually hidden note must not escape the scrolling box and widen the page.
      style={{ whiteSpace: 'nowrap', position: 'relative', ...(changed ? changedStyle : {}) }}
      data-changed={changed || undefined}
    >
      {children}
      {changed ? <VisuallyHidden> ({t('neg.changed')})</VisuallyHidden> : null}
    </Table.Td>
  );
}

/**
 * The negotiation side by side: rows are the indicators by year and the milestones; columns the
 * baseline, the original bid, every round, and what was agreed.
 */
export function ComparisonTable({ negotiation: n }: { negotiation: Negotiation }) {
  const t = useT();
  const f = useFormat();
  const original = viewOf(n.original);
  const columns: { key: string; view: TermsView; head: ReactNode }[] = [
    {
      key: 'original',
      view: original,
      head: (
        <Text fw={700} size="sm">
          {t('neg.col.original')}
        </Text>
      ),
    },
    ...n.rounds.map((r) => ({
      key: `round-${r.round}`,
      view: roundView(original, r),
      head: (
        <>
          <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('neg.col.round', { n: r.round, side: sideLabel(t, r.side) })}
          </Text>
          <Text size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
            {f.dateTime(r.createdAt)}
          </Text>
          <Text size="xs" c="dimmed" fw={400}>
            {r.createdByName}
          </Text>
        </>
      ),
    })),
  ];
  const agreed = n.agreed ? viewOf(n.agreed) : null;
  const colCount = 3 + columns.length + (agreed ? 1 : 0);
  const withDates = n.milestones.length > 0;

  return (
    <Paper withBorder radius="md" p="xs">
      <Text size="sm" c="dimmed" px="xs" pb="xs" id="neg-compare-note">
        {t('neg.compareCaption')}
      </Text>
      <TableScroll label={t('neg.compareTitle')} minWidth={420 + 130 * (columns.length + (agreed ? 1 : 0))}>
        <Table
          withColumnBorders
          verticalSpacing="xs"
          aria-describedby="neg-compare-note"
          data-testid="negotiation-table"
        >
          <VisuallyHidden component="caption">{t('neg.compareTitle')}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('neg.col.indicator')}</Table.Th>
              <Table.Th scope="col">{t('neg.col.year')}</Table.Th>
              <Table.Th scope="col">{t('neg.col.baseline')}</Table.Th>
              {columns.map((c) => (
                <Table.Th scope="col" key={c.key} style={{ verticalAlign: 'top' }}>
                  {c.head}
                </Table.Th>
              ))}
              {agreed ? (
                <Table.Th scope="col" style={{ verticalAlign: 'top' }}>
                  <Text fw={700} size="sm">
                    {t('neg.col.agreed')}
                  </Text>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          {n.indicators.map((ind) => {
            const years = yearsOf(n.original, ind.key);
            if (years.length === 0) return null;
            return (
              <Table.Tbody key={ind.key}>
                {years.map((year, yi) => {
                  const k = targetKey(ind.key, year);
                  return (
                    <Table.Tr key={year}>
                      {yi === 0 ? (
                        <Table.Th
                          scope="rowgroup"
                          rowSpan={years.length}
                          style={{ verticalAlign: 'top', minWidth: 200, fontWeight: 400 }}
                        >
                          <Text fw={600} size="sm">
                            {ind.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {ind.unit} · {polarityLabel(t, ind.polarity)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('neg.baselineSource', { source: ind.baseline.source || t('common.none') })}
                          </Text>
                        </Table.Th>
                      ) : null}
                      <Table.Th scope="row">{year}</Table.Th>
                      {yi === 0 ? (
                        <Table.Td
                          rowSpan={years.length}
                          style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}
                        >
                          {f.number(ind.baseline.value)}
                          {ind.baseline.year !== null ? (
                            <Text size="xs" c="dimmed">
                              {t('neg.baselineYear', { year: ind.baseline.year })}
                            </Text>
                          ) : null}
                        </Table.Td>
                      ) : null}
                      {columns.map((c, ci) => {
                        const value = c.view.targets.get(k);
                        const before = ci === 0 ? value : columns[ci - 1]!.view.targets.get(k);
                        return (
                          <ValueCell key={c.key} changed={!sameTarget(value, before)}>
                            {formatTarget(f, ind.polarity, value)}
                          </ValueCell>
                        );
                      })}
                      {agreed ? (
                        <ValueCell changed={!sameTarget(agreed.targets.get(k), original.targets.get(k))}>
                          {formatTarget(f, ind.polarity, agreed.targets.get(k))}
                        </ValueCell>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            );
          })}
          {withDates ? (
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="colgroup" colSpan={colCount} bg="var(--mantine-color-gray-1)">
                  {t('neg.milestones')}
                </Table.Th>
              </Table.Tr>
              {n.milestones.map((m) => {
                const date = (v: TermsView) => v.milestones.get(m.key);
                const show = (d: string | undefined) => (d ? f.date(d) : t('common.none'));
                return (
                  <Table.Tr key={m.key}>
                    <Table.Th scope="row" colSpan={2} style={{ fontWeight: 400 }}>
                      {m.title}
                    </Table.Th>
                    <Table.Td>{t('common.none')}</Table.Td>
                    {columns.map((c, ci) => (
                      <ValueCell key={c.key} changed={ci > 0 && date(c.view) !== date(columns[ci - 1]!.view)}>
                        {show(date(c.view))}
                      </ValueCell>
                    ))}
                    {agreed ? (
                      <ValueCell changed={date(agreed) !== date(original)}>{show(date(agreed))}</ValueCell>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          ) : null}
        </Table>
      </TableScroll>
    </Paper>
  );
}
