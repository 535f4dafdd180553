import { Table, VisuallyHidden } from '@mantine/core';
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

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export function RuleCountChart({ rows, caption }: { rows: DisciplineDashboard['byRule']; caption: string }) {
  const data = rows.map((r) => ({ ...r, label: r.code }));
  const height = Math.max(120, data.length * 34 + 40);
  return (
    <figure style={{ margin: 0 }} aria-label={caption} data-testid="chart-by-rule">
      <div aria-hidden style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ top: 4, right: 40, left: 4, bottom: 4 }}
          >
            <CartesianGrid horizontal={false} stroke={GRID} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: AXIS }} />
            <YAxis
              type="category"
              dataKey="label"
              width={128}
              interval={0}
              tick={{ fontSize: 11, fill: AXIS }}
            />
            <Bar dataKey="count" name="Jumlah" barSize={18} isAnimationActive={false}>
              {data.map((r) => (
                <Cell key={r.code} fill={r.kind === 'sanction' ? SANCTION : REWARD} />
              ))}
              <LabelList dataKey="count" position="right" fontSize={12} fill={AXIS} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Aturan</th>
              <th scope="col">Jenis</th>
              <th scope="col">Jumlah</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  {r.code} – {r.name}
                </th>
                <td>{kindLabels[r.kind]}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
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
  const height = Math.max(140, data.length * 40 + 60);
  return (
    <figure style={{ margin: 0 }} aria-label={caption} data-testid="chart-by-unit">
      <div aria-hidden style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ top: 4, right: 24, left: 4, bottom: 4 }}
          >
            <CartesianGrid horizontal={false} stroke={GRID} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: AXIS }} />
            <YAxis
              type="category"
              dataKey="label"
              width={narrow ? 120 : 240}
              interval={0}
              tick={{ fontSize: 11, fill: AXIS }}
            />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="sanctions" name="Sanksi" fill={SANCTION} barSize={12} isAnimationActive={false} />
            <Bar dataKey="rewards" name="Penghargaan" fill={REWARD} barSize={12} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Perangkat Daerah</th>
              <th scope="col">Sanksi</th>
              <th scope="col">Penghargaan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.workUnitId}>
                <th scope="row">{r.name}</th>
                <td>{r.sanctions}</td>
                <td>{r.rewards}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}

export function MonthChart({ rows, caption }: { rows: DisciplineDashboard['byMonth']; caption: string }) {
  const data = rows.map((r) => ({ ...r, label: shortMonth(r.month).slice(0, 3) }));
  return (
    <figure style={{ margin: 0 }} aria-label={caption} data-testid="chart-by-month">
      <div aria-hidden style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, left: -16, bottom: 4 }}
          >
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: AXIS }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: AXIS }} />
            <Tooltip labelFormatter={(_, p) => longMonth(String(p?.[0]?.payload?.month ?? ''))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="sanctions" name="Sanksi" fill={SANCTION} isAnimationActive={false} />
            <Bar dataKey="rewards" name="Penghargaan" fill={REWARD} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Bulan</th>
              <th scope="col">Sanksi</th>
              <th scope="col">Penghargaan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{longMonth(r.month)}</th>
                <td>{r.sanctions}</td>
                <td>{r.rewards}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
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
    <figure style={{ margin: 0 }} aria-label={caption} data-testid="chart-lateness">
      <div aria-hidden style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: 24, right: 16, left: -8, bottom: 4 }}
          >
            <CartesianGrid stroke={GRID} />
            <XAxis
              type="number"
              dataKey="x"
              domain={[-0.3, 11.3]}
              ticks={MONTH_TICKS}
              interval={0}
              tickFormatter={monthTick}
              tick={{ fontSize: 11, fill: AXIS }}
              allowDataOverflow
            />
            <YAxis
              tick={{ fontSize: 12, fill: AXIS }}
              tickFormatter={(v: number) => formatRate(v)}
              width={48}
            />
            <Tooltip
              labelFormatter={(_, p) => longMonth(String(p?.[0]?.payload?.month ?? ''))}
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
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Bulan</th>
              <th scope="col">Hari terlambat (TL2-TL4)</th>
              <th scope="col">Hari kerja ASN</th>
              <th scope="col">Per 100 hari kerja</th>
              <th scope="col">Aturan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{longMonth(r.month)}</th>
                <td>{r.lateDays}</td>
                <td>{r.servantDays}</td>
                <td>{r.servantDays > 0 ? formatRate(r.rate) : '—'}</td>
                <td>
                  {firstAfter === null ? '—' : r.month.slice(0, 7) >= firstAfter ? 'Sesudah' : 'Sebelum'}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
