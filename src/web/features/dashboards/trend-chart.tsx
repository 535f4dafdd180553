import { Table, VisuallyHidden } from '@mantine/core';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useT } from '../../app/i18n';
import { formatTarget, formatValue, type Indicator } from './dashboards-format';

/**
 * Realization per period against the expected trajectory (year to date, from the baseline to the
 * target) and the year's target. Hidden from screen readers, with the same figures in a table.
 */
export function TrendChart({ indicator: ind }: { indicator: Indicator }) {
  const t = useT();
  const ranged = ind.periods.some(
    (p) => p.expected.value === null && (p.expected.lower !== null || p.expected.upper !== null),
  );
  const data = ind.periods.map((p) => ({
    label: p.label,
    value: p.value,
    expected: p.expected.value,
    lower: ranged ? p.expected.lower : null,
    upper: ranged ? p.expected.upper : null,
  }));
  const target = ind.target;
  const caption = t('perf.trendChart', { name: ind.name });
  return (
    <figure style={{ margin: 0 }} aria-label={caption} data-testid="trend-chart">
      <div aria-hidden style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, left: 0, bottom: 4 }}
          >
            <CartesianGrid stroke="#e9ecef" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 12 }} width={52} tickFormatter={(v: number) => formatValue(v)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v ?? '—'))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {target?.value != null ? (
              <ReferenceLine
                y={target.value}
                stroke="#868e96"
                strokeDasharray="2 4"
                label={{ value: t('perf.targetLine'), fontSize: 11, position: 'insideTopRight' }}
              />
            ) : null}
            {ranged ? (
              <>
                <Line
                  dataKey="lower"
                  name={`${t('perf.expected')} (min)`}
                  stroke="#74c0fc"
                  strokeDasharray="6 4"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
                <Line
                  dataKey="upper"
                  name={`${t('perf.expected')} (maks)`}
                  stroke="#1c7ed6"
                  strokeDasharray="6 4"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              </>
            ) : (
              <Line
                dataKey="expected"
                name={t('perf.expected')}
                stroke="#868e96"
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            )}
            <Line
              dataKey="value"
              name={t('perf.realization')}
              stroke="#1971c2"
              strokeWidth={2.5}
              dot={{ r: 4 }}
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
              <th scope="col">{t('perf.period')}</th>
              <th scope="col">{t('perf.realization')}</th>
              <th scope="col">{t('perf.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {ind.periods.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                <td>{formatValue(p.value)}</td>
                <td>{formatTarget(p.expected)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
