import { Table, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useT } from '../../app/i18n';
import { formatScore, predicateColor, type UnitRow } from './dashboards-format';

/**
 * The OPD ranking as horizontal bars coloured by predicate. The chart is hidden from screen
 * readers; the same figures are in a visually hidden table (the page's table shows them too).
 */
export function RankingChart({
  units,
  large = false,
  maxUnits,
}: {
  units: UnitRow[];
  /** The wall display: bigger type, light text on a dark background. */
  large?: boolean;
  maxUnits?: number;
}) {
  const t = useT();
  const rows = units
    .filter((u) => u.score !== null)
    .slice(0, maxUnits)
    .map((u) => ({
      name: shorten(u.name, 34),
      full: u.name,
      score: u.score ?? 0,
      u,
    }));
  const barSize = large ? 34 : 20;
  const height = Math.max(120, rows.length * (barSize + (large ? 18 : 12)) + 40);
  const fg = large ? '#f1f3f5' : '#495057';
  const font = large ? 26 : 12;
  const domainMax = Math.max(100, ...rows.map((r) => Math.ceil(r.score / 10) * 10));
  return (
    <figure
      style={{ margin: 0, height: large ? '100%' : undefined }}
      aria-label={t('perf.rankingChart')}
      data-testid="ranking-chart"
    >
      <div aria-hidden style={{ width: '100%', height: large ? '100%' : height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            accessibilityLayer={false}
            layout="vertical"
            margin={{ top: 4, right: large ? 90 : 48, left: 4, bottom: 4 }}
          >
            <CartesianGrid horizontal={false} stroke={large ? '#373a40' : '#e9ecef'} />
            <XAxis
              type="number"
              domain={[0, domainMax]}
              tick={{ fill: fg, fontSize: font }}
              stroke={fg}
              allowDecimals={false}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={large ? 520 : 240}
              tick={{ fill: fg, fontSize: font }}
              stroke={fg}
              interval={0}
            />
            <Bar
              dataKey="score"
              barSize={large ? undefined : barSize}
              maxBarSize={80}
              isAnimationActive={false}
            >
              {rows.map((r) => (
                <Cell key={r.u.unitId} fill={predicateColor(r.u.predicate)} />
              ))}
              <LabelList
                dataKey="score"
                position="right"
                fill={fg}
                fontSize={font}
                formatter={(v: unknown) => formatScore(typeof v === 'number' ? v : null)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden component="figcaption">
        <Table>
          <caption>{t('perf.rankingChart')}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.u.unitId}>
                <th scope="row">{r.full}</th>
                <td>{formatScore(r.u.score)}</td>
                <td>{r.u.predicate?.label ?? t('perf.noScore')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
