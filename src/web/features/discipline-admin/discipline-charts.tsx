import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DisciplineDashboard } from '../../../contract/discipline';
import { MONTHS_ID, formatRate, kindLabels, longMonth, monthPosition, shortMonth } from './discipline-format';

/**
 * The charts of the discipline dashboard. Each chart is hidden from screen readers and carries the
 * same figures in a visually hidden table, like the performance dashboards.
 */

const SANCTION = '#c92a2a';
const REWARD = '#0ca678';
const AXIS = '#495057';
const GRID = '#e9ecef';
const TICK = { fontSize: 12, fill: AXIS };
const SMALL_TICK = { fontSize: 11, fill: AXIS };

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** The tooltip title of a point whose data carries a `month` (YYYY-MM or YYYY-MM-DD). */
const monthTooltipLabel = (_: ReactNode, p: ReadonlyArray<{ payload?: { month?: unknown } }>) =>
  longMonth(String(p?.[0]?.payload?.month ?? ''));

/**
 * The frame every chart shares: a figure named by its caption, the chart itself hidden from screen
 * readers, and the same figures in a visually hidden table (one row a datum, headed by `rowHead`).
 */
function ChartFigure<T>({
  testId,
  caption,
  height,
  columns,
  items,
  rowKey,
  rowHead,
  cells,
  children,
}: {
  testId: string;
  caption: string;
  height: number;
  /** The hidden table's column heads, the row head's column first. */
  columns: readonly string[];
  items: readonly T[];
  rowKey: (item: T) => string;
  rowHead: (item: T) => ReactNode;
  /** The row's cells after its head, one a column. */
  cells: (item: T) => readonly ReactNode[];
  /** The recharts chart. */
  children: ReactElement;
}) {
  return (
    <figure style={{ margin: 0 }} aria-label={caption} data-testid={testId}>
      <div aria-hidden style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={rowKey(item)}>
                <th scope="row">{rowHead(item)}</th>
                {cells(item).map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}

/** Bars running from left to right, one category a row, labelled on the left. */
function HorizontalBarChart({
  data,
  right,
  labelWidth,
  children,
}: {
  data: readonly { label: string }[];
  /** The right margin (room for value labels). */
  right: number;
  labelWidth: number;
  children: ReactNode;
}) {
  return (
    <BarChart
      data={data}
      layout="vertical"
      accessibilityLayer={false}
      margin={{ top: 4, right, left: 4, bottom: 4 }}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" allowDecimals={false} tick={TICK} />
      <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={SMALL_TICK} />
      {children}
    </BarChart>
  );
}

/**
 * The legend and the sanction and reward series of a chart of counts. A function, not a component,
 * so the chart gets the recharts elements themselves as its children.
 */
const sanctionRewardBars = (barSize?: number) => (
  <>
    <Legend wrapperStyle={{ fontSize: 12 }} />
    <Bar dataKey="sanctions" name="Sanksi" fill={SANCTION} barSize={barSize} isAnimationActive={false} />
    <Bar dataKey="rewards" name="Penghargaan" fill={REWARD} barSize={barSize} isAnimationActive={false} />
  </>
);

export function RuleCountChart({ rows, caption }: { rows: DisciplineDashboard['byRule']; caption: string }) {
  const data = rows.map((r) => ({ ...r, label: r.code }));
  return (
    <ChartFigure
      testId="chart-by-rule"
      caption={caption}
      height={Math.max(120, data.length * 34 + 40)}
      columns={['Aturan', 'Jenis', 'Jumlah']}
      items={rows}
      rowKey={(r) => r.code}
      rowHead={(r) => (
        <>
          {r.code} – {r.name}
        </>
      )}
      cells={(r) => [kindLabels[r.kind], r.count]}
    >
      <HorizontalBarChart data={data} right={40} labelWidth={128}>
        <Bar dataKey="count" name="Jumlah" barSize={18} isAnimationActive={false}>
          {data.map((r) => (
            <Cell key={r.code} fill={r.kind === 'sanction' ? SANCTION : REWARD} />
          ))}
          <LabelList dataKey="count" position="right" fontSize={12} fill={AXIS} />
        </Bar>
      </HorizontalBarChart>
    </ChartFigure>
  );
}

export function UnitChart({
  rows,
  caption,
  narrow,
}: {
  rows: DisciplineDashboard['byUnit'];
  caption: string;
  narrow: boolean;
}) {
  const data = rows.map((r) => ({ ...r, label: shorten(r.name, narrow ? 18 : 36) }));
  return (
    <ChartFigure
      testId="chart-by-unit"
      caption={caption}
      height={Math.max(140, data.length * 40 + 60)}
      columns={['Perangkat Daerah', 'Sanksi', 'Penghargaan']}
      items={rows}
      rowKey={(r) => r.workUnitId}
      rowHead={(r) => r.name}
      cells={(r) => [r.sanctions, r.rewards]}
    >
      <HorizontalBarChart data={data} right={24} labelWidth={narrow ? 120 : 240}>
        <Tooltip />
        {sanctionRewardBars(12)}
      </HorizontalBarChart>
    </ChartFigure>
  );
}

export function MonthChart({ rows, caption }: { rows: DisciplineDashboard['byMonth']; caption: string }) {
  const data = rows.map((r) => ({ ...r, label: shortMonth(r.month).slice(0, 3) }));
  return (
    <ChartFigure
      testId="chart-by-month"
      caption={caption}
      height={240}
      columns={['Bulan', 'Sanksi', 'Penghargaan']}
      items={rows}
      rowKey={(r) => r.month}
      rowHead={(r) => longMonth(r.month)}
      cells={(r) => [r.sanctions, r.rewards]}
    >
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, left: -16, bottom: 4 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={SMALL_TICK} interval={0} />
        <YAxis allowDecimals={false} tick={TICK} />
        <Tooltip labelFormatter={monthTooltipLabel} />
        {sanctionRewardBars()}
      </BarChart>
    </ChartFigure>
  );
}

const MONTH_TICKS = Array.from({ length: 12 }, (_, i) => i);
const monthTick = (i: number) => MONTHS_ID[i]?.slice(0, 3) ?? '';

/**
 * Late days per 100 ASN-working-days per month of a year, on a month axis where the day the rules
 * began is drawn where it falls (the 31st of October just before November).
 */
export function LatenessChart({
  rows,
  year,
  rulesSince,
  firstAfter,
  caption,
}: {
  rows: DisciplineDashboard['lateness'];
  year: number;
  rulesSince: string | null;
  /** The first month counted as "after" the rules (the server's `effect.firstAfter`). */
  firstAfter: string | null;
  caption: string;
}) {
  const data = rows.map((r) => ({
    x: Number(r.month.slice(5, 7)) - 1,
    month: r.month.slice(0, 7),
    rate: r.servantDays > 0 ? r.rate : null,
  }));
  const marker = rulesSince ? monthPosition(rulesSince, year) : null;
  return (
    <ChartFigure
      testId="chart-lateness"
      caption={caption}
      height={260}
      columns={['Bulan', 'Hari terlambat (TL2-TL4)', 'Hari kerja ASN', 'Per 100 hari kerja', 'Aturan']}
      items={rows}
      rowKey={(r) => r.month}
      rowHead={(r) => longMonth(r.month)}
      cells={(r) => [
        r.lateDays,
        r.servantDays,
        r.servantDays > 0 ? formatRate(r.rate) : '—',
        firstAfter === null ? '—' : r.month.slice(0, 7) >= firstAfter ? 'Sesudah' : 'Sebelum',
      ]}
    >
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 24, right: 16, left: -8, bottom: 4 }}>
        <CartesianGrid stroke={GRID} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[-0.3, 11.3]}
          ticks={MONTH_TICKS}
          interval={0}
          tickFormatter={monthTick}
          tick={SMALL_TICK}
          allowDataOverflow
        />
        <YAxis tick={TICK} tickFormatter={(v: number) => formatRate(v)} width={48} />
        <Tooltip
          labelFormatter={monthTooltipLabel}
          formatter={(v) => [
            typeof v === 'number' ? formatRate(v) : '—',
            'Hari terlambat per 100 hari kerja ASN',
          ]}
        />
        {marker !== null ? (
          <ReferenceLine
            x={marker}
            stroke="#1864ab"
            strokeDasharray="4 3"
            strokeWidth={2}
            label={{ value: 'Aturan berlaku', position: 'top', fontSize: 12, fill: '#1864ab' }}
          />
        ) : null}
        <Line
          dataKey="rate"
          name="Tingkat keterlambatan"
          stroke="#e8590c"
          strokeWidth={2.5}
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
