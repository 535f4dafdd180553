import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { updateMonitoringSettingsBody, type MonitoringSettings } from '../../../contract/calendar';
import { validateWith } from '../../app/forms';
import { useLocale, useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { TableScroll } from '../../components/table-scroll';
import { useUpdateMonitoringSettings } from './calendar-api';
import { bandRanges, formatDay, quarterDeadlines, ROMAN, validDeadlineDay } from './calendar-format';
import { useFormErrors } from './form-errors';

type Band = MonitoringSettings['predicateBands'][number];

/** NumberInput gives '' when empty. */
type Num = number | string;
interface Values {
  reportDeadlineDay: Num;
  achievementCap: Num;
  predicateBands: { code: Band['code']; label: string; min: Num }[];
}

const toValues = (s: MonitoringSettings): Values => ({
  reportDeadlineDay: s.reportDeadlineDay,
  achievementCap: s.achievementCap ?? '',
  predicateBands: s.predicateBands.map((b) => ({ ...b })),
});

/** The server's field paths this form shows a message for. */
const shownPath = (path: string) =>
  /^(reportDeadlineDay|achievementCap|predicateBands(\.\d+\.(code|label|min))?)$/.test(path);

const num = (v: Num): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Indonesian decimals (90,5) in both languages, as elsewhere in the app. */
const decimals = { decimalSeparator: ',', thousandSeparator: '.' } as const;

/**
 * The region's monitoring settings: the report deadline day, the achievement cap and the five
 * predicate bands, saved with the version seen (a 409 asks to reload). Under the fields it says what
 * the values mean for the year on the page: the quarters' deadlines, the cap, the score ranges.
 */
export function MonitoringSettingsForm({
  settings,
  year,
  onReload,
}: {
  settings: MonitoringSettings;
  year: number;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const onError = useFormErrors();
  const update = useUpdateMonitoringSettings();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({ initialValues: toValues(settings) });

  // Take fresh server data when it arrives (after a save or a reload).
  useEffect(() => {
    form.setInitialValues(toValues(settings));
    form.setValues(toValues(settings));
    form.resetDirty(toValues(settings));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.version]);

  const submit = form.onSubmit((values) => {
    const cap = num(values.achievementCap);
    const body = {
      reportDeadlineDay: num(values.reportDeadlineDay),
      achievementCap: cap ?? null,
      predicateBands: values.predicateBands.map((b) => ({ code: b.code, label: b.label, min: num(b.min) })),
      version: settings.version,
    };
    const v = validateWith(updateMonitoringSettingsBody, body);
    if (!v.ok) return form.setErrors(v.errors);
    update.mutate(v.data, {
      onSuccess: (s) => {
        setConflict(false);
        notifications.show({ color: 'green', message: t('set.saved', { v: s.version }) });
      },
      // A stale version is explained next to the Save button, with the way out.
      onError: (err) => onError(err, form, { shows: shownPath, onConflict: () => setConflict(true) }),
    });
  });

  const values = form.getValues();
  const day = num(values.reportDeadlineDay);
  const cap = num(values.achievementCap);
  const ranges = bandRanges(values.predicateBands.map((b) => num(b.min) ?? null));
  const savedDeadlines = quarterDeadlines(year, settings.reportDeadlineDay);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="settings-title">
      <form onSubmit={submit} noValidate data-testid="settings-form">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h3" id="settings-title">
                {t('set.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('set.intro')}
              </Text>
            </div>
            <Text size="sm" c="dimmed" data-testid="settings-version">
              {t('set.version', { v: settings.version })}
            </Text>
          </Group>

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('set.deadlineDay')}
              description={t('set.deadlineDayHint')}
              required
              min={1}
              max={28}
              allowDecimal={false}
              allowNegative={false}
              // The server's message explains a day out of range; do not silently correct it.
              clampBehavior="none"
              data-testid="deadline-day"
              {...form.getInputProps('reportDeadlineDay')}
            />
            <NumberInput
              label={t('set.cap')}
              description={t('set.capHint')}
              min={100}
              clampBehavior="none"
              allowNegative={false}
              {...decimals}
              data-testid="achievement-cap"
              {...form.getInputProps('achievementCap')}
            />
          </SimpleGrid>

          <Box component="fieldset" m={0} p={0} miw={0} style={{ border: 0 }}>
            <Title order={3} size="h4" component="legend" p={0}>
              {t('set.bands')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('set.bandsHint')}
            </Text>
            {form.errors.predicateBands ? (
              <Text size="sm" c="red" role="alert">
                {form.errors.predicateBands}
              </Text>
            ) : null}
            <TableScroll label={t('set.bands')} minWidth={480}>
              <Table verticalSpacing="xs" data-testid="bands-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('set.col.level')}</Table.Th>
                    <Table.Th scope="col">{t('set.col.label')}</Table.Th>
                    <Table.Th scope="col">{t('set.col.min')}</Table.Th>
                    <Table.Th scope="col">{t('set.col.range')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.predicateBands.map((b, i) => {
                    const r = ranges[i];
                    return (
                      <Table.Tr key={b.code} data-code={b.code}>
                        <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                          {t('set.levelN', { n: i + 1 })}
                          {form.errors[`predicateBands.${i}.code`] ? (
                            <Text size="xs" c="red">
                              {form.errors[`predicateBands.${i}.code`]}
                            </Text>
                          ) : null}
                        </Table.Th>
                        <Table.Td>
                          <TextInput
                            aria-label={t('set.bandLabel', { n: i + 1 })}
                            maxLength={40}
                            miw={130}
                            {...form.getInputProps(`predicateBands.${i}.label`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={t('set.bandMin', { n: i + 1 })}
                            allowNegative={false}
                            clampBehavior="none"
                            decimalScale={2}
                            hideControls
                            {...decimals}
                            miw={80}
                            {...form.getInputProps(`predicateBands.${i}.min`)}
                          />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="band-range">
                          {!r
                            ? t('common.none')
                            : r.next === null
                              ? t('set.rangeFrom', { min: f.number(r.min) })
                              : t('set.rangeBetween', { min: f.number(r.min), next: f.number(r.next) })}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Box>

          <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="sm">
            <Title order={3} size="h5" mb={4}>
              {t('set.meaning')}
            </Title>
            <List size="sm" spacing={2} data-testid="settings-meaning">
              {validDeadlineDay(day)
                ? quarterDeadlines(year, day).map((d, i) => (
                    <List.Item key={d.quarter} data-testid={`deadline-q${d.quarter}`}>
                      {t('set.deadlineOf', {
                        period: t('set.q', { n: ROMAN[i], year }),
                        date: formatDay(d.date, locale, 'dayMonth'),
                      })}
                      {day !== settings.reportDeadlineDay
                        ? ` ${t('set.deadlineWas', { date: formatDay(savedDeadlines[i].date, locale, 'dayMonth') })}`
                        : ''}
                    </List.Item>
                  ))
                : null}
              <List.Item>{t('set.otherPeriods')}</List.Item>
              {cap === undefined || cap >= 100 ? (
                <List.Item data-testid="cap-meaning">
                  {cap !== undefined ? t('set.capOn', { cap: f.number(cap) }) : t('set.capOff')}
                </List.Item>
              ) : null}
            </List>
          </Paper>

          {conflict ? (
            <Alert color="yellow" role="alert" title={t('set.conflictTitle')} data-testid="version-conflict">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('set.conflict')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    void onReload().then(() => setConflict(false));
                  }}
                >
                  {t('common.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : null}

          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {form.isDirty() ? t('set.unsaved') : ''}
            </Text>
            <Group gap="xs">
              {form.isDirty() ? (
                <Button variant="default" onClick={() => form.reset()}>
                  {t('set.reset')}
                </Button>
              ) : null}
              <Button type="submit" loading={update.isPending} data-testid="settings-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
