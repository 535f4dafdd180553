import { useEffect } from 'react';
import { Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { calendarEntryBody, type CalendarEntryKind, type CalendarYearDto } from '../../../contract/calendar';
import { validateWith } from '../../app/forms';
import { useLocale } from '../../app/i18n';
import { useAddCalendarEntry } from './calendar-api';
import { formatDay } from './calendar-format';
import { kindLabel } from './calendar-grid';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormErrors } from './form-errors';

interface Values {
  date: string;
  kind: CalendarEntryKind;
  name: string;
}

const initial: Values = { date: '', kind: 'regional_holiday', name: '' };

/**
 * Adds an entry to the region's calendar: a regional holiday, or a decreed day off the region works
 * (`removed`). For a year whose decree the platform does not ship yet, the admin may also record the
 * decree's national holidays and collective leave. The server's field messages show under the fields.
 */
export function CalendarEntryForm({
  calendar,
  onYearChange,
}: {
  calendar: CalendarYearDto;
  onYearChange: (year: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const add = useAddCalendarEntry();
  const onError = useFormErrors();
  const form = useForm<Values>({ initialValues: initial });
  const year = calendar.year;
  const kinds: CalendarEntryKind[] =
    calendar.decree === null
      ? ['regional_holiday', 'removed', 'holiday', 'collective_leave']
      : ['regional_holiday', 'removed'];
  // The decree's kinds are offered only for a year without a shipped decree; another year drops them.
  const kind = form.getValues().kind;
  useEffect(() => {
    if (!kinds.includes(kind)) form.setFieldValue('kind', 'regional_holiday');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kinds.length, kind]);

  const submit = form.onSubmit((values) => {
    const v = validateWith(calendarEntryBody, values);
    if (!v.ok) return form.setErrors(v.errors);
    add.mutate(v.data, {
      onSuccess: (y) => {
        notifications.show({
          color: 'green',
          message: t('cal.added', {
            date: formatDay(v.data.date, locale),
            kind: kindLabel(t, v.data.kind),
            year: y.year,
            n: y.workingDays,
          }),
        });
        form.setValues({ date: '', name: '' });
        form.resetDirty();
        if (y.year !== year) onYearChange(y.year);
      },
      onError: (err) => onError(err, form, { shows: (path) => path in initial }),
    });
  });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calendar-add-title">
      <form onSubmit={submit} noValidate data-testid="calendar-entry-form">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h3" id="calendar-add-title">
              {t('cal.add')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cal.addIntro')}
            </Text>
          </div>
          <TextInput
            type="date"
            label={t('cal.date')}
            required
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            data-testid="entry-date"
            {...form.getInputProps('date')}
          />
          <Radio.Group label={t('cal.kind')} required {...form.getInputProps('kind')}>
            <Stack gap="xs" mt={6}>
              {kinds.map((k) => (
                <Radio
                  key={k}
                  value={k}
                  label={t(`cal.option.${k}` as MessageKey)}
                  description={t(`cal.option.${k}Hint` as MessageKey)}
                  data-testid={`entry-kind-${k}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('cal.name')}
            description={t('cal.nameHint')}
            required
            maxLength={120}
            data-testid="entry-name"
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="entry-submit">
              {t('cal.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
