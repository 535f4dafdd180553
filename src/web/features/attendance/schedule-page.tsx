import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import type { ScheduleSetDto, WorkScheduleDto, weekHoursSchema } from '../../../contract/attendance';
import { isConflict, useDialogErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useWorkUnitOptions, WorkUnitSelect } from '../../components/work-unit-select';
import { useUpdateWorkSchedule, useWorkSchedule } from './attendance-api';

type WeekHours = z.infer<typeof weekHoursSchema>;
type WorkSchedule = ScheduleSetDto['region'];
type Errors = Record<string, string>;

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Weekday = (typeof weekdays)[number];

/** Peraturan default: Senin-Kamis 07:30-16:00, Jumat 07:30-16:30 (issue 5, item 2). */
const defaultHours = (day: Weekday) =>
  day === 'friday' ? { start: '07:30', end: '16:30' } : { start: '07:30', end: '16:00' };
/** A first Ramadan variant to edit: shorter days. */
const ramadanHours = (day: Weekday) =>
  day === 'friday' ? { start: '08:00', end: '15:30' } : { start: '08:00', end: '15:00' };
const week = (hours: (d: Weekday) => { start: string; end: string }): WeekHours =>
  Object.fromEntries(
    weekdays.map((d) => [d, d === 'saturday' || d === 'sunday' ? null : hours(d)]),
  ) as WeekHours;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The same checks as the server's, in Indonesian, by path (`schedules.region.regular.monday.end`). */
function checkSchedules(s: ScheduleSetDto): Errors {
  const errors: Errors = {};
  const checkWeek = (w: WeekHours, path: string) => {
    let any = false;
    for (const d of weekdays) {
      const h = w[d];
      if (!h) continue;
      any = true;
      if (!HHMM.test(h.start)) errors[`${path}.${d}.start`] = 'Jam masuk harus berformat JJ:MM, mis. 07:30';
      if (!HHMM.test(h.end)) errors[`${path}.${d}.end`] = 'Jam pulang harus berformat JJ:MM, mis. 16:00';
      else if (HHMM.test(h.start) && h.end <= h.start)
        errors[`${path}.${d}.end`] = 'Jam pulang harus setelah jam masuk';
    }
    if (!any) errors[`${path}.monday.start`] = 'Paling sedikit satu hari kerja dalam seminggu';
  };
  const checkSchedule = (w: WorkSchedule, path: string) => {
    checkWeek(w.regular, `${path}.regular`);
    if (w.ramadan) checkWeek(w.ramadan, `${path}.ramadan`);
  };
  checkSchedule(s.region, 'schedules.region');
  for (const [id, u] of Object.entries(s.units ?? {})) checkSchedule(u, `schedules.units.${id}`);
  s.ramadan.forEach((r, i) => {
    if (!DAY.test(r.start)) errors[`schedules.ramadan.${i}.start`] = 'Tanggal awal wajib diisi';
    if (!DAY.test(r.end)) errors[`schedules.ramadan.${i}.end`] = 'Tanggal akhir wajib diisi';
    else if (DAY.test(r.start) && r.end < r.start)
      errors[`schedules.ramadan.${i}.end`] = 'Tanggal akhir tidak boleh sebelum tanggal awal';
  });
  return errors;
}

/** Seven rows: a "working day" box per weekday and its start and end time. */
function WeekEditor({
  value,
  onChange,
  path,
  errors,
  caption,
}: {
  value: WeekHours;
  onChange: (w: WeekHours) => void;
  path: string;
  errors: Errors;
  caption: string;
}) {
  const t = useT();
  return (
    <Stack gap="xs" role="group" aria-label={caption}>
      {weekdays.map((d) => {
        const h = value[d] ?? null;
        const dayName = t(`sch.day.${d}` as MessageKey);
        return (
          <SimpleGrid
            key={d}
            cols={{ base: 1, xs: 3 }}
            spacing="xs"
            verticalSpacing={4}
            data-testid={`${path}.${d}`}
          >
            <Checkbox
              mt={{ base: 0, xs: 30 }}
              label={dayName}
              checked={h !== null}
              onChange={(e) => onChange({ ...value, [d]: e.currentTarget.checked ? defaultHours(d) : null })}
              aria-label={t('sch.workingDay', { day: dayName, caption })}
              error={errors[`${path}.${d}`]}
            />
            <TextInput
              type="time"
              label={t('sch.start', { day: dayName })}
              value={h?.start ?? ''}
              disabled={h === null}
              onChange={(e) => h && onChange({ ...value, [d]: { ...h, start: e.currentTarget.value } })}
              error={errors[`${path}.${d}.start`]}
              aria-label={`${t('sch.start', { day: dayName })} (${caption})`}
            />
            <TextInput
              type="time"
              label={t('sch.end', { day: dayName })}
              value={h?.end ?? ''}
              disabled={h === null}
              onChange={(e) => h && onChange({ ...value, [d]: { ...h, end: e.currentTarget.value } })}
              error={errors[`${path}.${d}.end`]}
              aria-label={`${t('sch.end', { day: dayName })} (${caption})`}
            />
          </SimpleGrid>
        );
      })}
    </Stack>
  );
}

/** Regular hours and, optionally, Ramadan hours of the region or of one unit. */
function ScheduleEditor({
  value,
  onChange,
  path,
  errors,
  name,
}: {
  value: WorkSchedule;
  onChange: (w: WorkSchedule) => void;
  path: string;
  errors: Errors;
  name: string;
}) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('sch.regular')}
        </Title>
        <WeekEditor
          value={value.regular}
          onChange={(regular) => onChange({ ...value, regular })}
          path={`${path}.regular`}
          errors={errors}
          caption={`${t('sch.regular')} ${name}`}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('sch.ramadanHours')}
        </Title>
        <Checkbox
          label={t('sch.ramadanOwn')}
          checked={!!value.ramadan}
          onChange={(e) =>
            onChange({ ...value, ramadan: e.currentTarget.checked ? week(ramadanHours) : null })
          }
        />
        {value.ramadan ? (
          <WeekEditor
            value={value.ramadan}
            onChange={(ramadan) => onChange({ ...value, ramadan })}
            path={`${path}.ramadan`}
            errors={errors}
            caption={`${t('sch.ramadanHours')} ${name}`}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('sch.ramadanSame')}
          </Text>
        )}
      </Stack>
    </SimpleGrid>
  );
}

function ScheduleForm({ dto, onReload }: { dto: WorkScheduleDto; onReload: () => void }) {
  const t = useT();
  const f = useFormat();
  const explain = useDialogErrorHandler();
  const save = useUpdateWorkSchedule();
  const units = useWorkUnitOptions();
  const [value, setValue] = useState<ScheduleSetDto>(dto.schedules);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [newUnit, setNewUnit] = useState<string | null>(null);
  const unitName = (id: string) => units.data?.find((u) => u.value === id)?.label ?? id;
  const unitEntries = Object.entries(value.units ?? {});
  const update = (s: ScheduleSetDto) => {
    setValue(s);
    setErrors({});
  };

  const submit = () => {
    setGeneral(null);
    const found = checkSchedules(value);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setGeneral(t('sch.fixErrors'));
      return;
    }
    save.mutate(
      { schedules: value, version: dto.version },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'green', message: t('sch.saved', { v: s.version }) });
        },
        onError: (err) => {
          if (isConflict(err)) return setConflict(true);
          explain(err, {
            onConflict: () => setConflict(true),
            onFields: (fields) => {
              setErrors(
                Object.fromEntries(
                  fields.map((x) => [
                    x.path.startsWith('schedules') ? x.path : `schedules.${x.path}`,
                    x.message,
                  ]),
                ),
              );
              setGeneral(t('sch.fixErrors'));
              return true;
            },
            onGeneral: setGeneral,
          });
        },
      },
    );
  };

  return (
    <form
      noValidate
      data-testid="schedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed" data-testid="schedule-version">
          {dto.isDefault
            ? t('sch.isDefault')
            : t('sch.version', { v: dto.version, when: f.dateTime(dto.updatedAt) })}
        </Text>
        {conflict ? (
          <Alert color="yellow" role="alert" title={t('set.conflictTitle')} data-testid="schedule-conflict">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('sch.conflict')}</Text>
              <Button size="xs" variant="default" onClick={onReload}>
                {t('common.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sch-region-title">
          <Title order={2} size="h3" id="sch-region-title" mb="sm">
            {t('sch.region')}
          </Title>
          <ScheduleEditor
            value={value.region}
            onChange={(region) => update({ ...value, region })}
            path="schedules.region"
            errors={errors}
            name={t('sch.regionShort')}
          />
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sch-ramadan-title">
          <Stack gap="xs">
            <Title order={2} size="h3" id="sch-ramadan-title">
              {t('sch.ramadanDates')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sch.ramadanDatesHint')}
            </Text>
            {value.ramadan.length === 0 ? <Text size="sm">{t('sch.noRamadan')}</Text> : null}
            {value.ramadan.map((r, i) => (
              <Group key={i} align="flex-start" gap="sm" data-testid={`ramadan-${i}`}>
                <TextInput
                  type="date"
                  label={t('sch.ramadanStart', { n: i + 1 })}
                  value={r.start}
                  onChange={(e) =>
                    update({
                      ...value,
                      ramadan: value.ramadan.map((x, j) =>
                        j === i ? { ...x, start: e.currentTarget.value } : x,
                      ),
                    })
                  }
                  error={errors[`schedules.ramadan.${i}.start`]}
                />
                <TextInput
                  type="date"
                  label={t('sch.ramadanEnd', { n: i + 1 })}
                  value={r.end}
                  onChange={(e) =>
                    update({
                      ...value,
                      ramadan: value.ramadan.map((x, j) =>
                        j === i ? { ...x, end: e.currentTarget.value } : x,
                      ),
                    })
                  }
                  error={errors[`schedules.ramadan.${i}.end`]}
                />
                <Button
                  variant="subtle"
                  color="red"
                  mt={{ base: 0, xs: 25 }}
                  onClick={() => update({ ...value, ramadan: value.ramadan.filter((_, j) => j !== i) })}
                  aria-label={t('sch.ramadanRemove', { n: i + 1 })}
                >
                  {t('common.delete')}
                </Button>
              </Group>
            ))}
            {errors['schedules.ramadan'] ? (
              <Text size="sm" c="red.8" role="alert">
                {errors['schedules.ramadan']}
              </Text>
            ) : null}
            <Group>
              <Button
                variant="default"
                disabled={value.ramadan.length >= 20}
                onClick={() => update({ ...value, ramadan: [...value.ramadan, { start: '', end: '' }] })}
              >
                {t('sch.ramadanAdd')}
              </Button>
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sch-units-title">
          <Stack>
            <div>
              <Title order={2} size="h3" id="sch-units-title">
                {t('sch.units')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('sch.unitsHint')}
              </Text>
            </div>
            {unitEntries.length === 0 ? <Text size="sm">{t('sch.noUnits')}</Text> : null}
            {unitEntries.map(([id, u]) => (
              <Paper key={id} withBorder p="sm" radius="md">
                <Group justify="space-between" mb="xs">
                  <Text fw={600}>{unitName(id)}</Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      const rest = { ...(value.units ?? {}) };
                      delete rest[id];
                      update({ ...value, units: rest });
                    }}
                    aria-label={t('sch.unitRemove', { unit: unitName(id) })}
                  >
                    {t('sch.unitRemoveShort')}
                  </Button>
                </Group>
                <ScheduleEditor
                  value={u}
                  onChange={(w) => update({ ...value, units: { ...(value.units ?? {}), [id]: w } })}
                  path={`schedules.units.${id}`}
                  errors={errors}
                  name={unitName(id)}
                />
              </Paper>
            ))}
            <Group align="flex-end">
              <WorkUnitSelect
                label={t('sch.unitAdd')}
                value={newUnit}
                onChange={setNewUnit}
                w={{ base: '100%', sm: 360 }}
              />
              <Button
                variant="default"
                disabled={!newUnit || !!value.units?.[newUnit]}
                onClick={() => {
                  if (!newUnit) return;
                  update({
                    ...value,
                    units: { ...(value.units ?? {}), [newUnit]: structuredClone(value.region) },
                  });
                  setNewUnit(null);
                }}
              >
                {t('sch.unitAddButton')}
              </Button>
            </Group>
          </Stack>
        </Paper>

        {general ? (
          <Alert color="red" role="alert" data-testid="schedule-error">
            {general}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => update(dto.schedules)} disabled={save.isPending}>
            {t('set.reset')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="schedule-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The region's working hours per weekday, the Ramadan variant with its dates, and unit overrides. */
export function SchedulePage() {
  const t = useT();
  const schedule = useWorkSchedule();
  return (
    <Stack>
      <PageHeader title={t('sch.title')} description={t('sch.intro')} />
      {schedule.isPending ? (
        <PageLoader />
      ) : schedule.isError ? (
        <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <ScheduleForm
          key={schedule.data.version}
          dto={schedule.data}
          onReload={() => void schedule.refetch()}
        />
      )}
    </Stack>
  );
}
