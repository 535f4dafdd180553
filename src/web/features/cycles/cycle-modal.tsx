import { useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { createCycleBody, updateCycleBody, type CycleDto, type PhaseDates } from '../../../contract/cycles';
import { ApiError } from '../../app/api';
import { useApiErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { DEFAULT_RUBRIC } from '../../../contract/cycles';
import { phaseDateKeys, phaseDateLabel } from '../../components/cycle-format';
import { RubricTable } from './rubric-table';
import { useCreateCycle, useUpdateCycle } from './cycles-api';

type Num = number | string;

interface Values {
  name: string;
  startYear: Num;
  endYear: Num;
  phases: PhaseDates;
  rubric: { code: string; name: string; weight: Num }[];
  budgetCeilings: { year: Num; amount: Num }[];
}

const MAX_CEILINGS = 10;
const MAX_CRITERIA = 10;

/** NumberInput gives '' when empty: leave it out so the contract answers "wajib diisi". */
const num = (v: Num) => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));
const validYear = (v: Num): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 2000;

const emptyPhases: PhaseDates = {
  draftingStart: '',
  submissionDeadline: '',
  sessionsStart: '',
  sessionsEnd: '',
  negotiationDeadline: '',
  signingDeadline: '',
};

function toValues(cycle: CycleDto | null): Values {
  if (!cycle) {
    const start = new Date().getFullYear() + 1;
    return {
      name: '',
      startYear: start,
      endYear: start + 4,
      phases: { ...emptyPhases },
      rubric: [],
      budgetCeilings: [],
    };
  }
  return {
    name: cycle.name,
    startYear: cycle.startYear,
    endYear: cycle.endYear,
    phases: { ...cycle.phases },
    rubric: cycle.rubric.map((c) => ({ ...c })),
    budgetCeilings: cycle.budgetCeilings.map((c) => ({ ...c })),
  };
}

/** A message of the form about a whole list (e.g. the rubric's sum), read out when it appears. */
function ListError({ message }: { message: unknown }) {
  if (typeof message !== 'string' && typeof message !== 'number') return null;
  return (
    <Text role="alert" size="sm" c="var(--mantine-color-error)">
      {message}
    </Text>
  );
}

/**
 * Opens a cycle (`cycle` null: name, term, phase dates and ceilings; the default rubric is shown
 * read-only) or edits one with optimistic locking. `only="rubric"` edits just the rubric and sends
 * the rest unchanged.
 */
export function CycleModal({
  opened,
  cycle,
  only,
  onClose,
  onCreated,
  onReload,
}: {
  opened: boolean;
  cycle: CycleDto | null;
  only?: 'rubric';
  onClose: () => void;
  onCreated?: (cycle: CycleDto) => void;
  /** Fetches the cycle again after a version conflict; the form then shows the fresh values. */
  onReload?: () => Promise<CycleDto | undefined>;
}) {
  const t = useT();
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const onError = useApiErrorHandler();
  const [conflict, setConflict] = useState(false);
  // The version the form was filled from: a background refresh must not silently move it forward,
  // or a second Save would overwrite the other user's change.
  const [baseVersion, setBaseVersion] = useState(cycle?.version ?? 0);
  const form = useForm<Values>({ initialValues: toValues(cycle) });
  const feedback = useMutationFeedback(onClose, form);
  // The alert sits at the top of a long dialog: bring it into view when it appears.
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'start' });
  }, [conflict]);

  const load = (c: CycleDto | null) => {
    form.setValues(toValues(c));
    form.resetDirty(toValues(c));
    form.clearErrors();
    setBaseVersion(c?.version ?? 0);
    setConflict(false);
  };

  // Fresh values each time the dialog opens.
  useEffect(() => {
    if (opened) load(cycle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, cycle?.id]);

  const reload = () => {
    if (!onReload) return;
    void onReload().then((fresh) => {
      if (fresh) load(fresh);
    });
  };

  const v = form.values;
  const showMain = only !== 'rubric';
  const showRubric = cycle !== null;
  const start = num(v.startYear);
  const end = num(v.endYear);
  const termOk = validYear(v.startYear) && validYear(v.endYear) && v.endYear >= v.startYear;
  const weightSum = v.rubric.reduce((s, c) => s + (typeof c.weight === 'number' ? c.weight : 0), 0);

  const addCeiling = () => {
    const used = new Set(v.budgetCeilings.map((c) => c.year));
    let year: Num = '';
    if (termOk) {
      for (let y = v.startYear as number; y <= (v.endYear as number); y++)
        if (!used.has(y)) {
          year = y;
          break;
        }
    }
    form.insertListItem('budgetCeilings', { year, amount: '' });
  };

  const submit = form.onSubmit((values) => {
    setConflict(false);
    const body = {
      name: values.name,
      startYear: num(values.startYear),
      endYear: num(values.endYear),
      phases: Object.fromEntries(phaseDateKeys.map((k) => [k, values.phases[k] || undefined])),
      budgetCeilings: values.budgetCeilings.map((c) => ({ year: num(c.year), amount: num(c.amount) })),
    };
    if (!cycle) {
      const r = validateWith(createCycleBody, body);
      if (!r.ok) return form.setErrors(r.errors);
      create.mutate(r.data, {
        onSuccess: (created) => {
          feedback(t('cycle.created')).onSuccess();
          onCreated?.(created);
        },
        onError: (e) => onError(e, form),
      });
      return;
    }
    const r = validateWith(updateCycleBody, {
      ...body,
      rubric: values.rubric.map((c) => ({ code: c.code, name: c.name, weight: num(c.weight) })),
      version: baseVersion,
    });
    if (!r.ok) return form.setErrors(r.errors);
    const done = feedback(t('common.saved'));
    update.mutate(
      { id: cycle.id, body: r.data },
      {
        onSuccess: done.onSuccess,
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setConflict(true);
          done.onError(e);
        },
      },
    );
  });

  const title = !cycle ? t('cycle.create') : only === 'rubric' ? t('cycle.rubricEdit') : t('cycle.edit');

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      {conflict ? (
        <Alert
          ref={conflictRef}
          color="yellow"
          role="alert"
          data-testid="version-conflict"
          // Clear of the dialog's sticky title bar when scrolled to.
          style={{ scrollMarginTop: 80 }}
        >
          <Group justify="space-between">
            <Text size="sm">{t('error.versionConflict')}</Text>
            {onReload ? (
              <Button size="xs" variant="default" onClick={reload}>
                {t('common.reload')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}

      {showMain ? (
        <>
          <TextInput label={t('cycle.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('cycle.startYear')}
              required
              min={2000}
              max={2100}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              {...form.getInputProps('startYear')}
            />
            <NumberInput
              label={t('cycle.endYear')}
              required
              min={2000}
              max={2100}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              {...form.getInputProps('endYear')}
            />
          </SimpleGrid>

          <Fieldset legend={t('cycle.schedule')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed" id="cycle-schedule-hint">
                {typeof start === 'number' && Number.isInteger(start) && start >= 2000
                  ? t('cycle.scheduleHint', { from: start - 1, to: start })
                  : t('cycle.scheduleHintNoYear')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {phaseDateKeys.map((k) => (
                  <TextInput
                    key={k}
                    type="date"
                    label={phaseDateLabel(t, k)}
                    required
                    min={validYear(v.startYear) ? `${v.startYear - 1}-01-01` : undefined}
                    max={validYear(v.startYear) ? `${v.startYear}-12-31` : undefined}
                    data-testid={`phase-${k}`}
                    {...form.getInputProps(`phases.${k}`)}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('cycle.ceilings')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('cycle.ceilingsHint')}
              </Text>
              {v.budgetCeilings.map((_, i) => (
                <Group key={i} align="flex-start" gap="sm" wrap="wrap" data-testid={`ceiling-row-${i}`}>
                  <NumberInput
                    label={t('cycle.ceilingYearN', { n: i + 1 })}
                    required
                    min={typeof start === 'number' ? start : 2000}
                    max={typeof end === 'number' ? end : 2100}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator={false}
                    w={{ base: '100%', xs: 150 }}
                    {...form.getInputProps(`budgetCeilings.${i}.year`)}
                  />
                  <NumberInput
                    label={t('cycle.ceilingAmountN', { n: i + 1 })}
                    required
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator="."
                    decimalSeparator=","
                    leftSection={
                      <Text size="sm" aria-hidden>
                        Rp
                      </Text>
                    }
                    style={{ flex: 1, minWidth: 200 }}
                    {...form.getInputProps(`budgetCeilings.${i}.amount`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    size="lg"
                    aria-label={t('cycle.ceilingRemove', { n: i + 1 })}
                    onClick={() => form.removeListItem('budgetCeilings', i)}
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                </Group>
              ))}
              <ListError message={form.errors.budgetCeilings} />
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={addCeiling}
                  disabled={v.budgetCeilings.length >= MAX_CEILINGS}
                >
                  {t('cycle.ceilingAdd')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        </>
      ) : null}

      {showRubric ? (
        <Fieldset legend={t('cycle.rubric')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('cycle.rubricHint')}
            </Text>
            {v.rubric.map((_, i) => (
              <Group key={i} align="flex-start" gap="sm" wrap="wrap" data-testid={`rubric-row-${i}`}>
                <TextInput
                  label={t('cycle.rubricCodeN', { n: i + 1 })}
                  required
                  autoCapitalize="none"
                  spellCheck={false}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  w={{ base: '100%', sm: 220 }}
                  {...form.getInputProps(`rubric.${i}.code`)}
                />
                <TextInput
                  label={t('cycle.rubricNameN', { n: i + 1 })}
                  required
                  style={{ flex: 1, minWidth: 200 }}
                  {...form.getInputProps(`rubric.${i}.name`)}
                />
                <NumberInput
                  label={t('cycle.rubricWeightN', { n: i + 1 })}
                  required
                  min={1}
                  max={100}
                  allowDecimal={false}
                  allowNegative={false}
                  w={{ base: '100%', xs: 150 }}
                  {...form.getInputProps(`rubric.${i}.weight`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  size="lg"
                  aria-label={t('cycle.rubricRemove', { n: i + 1 })}
                  disabled={v.rubric.length <= 1}
                  onClick={() => form.removeListItem('rubric', i)}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              </Group>
            ))}
            <Text
              size="sm"
              fw={600}
              c={weightSum === 100 ? undefined : 'var(--mantine-color-error)'}
              aria-live="polite"
              data-testid="rubric-sum"
            >
              {t('cycle.rubricSum', { sum: weightSum })}
            </Text>
            <ListError message={form.errors.rubric} />
            <Group>
              <Button
                variant="light"
                size="xs"
                disabled={v.rubric.length >= MAX_CRITERIA}
                onClick={() => form.insertListItem('rubric', { code: '', name: '', weight: '' })}
              >
                {t('cycle.rubricAdd')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ) : (
        <Fieldset legend={t('cycle.rubric')}>
          <Stack gap="sm">
            <Text size="sm">{t('cycle.rubricDefault')}</Text>
            <RubricTable rubric={DEFAULT_RUBRIC} label={t('cycle.rubric')} />
          </Stack>
        </Fieldset>
      )}
    </FormModal>
  );
}
