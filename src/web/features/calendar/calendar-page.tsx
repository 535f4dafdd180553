import {
  Alert,
  Box,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import dayjs from 'dayjs';
import type { CalendarYearDto } from '../../../contract/calendar';
import { useT } from '../../app/i18n';
import { useFormat, useMe } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useListParams } from '../../components/use-list-params';
import { useCalendarYear, useMonitoringSettings } from './calendar-api';
import { CalendarEntryForm } from './calendar-entry-form';
import { countOf, yearEntries, type DayEntry } from './calendar-format';
import { CalendarGrid } from './calendar-grid';
import { DaysOffList } from './days-off-list';
import { MonitoringSettingsForm } from './monitoring-settings-form';

/** The years offered besides the one in the address: a few back for corrections, a few ahead for decrees. */
function yearOptions(current: number, selected: number): string[] {
  const years = new Set<number>([selected]);
  for (let y = current - 2; y <= current + 3; y++) years.add(y);
  return [...years].sort((a, b) => a - b).map(String);
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Box>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0}>
        <Text component="span" display="block" fw={700} fz={28} lh={1.2} data-testid={testId}>
          {value}
        </Text>
        {hint ? (
          <Text component="span" display="block" size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Box>
    </Box>
  );
}

/** The year in numbers: working days, days off by kind, the decree it rests on, and a missing decree. */
function YearSummary({ calendar: c, entries }: { calendar: CalendarYearDto; entries: DayEntry[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calendar-summary-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="calendar-summary-title">
          {t('cal.summary', { year: c.year })}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 5 }} m={0} spacing="md">
          <Stat
            label={t('cal.workingDays', { year: c.year })}
            value={f.number(c.workingDays)}
            hint={t('cal.workingDaysHint')}
            testId="working-days"
          />
          <Stat
            label={t('cal.countHolidays')}
            value={f.number(countOf(entries, 'holiday', 'fixed_holiday'))}
          />
          <Stat label={t('cal.countCollective')} value={f.number(countOf(entries, 'collective_leave'))} />
          <Stat
            label={t('cal.countRegional')}
            value={f.number(countOf(entries, 'regional_holiday'))}
            testId="regional-count"
          />
          <Stat label={t('cal.countRemoved')} value={f.number(countOf(entries, 'removed'))} />
        </SimpleGrid>
        <Box component="dl" m={0}>
          <Text component="dt" size="sm" c="dimmed">
            {t('cal.decree')}
          </Text>
          <Text component="dd" m={0} size="sm" fw={500} data-testid="decree">
            {c.decree ?? (c.decreed ? t('cal.regionDecree') : t('cal.noDecree'))}
          </Text>
        </Box>
        {c.warning ? (
          <Alert
            color="yellow"
            role="alert"
            title={t('cal.warningTitle', { year: c.year })}
            data-testid="calendar-warning"
          >
            {c.warning}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The region admin's page of the working-day calendar (a year at a time, kept in the address as
 * `?tahun=`) and of the monitoring settings.
 */
export function CalendarPage() {
  const t = useT();
  const me = useMe();
  const today = dayjs().tz(me.region.timezone).format('YYYY-MM-DD');
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useListParams({ tahun: String(thisYear), q: '', jenis: '' });
  const raw = Number(params.tahun);
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : thisYear;
  const calendar = useCalendarYear(year);
  const settings = useMonitoringSettings();
  const data = calendar.data;
  const entries = data ? yearEntries(data) : [];

  return (
    <Stack>
      <PageHeader title={t('cal.title')} description={t('cal.intro')} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('cal.year')}
          data={yearOptions(thisYear, year)}
          value={String(year)}
          onChange={(v) => v && setParams({ tahun: v })}
          allowDeselect={false}
          w={120}
          data-testid="year-select"
        />
        {calendar.isFetching && data ? (
          <Box role="status" aria-label={t('app.loading')} mb={8}>
            <Loader size="sm" aria-hidden />
          </Box>
        ) : null}
      </Group>

      {calendar.isPending ? (
        <PageLoader />
      ) : calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <YearSummary calendar={data!} entries={entries} />
          <CalendarGrid year={data!.year} entries={entries} today={today} />
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, lg: 8 }} miw={0}>
              <DaysOffList
                year={data!.year}
                entries={entries}
                filter={{ q: params.q, kind: params.jenis, page: params.page }}
                onFilter={(p) =>
                  setParams({
                    ...(p.q !== undefined ? { q: p.q } : {}),
                    ...(p.kind !== undefined ? { jenis: p.kind } : {}),
                    ...(p.page !== undefined ? { page: p.page } : {}),
                  })
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }} miw={0}>
              <CalendarEntryForm calendar={data!} onYearChange={(y) => setParams({ tahun: String(y) })} />
            </Grid.Col>
          </Grid>
        </>
      )}

      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <MonitoringSettingsForm settings={settings.data} year={year} onReload={() => settings.refetch()} />
      )}
    </Stack>
  );
}
