import { useMemo, useState } from 'react';
import { BarChart } from '@mantine/charts';
import {
  Badge,
  Card,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { WorkUnit } from '../../../contract/work-units';
import { roleLabel, useT, type MessageKey } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useActiveWorkUnits, useCivilServantTotal, useWorkUnitTotal } from './home-api';

function StatCard({
  label,
  value,
  loading,
  testId,
}: {
  label: string;
  value: string;
  loading: boolean;
  testId: string;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {loading ? (
        <Skeleton h={32} mt={4} w={80} />
      ) : (
        <Text fw={700} fz={28} data-testid={testId}>
          {value}
        </Text>
      )}
    </Paper>
  );
}

type ChartMode = 'kind' | 'top';

function chartData(units: WorkUnit[], mode: ChartMode, kindLabel: (k: WorkUnit['kind']) => string) {
  if (mode === 'kind') {
    const byKind = new Map<string, number>();
    for (const u of units) byKind.set(u.kind, (byKind.get(u.kind) ?? 0) + u.civilServantCount);
    return [...byKind.entries()]
      .map(([k, n]) => ({ label: kindLabel(k as WorkUnit['kind']), asn: n }))
      .sort((a, b) => b.asn - a.asn);
  }
  return [...units]
    .sort((a, b) => b.civilServantCount - a.civilServantCount)
    .slice(0, 10)
    .map((u) => ({
      label: u.name.length > 32 ? `${u.name.slice(0, 31)}…` : u.name,
      asn: u.civilServantCount,
    }));
}

export function HomePage() {
  const t = useT();
  const f = useFormat();
  const me = useMe();
  const mayListAsn = can.listCivilServants(me);
  const total = useWorkUnitTotal();
  const active = useActiveWorkUnits();
  const asn = useCivilServantTotal(mayListAsn);
  const [mode, setMode] = useState<ChartMode>('kind');

  const data = useMemo(
    () => chartData(active.data?.items ?? [], mode, (k) => t(`unitKind.${k}` as MessageKey)),
    [active.data, mode, t],
  );
  const hasAsn = data.some((d) => d.asn > 0);

  return (
    <Stack>
      <PageHeader title={t('home.title')} />
      <Card withBorder radius="md">
        <Title order={2} size="h3">
          {t('home.greeting', { name: me.fullName })}
        </Title>
        <Text>{t('home.region', { region: me.region.name })}</Text>
        <Title order={3} size="h5" mt="sm" mb={4}>
          {t('home.yourRoles')}
        </Title>
        <Group gap="xs" data-testid="my-roles">
          {me.roles.map((r, i) => (
            <Badge key={`${r.role}-${r.workUnitId ?? i}`} variant="light" size="lg" tt="none">
              {roleLabel(t, r.role)}
              {r.workUnitName ? ` · ${r.workUnitName}` : ''}
            </Badge>
          ))}
        </Group>
      </Card>

      {total.isError ? <QueryError error={total.error} onRetry={() => void total.refetch()} /> : null}
      <SimpleGrid cols={{ base: 1, xs: mayListAsn ? 3 : 2 }}>
        <StatCard
          label={t('home.workUnitsTotal')}
          value={f.number(total.data)}
          loading={total.isPending}
          testId="stat-work-units"
        />
        <StatCard
          label={t('home.workUnitsActive')}
          value={f.number(active.data?.total)}
          loading={active.isPending}
          testId="stat-work-units-active"
        />
        {mayListAsn ? (
          <StatCard
            label={t('home.asnTotal')}
            value={f.number(asn.data)}
            loading={asn.isPending}
            testId="stat-asn"
          />
        ) : null}
      </SimpleGrid>

      {mayListAsn ? (
        <Card withBorder radius="md">
          <Group justify="space-between" mb="md" gap="sm">
            <Title order={2} size="h4">
              {t('home.chartTitle')}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={t('home.chartMode')}
              value={mode}
              onChange={(v) => setMode(v as ChartMode)}
              data={[
                { value: 'kind', label: t('home.chartByKind') },
                { value: 'top', label: t('home.chartTopUnits') },
              ]}
            />
          </Group>
          {active.isPending ? (
            <Skeleton h={300} />
          ) : active.isError ? (
            <QueryError error={active.error} onRetry={() => void active.refetch()} />
          ) : !hasAsn ? (
            <Text>{t('home.chartEmpty')}</Text>
          ) : (
            <figure style={{ margin: 0 }}>
              <BarChart
                h={Math.max(220, data.length * 36)}
                data={data}
                dataKey="label"
                orientation="vertical"
                series={[{ name: 'asn', label: t('home.chartSeries'), color: 'blue.8' }]}
                valueFormatter={(v) => f.number(v)}
                yAxisProps={{ width: 170 }}
                accessibilityLayer={false}
                aria-hidden
                gridAxis="x"
              />
              <VisuallyHidden component="figcaption">
                <Table>
                  <caption>{t('home.chartTitle')}</caption>
                  <tbody>
                    {data.map((d) => (
                      <tr key={d.label}>
                        <th scope="row">{d.label}</th>
                        <td>{f.number(d.asn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </VisuallyHidden>
            </figure>
          )}
        </Card>
      ) : null}
    </Stack>
  );
}
