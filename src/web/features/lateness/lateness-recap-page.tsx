import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RecapPage } from '../../../contract/lateness';
import { hasRole } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { FilterCard } from '../../components/filter-card';
import { PagedTable } from '../../components/paged-table';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { TableScroll } from '../../components/table-scroll';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { RECAP_PAGE_SIZE, recapXlsxUrl, useLatenessRecap, useServantLateness } from './lateness-api';
import {
  BAND_CSS,
  BandBadge,
  EARLY_CODES,
  HABITUAL_DAYS,
  LATE_CODES,
  MonthInput,
  monthOrDefault,
  ServantMonthView,
  usePercent,
} from './lateness-format';
import { useLt } from './lateness-text';

type Unit = RecapPage['units'][number];
type Bands = Unit['bands'];

const sum = (bands: Bands, codes: readonly (keyof Bands)[]) => codes.reduce((a, c) => a + bands[c], 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Per unit, the average TL, PSW and TK days per ASN as stacked bars (units differ tenfold in size). */
function UnitsChart({ units }: { units: Unit[] }) {
  const lt = useLt();
  const f = useFormat();
  const rows = units.map((u) => ({
    name: shorten(u.name, 34),
    full: u.name,
    tl: round1(sum(u.bands, LATE_CODES) / u.servants),
    psw: round1(sum(u.bands, EARLY_CODES) / u.servants),
    tk: round1(u.bands.TK / u.servants),
    u,
  }));
  const height = Math.max(160, rows.length * 30 + 70);
  return (
    <figure style={{ margin: 0 }} aria-label={lt('recap.unitsChart')} data-testid="units-chart">
      <div aria-hidden style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ top: 4, right: 16, left: 4, bottom: 4 }}
          >
            <CartesianGrid horizontal={false} stroke="#e9ecef" />
            <XAxis type="number" tick={{ fontSize: 12, fill: '#495057' }} allowDecimals />
            <YAxis
              type="category"
              dataKey="name"
              width={250}
              interval={0}
              tick={{ fontSize: 12, fill: '#495057' }}
            />
            <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            <Bar
              dataKey="tl"
              name="TL"
              stackId="d"
              fill={BAND_CSS.TL2}
              isAnimationActive={false}
              barSize={18}
            />
            <Bar dataKey="psw" name="PSW" stackId="d" fill={BAND_CSS.PSW3} isAnimationActive={false} />
            <Bar dataKey="tk" name="TK" stackId="d" fill={BAND_CSS.TK} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <table>
          <caption>{`${lt('recap.unitsChart')} (${lt('recap.perAsn')})`}</caption>
          <thead>
            <tr>
              <th scope="col">{lt('recap.col.unit')}</th>
              <th scope="col">TL</th>
              <th scope="col">PSW</th>
              <th scope="col">TK</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.u.workUnitId}>
                <th scope="row">{r.full}</th>
                <td>{f.number(r.tl)}</td>
                <td>{f.number(r.psw)}</td>
                <td>{f.number(r.tk)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}

function UnitsTable({ units }: { units: Unit[] }) {
  const lt = useLt();
  const f = useFormat();
  const pct = usePercent();
  return (
    <TableScroll label={lt('recap.units')} minWidth={760}>
      <Table verticalSpacing={6} striped data-testid="units-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{lt('recap.col.code')}</Table.Th>
            <Table.Th scope="col">{lt('recap.col.unit')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {lt('recap.col.asn')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {lt('recap.col.tl')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {lt('recap.col.psw')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {lt('recap.col.tk')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {lt('recap.col.habitual')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {lt('recap.col.avgWeight')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.workUnitId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.code}</Table.Td>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td ta="right">{f.number(u.servants)}</Table.Td>
              <Table.Td ta="right">{f.number(sum(u.bands, LATE_CODES))}</Table.Td>
              <Table.Td ta="right">{f.number(sum(u.bands, EARLY_CODES))}</Table.Td>
              <Table.Td ta="right">{f.number(u.bands.TK)}</Table.Td>
              <Table.Td
                ta="right"
                fw={u.habitual > 0 ? 700 : undefined}
                c={u.habitual > 0 ? 'red.8' : undefined}
              >
                {f.number(u.habitual)}
              </Table.Td>
              <Table.Td ta="right">{pct(u.averageWeight)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The days of one ASN in a drawer, for the month on the page. */
function ServantDrawer({
  servant,
  month,
  onClose,
}: {
  servant: { id: string; name: string } | null;
  month: string;
  onClose: () => void;
}) {
  const lt = useLt();
  const q = useServantLateness(servant?.id ?? null, month);
  return (
    <Drawer
      opened={servant !== null}
      onClose={onClose}
      position="right"
      size="min(1100px, 100%)"
      title={
        servant ? (
          <Text fw={700} size="lg" component="span">
            {lt('recap.drawerTitle', { name: servant.name })}
          </Text>
        ) : null
      }
    >
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            NIP {q.data.civilServant.nip} · {q.data.civilServant.workUnitName}
          </Text>
          <ServantMonthView data={q.data} />
        </Stack>
      )}
    </Drawer>
  );
}

/**
 * "Rekap keterlambatan": the month per unit (chart and table, with the habitual latecomers) and per
 * ASN (searchable, by unit, only those with lateness, paged, worst first), the XLSX of the month,
 * and each ASN's days in a drawer. An OPD head sees their own unit (the server scopes it).
 */
export function LatenessRecapPage() {
  const lt = useLt();
  const f = useFormat();
  const pct = usePercent();
  const me = useMe();
  const tz = me.region.timezone;
  const regionWide = hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier');
  const [params, setParams] = useListParams({ bulan: '', q: '', unit: '', terlambat: '' });
  const month = monthOrDefault(params.bulan, tz);
  const filter = {
    month,
    page: params.page,
    q: params.q,
    workUnitId: regionWide ? params.unit : '',
    flagged: params.terlambat === '1',
  };
  const recap = useLatenessRecap(filter);
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);

  return (
    <Stack>
      <PageHeader
        title={lt('recap.title')}
        description={lt('recap.intro')}
        actions={
          <Button
            component="a"
            href={recapXlsxUrl({ month, workUnitId: filter.workUnitId })}
            download
            variant="default"
            data-testid="recap-xlsx"
          >
            {lt('recap.download')}
          </Button>
        }
      />
      <FilterCard cols={{ base: 1, sm: 2, lg: regionWide ? 4 : 3 }} footer={null}>
        <MonthInput
          value={month}
          onChange={(bulan) => setParams({ bulan })}
          timeZone={tz}
          data-testid="month-picker"
        />
        <SearchInput
          label={lt('recap.search')}
          value={params.q}
          onSearch={(q) => setParams({ q })}
          data-testid="recap-search"
        />
        {regionWide ? (
          <WorkUnitSelect
            label={lt('recap.unit')}
            includeInactive
            value={params.unit || null}
            onChange={(unit) => setParams({ unit: unit ?? '' })}
            data-testid="recap-unit"
          />
        ) : null}
        <Switch
          mt={{ base: 0, sm: 30 }}
          label={lt('recap.flagged')}
          description={lt('recap.flaggedHint')}
          checked={filter.flagged}
          onChange={(e) => setParams({ terlambat: e.currentTarget.checked ? '1' : '' })}
          data-testid="recap-flagged"
        />
      </FilterCard>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="units-title">
        <Title order={2} size="h3" id="units-title">
          {lt('recap.units')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {lt('recap.unitsHint')}
        </Text>
        {recap.isPending ? (
          <PageLoader />
        ) : recap.isError ? (
          <QueryError error={recap.error} onRetry={() => void recap.refetch()} />
        ) : recap.data.units.length === 0 ? (
          <Text size="sm">{lt('recap.noUnits')}</Text>
        ) : (
          <Stack gap="md">
            <UnitsChart units={recap.data.units} />
            <UnitsTable units={recap.data.units} />
          </Stack>
        )}
      </Paper>

      <Stack gap="xs" component="section" aria-labelledby="asn-title">
        <Group justify="space-between">
          <Title order={2} size="h3" id="asn-title">
            {lt('recap.asnTable')}
          </Title>
          {recap.data ? (
            <Text size="sm" c="dimmed">
              {lt('recap.total', { n: f.number(recap.data.total) })}
            </Text>
          ) : null}
        </Group>
        <PagedTable
          query={recap}
          label={lt('recap.asnTable')}
          minWidth={980}
          striped
          highlightOnHover
          data-testid="recap-table"
          columns={8}
          page={params.page}
          pageSize={RECAP_PAGE_SIZE}
          onPageChange={(page) => setParams({ page })}
          head={
            <>
              <Table.Th scope="col">{lt('recap.col.name')}</Table.Th>
              <Table.Th scope="col">{lt('recap.col.unit')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {lt('recap.col.workingDays')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {lt('recap.col.onTime')}
              </Table.Th>
              <Table.Th scope="col">{lt('recap.col.tl')}</Table.Th>
              <Table.Th scope="col">
                {lt('recap.col.psw')} / {lt('recap.col.tk')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {lt('recap.col.lateDays')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {lt('recap.col.weight')}
              </Table.Th>
            </>
          }
          row={(x) => {
            const habitual = x.recap.lateDays >= HABITUAL_DAYS;
            const badges = (codes: readonly (keyof Bands)[]) =>
              codes
                .filter((c) => x.recap.bands[c] > 0)
                .map((c) => <BandBadge key={c} code={c} count={x.recap.bands[c]} />);
            return (
              <Table.Tr key={x.civilServantId} data-testid="recap-row">
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fw={500}
                    size="sm"
                    ta="left"
                    onClick={() => setOpen({ id: x.civilServantId, name: x.name })}
                    aria-label={lt('recap.open', { name: x.name })}
                  >
                    {x.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    NIP {x.nip}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{x.workUnitName}</Text>
                </Table.Td>
                <Table.Td ta="right">{f.number(x.recap.workingDays)}</Table.Td>
                <Table.Td ta="right">{f.number(x.recap.onTimeDays)}</Table.Td>
                <Table.Td miw={150}>
                  <Group gap={4}>{badges(LATE_CODES)}</Group>
                </Table.Td>
                <Table.Td miw={130}>
                  <Group gap={4}>{badges([...EARLY_CODES, 'TK'])}</Group>
                </Table.Td>
                <Table.Td ta="right" miw={170}>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {habitual ? (
                      <Badge
                        color="red"
                        variant="filled"
                        tt="none"
                        size="sm"
                        style={{ flexShrink: 0, overflow: 'visible' }}
                      >
                        {lt('recap.habitualBadge')}
                      </Badge>
                    ) : null}
                    <Text size="sm" fw={habitual ? 700 : undefined}>
                      {f.number(x.recap.lateDays)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {pct(x.recap.weight)}
                </Table.Td>
              </Table.Tr>
            );
          }}
        />
      </Stack>
      <ServantDrawer servant={open} month={month} onClose={() => setOpen(null)} />
    </Stack>
  );
}
