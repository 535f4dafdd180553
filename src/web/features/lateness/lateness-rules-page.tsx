import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { LatenessRulesDto, LatenessRulesState } from '../../../contract/lateness-rules';
import { useDialogErrorHandler } from '../../app/forms';
import { useFormat } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { useLatenessRules, useUpdateLatenessRules } from './lateness-api';
import { bandIndexOf, checkRules } from './lateness-calc';
import { BandBadge, bandRange, usePercent } from './lateness-format';
import { useLt } from './lateness-text';

/** NumberInput gives '' when empty. */
type Num = number | string;
interface ScaleValues {
  limits: Num[];
  weights: Num[];
}
interface Values {
  rules: { late: ScaleValues; early: ScaleValues; absenceWeight: Num; monthlyCap: Num };
}

const toValues = (r: LatenessRulesDto): Values => ({
  rules: {
    late: { limits: [...r.late.limits], weights: [...r.late.weights] },
    early: { limits: [...r.early.limits], weights: [...r.early.weights] },
    absenceWeight: r.absenceWeight,
    monthlyCap: r.monthlyCap,
  },
});

/** '' (an emptied input) is sent as null, so the server names the field; numbers as they are. */
const numOrNull = (v: Num): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const toRules = (v: Values) => ({
  late: { limits: v.rules.late.limits.map(numOrNull), weights: v.rules.late.weights.map(numOrNull) },
  early: { limits: v.rules.early.limits.map(numOrNull), weights: v.rules.early.weights.map(numOrNull) },
  absenceWeight: numOrNull(v.rules.absenceWeight),
  monthlyCap: numOrNull(v.rules.monthlyCap),
});

/** Indonesian decimals (0,5) in both languages, as elsewhere in the app. */
const decimals = { decimalSeparator: ',', thousandSeparator: '.' } as const;

/** `HH:MM` of minutes after midnight. */
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(((m % 60) + 60) % 60).padStart(2, '0')}`;

/** The four bands of one scale: from (computed), to (the limits), the weight, and what it means. */
function ScaleTable({
  kind,
  form,
  scale,
}: {
  kind: 'late' | 'early';
  form: ReturnType<typeof useForm<Values>>;
  scale: LatenessRulesDto['late'] | null;
}) {
  const lt = useLt();
  const prefix = kind === 'late' ? 'TL' : 'PSW';
  const title = lt(kind === 'late' ? 'rules.late' : 'rules.early');
  const values = form.getValues().rules[kind];
  const limitErr = form.errors[`rules.${kind}.limits`];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`rules-${kind}`}>
      <Title order={2} size="h3" id={`rules-${kind}`} mb="xs">
        {title}
      </Title>
      {limitErr ? (
        <Text size="sm" c="red.8" role="alert">
          {limitErr}
        </Text>
      ) : null}
      <TableScroll label={title} minWidth={720}>
        <Table verticalSpacing="xs" data-testid={`rules-${kind}-table`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{lt('rules.col.band')}</Table.Th>
              <Table.Th scope="col">{lt('rules.col.from')}</Table.Th>
              <Table.Th scope="col">{lt('rules.col.to')}</Table.Th>
              <Table.Th scope="col">{lt('rules.col.weight')}</Table.Th>
              <Table.Th scope="col">{lt('rules.col.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[0, 1, 2, 3].map((i) => {
              const band = `${prefix}${i + 1}`;
              const previous = i === 0 ? 0 : values.limits[i - 1];
              return (
                <Table.Tr key={band} data-band={band}>
                  <Table.Th scope="row">
                    <BandBadge code={band as 'TL1'} />
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid={`${band}-from`}>
                    {typeof previous === 'number' ? previous + 1 : '—'}
                  </Table.Td>
                  <Table.Td miw={150}>
                    {i < 3 ? (
                      <NumberInput
                        aria-label={lt('rules.limitLabel', { band })}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        hideControls
                        suffix=" mnt"
                        data-testid={`${band}-to`}
                        {...form.getInputProps(`rules.${kind}.limits.${i}`)}
                      />
                    ) : (
                      <Text size="sm">
                        {lt(kind === 'late' ? 'rules.band4To.late' : 'rules.band4To.early')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td miw={120}>
                    <NumberInput
                      aria-label={lt('rules.weightLabel', { band })}
                      allowNegative={false}
                      clampBehavior="none"
                      decimalScale={2}
                      hideControls
                      suffix=" %"
                      {...decimals}
                      data-testid={`${band}-weight`}
                      {...form.getInputProps(`rules.${kind}.weights.${i}`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{scale ? bandRange(lt, scale, i, kind) : '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

/** Worked examples of the rules as entered: a few check-ins and check-outs, and a month. */
function Examples({ rules }: { rules: LatenessRulesDto }) {
  const lt = useLt();
  const pct = usePercent();
  const start = 7 * 60 + 30;
  const end = 16 * 60;
  const mid = (i: number, s: LatenessRulesDto['late']) => {
    const from = i === 0 ? 1 : s.limits[i - 1] + 1;
    const to = i < 3 ? s.limits[i] : s.limits[2] + 30;
    return Math.max(from, Math.min(to, Math.round((from + to) / 2)));
  };
  const lateLine = (m: number) => {
    const i = bandIndexOf(m, rules.late);
    return lt('rules.exLate', {
      time: hhmm(start + m),
      start: hhmm(start),
      m,
      band: `TL${i + 1}`,
      w: pct(rules.late.weights[i]),
    });
  };
  const earlyLine = (m: number) => {
    const i = bandIndexOf(m, rules.early);
    return lt('rules.exEarly', {
      time: hhmm(end - m),
      end: hhmm(end),
      m,
      band: `PSW${i + 1}`,
      w: pct(rules.early.weights[i]),
    });
  };
  const lateDays = 4;
  const uncapped = lateDays * rules.late.weights[1] + rules.absenceWeight;
  return (
    <List size="sm" spacing={4} data-testid="rules-examples">
      <List.Item>{lt('rules.exOnTime', { time: hhmm(start - 5), start: hhmm(start) })}</List.Item>
      {[0, 1, 2, 3].map((i) => (
        <List.Item key={`l${i}`}>{lateLine(mid(i, rules.late))}</List.Item>
      ))}
      <List.Item>{lt('rules.exNoIn', { band: 'TL4', w: pct(rules.late.weights[3]) })}</List.Item>
      {[0, 1, 3].map((i) => (
        <List.Item key={`e${i}`}>{earlyLine(mid(i, rules.early))}</List.Item>
      ))}
      <List.Item data-testid="rules-example-month">
        {lt('rules.exMonth', {
          late: lateDays,
          band: 'TL2',
          w: pct(rules.late.weights[1]),
          tk: 1,
          tkw: pct(rules.absenceWeight),
          sum: pct(uncapped),
          capped: uncapped > rules.monthlyCap ? lt('rules.exCapped', { cap: pct(rules.monthlyCap) }) : '',
        })}
      </List.Item>
    </List>
  );
}

function RulesForm({ state, onReload }: { state: LatenessRulesState; onReload: () => Promise<unknown> }) {
  const lt = useLt();
  const f = useFormat();
  const explain = useDialogErrorHandler();
  const save = useUpdateLatenessRules();
  const [conflict, setConflict] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: toValues(state.rules) });

  // Take fresh server data when it arrives (after a save or a reload).
  useEffect(() => {
    form.setInitialValues(toValues(state.rules));
    form.setValues(toValues(state.rules));
    form.resetDirty(toValues(state.rules));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.version]);

  const values = form.getValues();
  const rules = toRules(values);
  const problems = checkRules(rules);
  const valid = Object.keys(problems).length === 0 ? (rules as LatenessRulesDto) : null;

  const submit = form.onSubmit(() => {
    setGeneral(null);
    if (!valid) {
      form.setErrors(problems);
      setGeneral(lt('rules.fixErrors'));
      return;
    }
    save.mutate(
      { rules: valid, version: state.version },
      {
        onSuccess: (s) => {
          setConflict(false);
          notifications.show({ color: 'green', message: lt('rules.saved', { v: s.version }) });
        },
        onError: (err) =>
          explain(err, {
            onConflict: () => setConflict(true),
            onFields: (fields) => {
              form.setErrors(Object.fromEntries(fields.map((x) => [x.path, x.message])));
              setGeneral(lt('rules.fixErrors'));
              return true;
            },
            onGeneral: setGeneral,
          }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="rules-form">
      <Stack>
        <Text size="sm" c="dimmed" data-testid="rules-version">
          {state.isDefault
            ? lt('rules.default')
            : lt('rules.version', { v: state.version, when: f.dateTime(state.updatedAt) })}
        </Text>
        <ScaleTable kind="late" form={form} scale={valid?.late ?? null} />
        <ScaleTable kind="early" form={form} scale={valid?.early ?? null} />
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rules-other">
          <Title order={2} size="h3" id="rules-other" mb="xs">
            {lt('rules.other')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={lt('rules.absenceWeight')}
              description={lt('rules.absenceWeightHint')}
              allowNegative={false}
              clampBehavior="none"
              decimalScale={2}
              suffix=" %"
              {...decimals}
              data-testid="absence-weight"
              {...form.getInputProps('rules.absenceWeight')}
            />
            <NumberInput
              label={lt('rules.monthlyCap')}
              description={lt('rules.monthlyCapHint')}
              allowNegative={false}
              clampBehavior="none"
              decimalScale={2}
              suffix=" %"
              {...decimals}
              data-testid="monthly-cap"
              {...form.getInputProps('rules.monthlyCap')}
            />
          </SimpleGrid>
        </Paper>

        <Paper
          bg="var(--mantine-color-gray-0)"
          p="md"
          radius="md"
          component="section"
          aria-labelledby="rules-ex"
        >
          <Title order={2} size="h4" id="rules-ex" mb={4}>
            {lt('rules.meaning')}
          </Title>
          {valid ? (
            <Examples rules={valid} />
          ) : (
            <Text size="sm" c="dimmed">
              {lt('rules.fixFirst')}
            </Text>
          )}
        </Paper>

        {conflict ? (
          <Alert color="yellow" role="alert" title={lt('rules.conflictTitle')} data-testid="rules-conflict">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{lt('rules.conflict')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  void onReload().then(() => setConflict(false));
                }}
              >
                {lt('rules.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {general && !conflict ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}

        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {form.isDirty() ? lt('rules.unsaved') : ''}
          </Text>
          <Group gap="xs">
            <Button
              variant="subtle"
              onClick={() => {
                form.setValues(toValues(state.defaults));
                form.clearErrors();
              }}
              data-testid="rules-defaults"
            >
              {lt('rules.useDefaults')}
            </Button>
            {form.isDirty() ? (
              <Button
                variant="default"
                onClick={() => {
                  form.reset();
                  setGeneral(null);
                }}
              >
                {lt('rules.reset')}
              </Button>
            ) : null}
            <Button type="submit" loading={save.isPending} data-testid="rules-save">
              {lt('rules.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Aturan keterlambatan" (HR and the region admin): the minute limits and weights of TL1-TL4 and
 * PSW1-PSW4, the TK weight and the monthly cap, with worked examples that follow the fields as they
 * are typed. Saved with the version read; the server checks every value again.
 */
export function LatenessRulesPage() {
  const lt = useLt();
  const q = useLatenessRules();
  return (
    <Stack>
      <PageHeader title={lt('rules.title')} description={lt('rules.intro')} />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <RulesForm state={q.data} onReload={() => q.refetch()} />
      )}
    </Stack>
  );
}
