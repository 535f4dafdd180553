import { Badge, Box, Group, Select, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { IndicatorCard, lights, Overview } from '../../../contract/dashboards';
import type { periodStates } from '../../../contract/monitoring';
import { useT, type MessageKey, type Translate } from '../../app/i18n';

export type Light = (typeof lights)[number];
export type Predicate = Overview['predicate'];
export type PeriodState = (typeof periodStates)[number];
export type UnitRow = Overview['units'][number];

/** Predicate colours, from Sangat Kurang (red) to Sangat Baik (green); hex for the charts. */
const predicateHex: Record<string, string> = {
  sangat_baik: '#2b8a3e',
  baik: '#74b816',
  cukup: '#f59f00',
  kurang: '#e8590c',
  sangat_kurang: '#c92a2a',
};
const predicateMantine: Record<string, string> = {
  sangat_baik: 'green.8',
  baik: 'lime.8',
  cukup: 'yellow.8',
  kurang: 'orange.8',
  sangat_kurang: 'red.8',
};
/** White text on these fills falls below 4.5:1 (WCAG AA) but for red.8; black reaches 5.8 or more. */
const predicateText: Record<string, string> = {
  sangat_baik: 'black',
  baik: 'black',
  cukup: 'black',
  kurang: 'black',
  sangat_kurang: 'white',
};
export const noPredicateHex = '#868e96';
export const predicateColor = (p: Predicate) =>
  p ? (predicateHex[p.code] ?? noPredicateHex) : noPredicateHex;

export const lightHex: Record<Light, string> = { red: '#e03131', amber: '#f59f00', green: '#2f9e44' };

const scoreFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const valueFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** Scores and achievements with 2 decimals the Indonesian way (87,50). */
export const formatScore = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : scoreFormat.format(n);
export const formatPercent = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${scoreFormat.format(n)}%`;
export const formatValue = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : valueFormat.format(n);

/** A target or an expected value: one number, or a range "7–8". */
export function formatTarget(t: { value: number | null; lower: number | null; upper: number | null } | null) {
  if (!t) return '—';
  if (t.value !== null) return formatValue(t.value);
  if (t.lower !== null || t.upper !== null) return `${formatValue(t.lower)}–${formatValue(t.upper)}`;
  return '—';
}

export function PredicateBadge({
  predicate,
  size,
}: {
  predicate: Predicate;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const t = useT();
  if (!predicate)
    return (
      <Badge variant="outline" color="gray" tt="none" size={size}>
        {t('perf.noScore')}
      </Badge>
    );
  return (
    <Badge
      variant="filled"
      color={predicateMantine[predicate.code] ?? 'gray'}
      c={predicateText[predicate.code] ?? 'white'}
      tt="none"
      size={size}
      styles={{
        root: { flex: 'none', maxWidth: 'none', overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      }}
      data-testid="predicate"
    >
      {predicate.label}
    </Badge>
  );
}

export const lightLabel = (t: Translate, l: Light) => t(`perf.light.${l}` as MessageKey);

/** A traffic light as a coloured dot with its name for screen readers (and a tooltip). */
export function LightDot({ light, size = 14 }: { light: Light | null; size?: number }) {
  const t = useT();
  if (!light) return <Text c="dimmed">—</Text>;
  return (
    <Tooltip label={lightLabel(t, light)}>
      <Box
        component="span"
        role="img"
        aria-label={lightLabel(t, light)}
        data-light={light}
        style={{
          display: 'inline-block',
          width: size,
          height: size,
          borderRadius: '50%',
          background: lightHex[light],
          flex: 'none',
        }}
      />
    </Tooltip>
  );
}

/** The counts of red, amber and green indicators of a unit, as three dots with numbers. */
export function LightCounts({ lights: c }: { lights: UnitRow['lights'] }) {
  const t = useT();
  return (
    <Group gap={10} wrap="nowrap" aria-label={t('perf.lightsN', c)} role="group">
      {(['red', 'amber', 'green'] as const).map((l) => (
        <Group key={l} gap={4} wrap="nowrap" aria-hidden>
          <Box
            component="span"
            style={{
              width: 12,
              height: 12,
              borderRadius: '50%',
              background: lightHex[l],
              display: 'inline-block',
            }}
          />
          <Text size="sm" fw={600}>
            {c[l]}
          </Text>
        </Group>
      ))}
      <VisuallyHidden>{t('perf.lightsN', c)}</VisuallyHidden>
    </Group>
  );
}

/** The current year and a few around it (contracts run over a multi-year term). */
export function yearOptions(center = new Date().getFullYear()) {
  const ys: string[] = [];
  for (let y = center + 1; y >= center - 4; y--) ys.push(String(y));
  return ys;
}

export function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  const t = useT();
  return (
    <Select
      label={t('perf.year')}
      data={yearOptions()}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={120}
      data-testid="year-select"
    />
  );
}

export function QuarterSelect({ value, onChange }: { value: number; onChange: (q: number) => void }) {
  const t = useT();
  return (
    <Select
      label={t('perf.quarter')}
      data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('perf.quarterN', { n: q }) }))}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={150}
      data-testid="quarter-select"
    />
  );
}

/**
 * The quarter a report is usually wanted for: of the current year the last one that has ended (the
 * first while it is still running), of a past year the fourth.
 */
export const reportQuarter = (year: number, today = new Date()) => {
  if (year < today.getFullYear()) return 4;
  return Math.max(1, Math.floor(today.getMonth() / 3));
};

export type Indicator = IndicatorCard;
