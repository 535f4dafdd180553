import { useMemo, useState } from 'react';
import {
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { LatenessRulesDto } from '../../../contract/lateness-rules';
import { bandCodes, type LatenessDay, type ServantMonth } from '../../../contract/lateness';
import { useLocale } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { TableScroll } from '../../components/table-scroll';
import { useLt, type LatenessText, type LatenessTextKey } from './lateness-text';

export type BandCode = (typeof bandCodes)[number];
export const LATE_CODES = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
export const EARLY_CODES = ['PSW1', 'PSW2', 'PSW3', 'PSW4'] as const;
export { bandCodes };

/** Yellow to red for arriving late, pink to violet for leaving early, dark grey for TK; band 4 filled. */
export const BAND_COLORS: Record<BandCode, { color: string; variant: 'light' | 'filled' }> = {
  TL1: { color: 'yellow', variant: 'light' },
  TL2: { color: 'orange', variant: 'light' },
  TL3: { color: 'red', variant: 'light' },
  TL4: { color: 'red', variant: 'filled' },
  PSW1: { color: 'pink', variant: 'light' },
  PSW2: { color: 'grape', variant: 'light' },
  PSW3: { color: 'violet', variant: 'light' },
  PSW4: { color: 'violet', variant: 'filled' },
  TK: { color: 'dark', variant: 'filled' },
};
/** The same colours for the charts (recharts takes CSS colours). */
export const BAND_CSS: Record<BandCode, string> = {
  TL1: 'var(--mantine-color-yellow-5)',
  TL2: 'var(--mantine-color-orange-6)',
  TL3: 'var(--mantine-color-red-5)',
  TL4: 'var(--mantine-color-red-8)',
  PSW1: 'var(--mantine-color-pink-4)',
  PSW2: 'var(--mantine-color-grape-5)',
  PSW3: 'var(--mantine-color-violet-5)',
  PSW4: 'var(--mantine-color-violet-8)',
  TK: 'var(--mantine-color-dark-5)',
};
/** TL2-TL4 on this many days of a month is "sering terlambat" (the SUKA_TERLAMBAT rule). */
export const HABITUAL_DAYS = 4;

// ---------------------------------------------------------------------------------------------------
// Months

/** `YYYY-MM` of today in the region's time zone, and of the month before. */
export function currentMonth(timeZone: string): string {
  return dayjs().tz(timeZone).format('YYYY-MM');
}
export function previousMonth(timeZone: string): string {
  return dayjs(`${currentMonth(timeZone)}-01`)
    .subtract(1, 'month')
    .format('YYYY-MM');
}
/** A month from the URL, or last month when it is not a month or lies in the future. */
export function monthOrDefault(value: string, timeZone: string): string {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && value <= currentMonth(timeZone)
    ? value
    : previousMonth(timeZone);
}

/** A month picker that does not go beyond the current month. */
export function MonthInput({
  value,
  onChange,
  timeZone,
  'data-testid': testId,
}: {
  value: string;
  onChange: (month: string) => void;
  timeZone: string;
  'data-testid'?: string;
}) {
  const lt = useLt();
  const current = currentMonth(timeZone);
  return (
    <MonthPickerInput
      label={lt('month.label')}
      value={`${value}-01`}
      onChange={(v) => v && onChange(String(v).slice(0, 7))}
      maxDate={dayjs().tz(timeZone).format('YYYY-MM-DD')}
      valueFormat="MMMM YYYY"
      description={value === current ? lt('month.inProgress') : undefined}
      data-testid={testId}
    />
  );
}

// ---------------------------------------------------------------------------------------------------
// Numbers and rules

/** `0,5%`, `12,25%`: Indonesian decimals in both languages, as elsewhere in the app. */
export function usePercent() {
  const f = useFormat();
  return (n: number) => `${f.number(Math.round(n * 100) / 100)}%`;
}

type Scale = LatenessRulesDto['late'];

/** The minutes of band `i` (0-3) of a scale, as text: "1-30 menit", "31-60 menit", "lebih dari 90 ...". */
export function bandRange(lt: LatenessText, scale: Scale, i: number, kind: 'late' | 'early'): string {
  if (i === 0) return lt('range.upTo', { to: scale.limits[0] });
  if (i < 3) return lt('range.between', { from: scale.limits[i - 1] + 1, to: scale.limits[i] });
  return lt(kind === 'late' ? 'range.aboveIn' : 'range.aboveOut', { from: scale.limits[2] });
}

/** The rules in force, as a short list: the minutes and the cut of each band, and TK. */
export function RulesLegend({ rules }: { rules: LatenessRulesDto }) {
  const lt = useLt();
  const pct = usePercent();
  const line = (kind: 'late' | 'early', i: number) =>
    `${lt(kind === 'late' ? 'legend.late' : 'legend.early', {
      n: i + 1,
      range: bandRange(lt, rules[kind], i, kind),
    })}; ${lt('legend.weight', { w: pct(rules[kind].weights[i]) })}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="legend-title">
      <Title order={2} size="h4" id="legend-title" mb="xs">
        {lt('legend.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <List size="sm" spacing={2}>
          {[0, 1, 2, 3].map((i) => (
            <List.Item key={i}>{line('late', i)}</List.Item>
          ))}
        </List>
        <List size="sm" spacing={2}>
          {[0, 1, 2, 3].map((i) => (
            <List.Item key={i}>{line('early', i)}</List.Item>
          ))}
        </List>
        <List size="sm" spacing={2}>
          <List.Item>
            {lt('legend.tk')}; {lt('legend.weight', { w: pct(rules.absenceWeight) })}
          </List.Item>
        </List>
      </SimpleGrid>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------
// One ASN's month

/** A band's code as a coloured badge (its name as the tooltip), optionally with a number of days. */
export function BandBadge({ code, count }: { code: BandCode; count?: number }) {
  const lt = useLt();
  return (
    <Badge
      color={BAND_COLORS[code].color}
      variant={BAND_COLORS[code].variant}
      tt="none"
      title={lt(`band.${code}` as LatenessTextKey)}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {count === undefined ? code : `${code} ×${count}`}
    </Badge>
  );
}

function Stat({
  label,
  value,
  hint,
  color,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} lh={1.3}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The month in numbers: working days, on time, TL2-TL4 days, the cut, and the days of each band. */
export function RecapCards({ recap }: { recap: ServantMonth['recap'] }) {
  const lt = useLt();
  const f = useFormat();
  const pct = usePercent();
  const habitual = recap.lateDays >= HABITUAL_DAYS;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat
          label={lt('card.workingDays')}
          value={f.number(recap.workingDays)}
          hint={lt('card.workingDaysHint', { counted: recap.daysCounted, excused: recap.excusedDays })}
          testId="card-working-days"
        />
        <Stat
          label={lt('card.onTime')}
          value={f.number(recap.onTimeDays)}
          hint={lt('card.onTimeHint', { present: recap.presentDays })}
          color="teal.8"
          testId="card-on-time"
        />
        <Stat
          label={lt('card.lateDays')}
          value={f.number(recap.lateDays)}
          hint={habitual ? lt('card.habitual') : lt('card.lateDaysHint')}
          color={habitual ? 'red.8' : undefined}
          testId="card-late-days"
        />
        <Stat
          label={lt('card.weight')}
          value={pct(recap.weight)}
          hint={lt('card.weightHint')}
          color={recap.weight > 0 ? 'orange.9' : undefined}
          testId="card-weight"
        />
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
          {lt('card.bands')}
        </Text>
        <SimpleGrid cols={{ base: 3, xs: 5, md: 9 }} spacing="xs" data-testid="band-counts">
          {bandCodes.map((b) => (
            <Stack key={b} gap={2} align="center" data-band={b}>
              <BandBadge code={b} />
              <Text fw={700} c={recap.bands[b] > 0 ? undefined : 'dimmed'}>
                {f.number(recap.bands[b])}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

/** Days per band as bars; the figures are in a hidden table for screen readers. */
export function BandsChart({ bands }: { bands: ServantMonth['recap']['bands'] }) {
  const lt = useLt();
  const rows = bandCodes.map((b) => ({ band: b, days: bands[b] }));
  const max = Math.max(4, ...rows.map((r) => r.days));
  return (
    <figure style={{ margin: 0 }} aria-label={lt('chart.bands')} data-testid="bands-chart">
      <div aria-hidden style={{ width: '100%', height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            accessibilityLayer={false}
            margin={{ top: 18, right: 8, left: -16, bottom: 0 }}
          >
            <CartesianGrid vertical={false} stroke="#e9ecef" />
            <XAxis dataKey="band" tick={{ fontSize: 12, fill: '#495057' }} interval={0} />
            <YAxis allowDecimals={false} domain={[0, max]} tick={{ fontSize: 12, fill: '#495057' }} />
            <Bar dataKey="days" isAnimationActive={false} maxBarSize={40}>
              {rows.map((r) => (
                <Cell key={r.band} fill={BAND_CSS[r.band]} />
              ))}
              <LabelList dataKey="days" position="top" fontSize={12} fill="#495057" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <table>
          <caption>{lt('chart.bands')}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.band}>
                <th scope="row">{`${r.band} (${lt(`band.${r.band}` as LatenessTextKey)})`}</th>
                <td>{r.days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}

const MUTED = new Set<LatenessDay['kind']>(['day_off', 'not_active', 'no_schedule']);

/** Every day of the month with its hours, punches, bands, cut and why; days off muted. */
export function DaysTable({ days }: { days: LatenessDay[] }) {
  const lt = useLt();
  const pct = usePercent();
  const { locale } = useLocale();
  const [showOff, setShowOff] = useState(true);
  const shown = useMemo(() => (showOff ? days : days.filter((d) => !MUTED.has(d.kind))), [days, showOff]);
  const kindBadge = (d: LatenessDay) =>
    d.kind === 'excused' ? (
      <Badge variant="light" color="blue" tt="none">
        {lt('kind.excused')}
      </Badge>
    ) : MUTED.has(d.kind) ? (
      <Badge variant="outline" color="gray" tt="none">
        {lt(`kind.${d.kind}` as LatenessTextKey)}
      </Badge>
    ) : null;
  return (
    <Paper withBorder radius="md" p="xs" component="section" aria-labelledby="days-title">
      <Group justify="space-between" px="xs" pt="xs" pb={4}>
        <Title order={2} size="h4" id="days-title">
          {lt('days.title')}
        </Title>
        <Switch
          label={lt('days.showOff')}
          checked={showOff}
          onChange={(e) => setShowOff(e.currentTarget.checked)}
          data-testid="show-days-off"
        />
      </Group>
      <TableScroll label={lt('days.title')} minWidth={900}>
        <Table verticalSpacing={6} data-testid="days-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{lt('days.date')}</Table.Th>
              <Table.Th scope="col">{lt('days.schedule')}</Table.Th>
              <Table.Th scope="col">{lt('days.in')}</Table.Th>
              <Table.Th scope="col">{lt('days.out')}</Table.Th>
              <Table.Th scope="col">{lt('days.bands')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {lt('days.weight')}
              </Table.Th>
              <Table.Th scope="col">{lt('days.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm">{lt('days.none')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              shown.map((d) => {
                const muted = MUTED.has(d.kind);
                return (
                  <Table.Tr
                    key={d.date}
                    data-kind={d.kind}
                    bg={
                      muted
                        ? 'var(--mantine-color-gray-0)'
                        : d.kind === 'excused'
                          ? 'var(--mantine-color-blue-0)'
                          : undefined
                    }
                    c={muted ? 'dimmed' : undefined}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }} fw={muted ? 400 : 500}>
                      {dayjs(d.date).locale(locale).format('ddd, D MMM')}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {d.start && d.end ? `${d.start}-${d.end}` : '—'}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.checkIn ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.checkOut ?? '—'}</Table.Td>
                    <Table.Td miw={130}>
                      <Group gap={4} wrap="nowrap">
                        {d.bands.map((b) => (
                          <BandBadge key={b} code={b} />
                        ))}
                        {d.kind === 'present' && d.bands.length === 0 ? (
                          <Badge variant="light" color="teal" tt="none">
                            {lt('days.onTime')}
                          </Badge>
                        ) : null}
                        {kindBadge(d)}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {d.weight > 0 ? pct(d.weight) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={muted ? 'dimmed' : undefined}>
                        {d.explanation}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

/** One ASN's month: the cards, the chart of bands with the server's summary, and the days. */
export function ServantMonthView({ data }: { data: ServantMonth }) {
  return (
    <Stack gap="md" data-testid="servant-month">
      <RecapCards recap={data.recap} />
      <Paper withBorder radius="md" p="sm">
        <Text size="sm" fw={500} mb={4} data-testid="recap-summary">
          {data.recap.summary}
        </Text>
        <BandsChart bands={data.recap.bands} />
      </Paper>
      <DaysTable days={data.days} />
    </Stack>
  );
}
