import type { CSSProperties } from 'react';
import { Box, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import dayjs from 'dayjs';
import { useLocale } from '../../app/i18n';
import {
  entriesByDate,
  formatDay,
  isWeekend,
  monthWeeks,
  monthWorkingDays,
  type DayEntry,
  type DayKind,
} from './calendar-format';
import { useT, type MessageKey, type Translate } from '../../app/i18n';

/**
 * How each kind of day looks. Besides its colour every kind has its own pattern (solid fill, stripes,
 * a frame, a dashed frame), so the kinds stay apart without colour; the name is in the cell's title
 * and in its text for screen readers. Day numbers stay dark on pale fills (contrast above 4.5:1).
 */
const looks: Record<DayKind | 'weekend', CSSProperties> = {
  holiday: { background: 'var(--mantine-color-red-2)', fontWeight: 700 },
  fixed_holiday: { background: 'var(--mantine-color-red-2)', fontWeight: 700 },
  collective_leave: {
    background:
      'repeating-linear-gradient(135deg, var(--mantine-color-orange-1) 0 3px, var(--mantine-color-orange-3) 3px 6px)',
    fontWeight: 700,
  },
  regional_holiday: {
    background: 'var(--mantine-color-violet-1)',
    boxShadow: 'inset 0 0 0 2px var(--mantine-color-violet-7)',
    fontWeight: 700,
  },
  removed: {
    background: 'var(--mantine-color-green-0)',
    outline: '2px dashed var(--mantine-color-green-8)',
    outlineOffset: -2,
  },
  weekend: { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-7)' },
};

const legendKinds: (DayKind | 'weekend')[] = [
  'holiday',
  'collective_leave',
  'regional_holiday',
  'removed',
  'weekend',
];

export const kindLabel = (t: Translate, kind: DayKind) => t(`cal.kind.${kind}` as MessageKey);

const cellBase: CSSProperties = {
  // Positioned, so each cell's visually hidden text is laid out inside it.
  position: 'relative',
  textAlign: 'center',
  padding: 0,
  height: 28,
  // Two months side by side on a phone: the digits shrink a little with the screen.
  fontSize: 'clamp(11px, 3.3vw, 14px)',
  lineHeight: '28px',
  borderRadius: 4,
  color: 'var(--mantine-color-text)',
};

function Swatch({ kind }: { kind: DayKind | 'weekend' }) {
  return (
    <Box
      component="span"
      aria-hidden
      style={{
        ...cellBase,
        ...looks[kind],
        display: 'inline-block',
        width: 22,
        height: 18,
        lineHeight: '18px',
      }}
    />
  );
}

/** The legend of the grid, in words. */
function Legend() {
  const t = useT();
  return (
    <Box>
      <Text size="sm" fw={600} id="calendar-legend">
        {t('cal.legend')}
      </Text>
      <Group
        component="ul"
        gap="md"
        p={0}
        m={0}
        mt={4}
        style={{ listStyle: 'none' }}
        aria-labelledby="calendar-legend"
      >
        {legendKinds.map((k) => (
          <Group component="li" key={k} gap={6} wrap="nowrap">
            <Swatch kind={k} />
            <Text size="sm">{k === 'weekend' ? t('cal.weekend') : kindLabel(t, k)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}

function Month({
  year,
  month0,
  byDate,
  today,
}: {
  year: number;
  month0: number;
  byDate: ReadonlyMap<string, DayEntry>;
  today: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const weekdays = Array.from({ length: 7 }, (_, i) => dayjs('2024-01-01').add(i, 'day').locale(locale));
  const name = dayjs(new Date(year, month0, 1))
    .locale(locale)
    .format('MMMM');
  const working = monthWorkingDays(year, month0, byDate);
  return (
    <table
      style={{
        width: '100%',
        borderCollapse: 'separate',
        borderSpacing: 2,
        tableLayout: 'fixed',
        // A grid item: keep the rows' height when the month beside has a sixth week.
        alignSelf: 'start',
      }}
      data-testid={`month-${month0 + 1}`}
    >
      <caption style={{ textAlign: 'left', paddingBottom: 4 }}>
        <Text component="span" fw={700} size="sm">
          {name}
        </Text>{' '}
        <Text component="span" size="xs" c="dimmed" data-testid="month-working-days">
          · {t('cal.monthWorkingDays', { n: working })}
        </Text>
      </caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th
              key={d.day()}
              scope="col"
              abbr={d.format('dddd')}
              style={{ fontSize: 'clamp(10px, 3vw, 12px)', fontWeight: 600, padding: 0 }}
            >
              {d.format('dd')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month0).map((week, w) => (
          <tr key={w}>
            {week.map((iso, i) => {
              if (!iso) return <td key={i} />;
              const e = byDate.get(iso);
              const weekend = isWeekend(iso);
              const look = e ? looks[e.kind] : weekend ? looks.weekend : undefined;
              const what = e
                ? `${kindLabel(t, e.kind)}: ${e.name}`
                : weekend
                  ? t('cal.weekend')
                  : t('cal.dayWorking');
              const isToday = iso === today;
              return (
                <td
                  key={iso}
                  title={`${formatDay(iso, locale, 'long')}: ${what}`}
                  aria-current={isToday ? 'date' : undefined}
                  data-date={iso}
                  data-kind={e?.kind ?? (weekend ? 'weekend' : 'working')}
                  style={{
                    ...cellBase,
                    ...look,
                    ...(isToday
                      ? { textDecoration: 'underline', textUnderlineOffset: 3, fontWeight: 700 }
                      : null),
                  }}
                >
                  {Number(iso.slice(8))}
                  {e || isToday ? (
                    <VisuallyHidden>
                      {`, ${e ? what : ''}${e && isToday ? ', ' : ''}${isToday ? t('cal.today') : ''}`}
                    </VisuallyHidden>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The twelve months of the year, Monday to Sunday, with the days off marked by kind. */
export function CalendarGrid({ year, entries, today }: { year: number; entries: DayEntry[]; today: string }) {
  const t = useT();
  const byDate = entriesByDate(entries);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calendar-grid-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="calendar-grid-title">
            {t('cal.grid', { year })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cal.gridIntro')}
          </Text>
        </div>
        <Legend />
        <SimpleGrid
          cols={{ base: 2, md: 3, lg: 4 }}
          spacing="lg"
          verticalSpacing="md"
          data-testid="calendar-grid"
        >
          {Array.from({ length: 12 }, (_, m) => (
            <Month key={m} year={year} month0={m} byDate={byDate} today={today} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
