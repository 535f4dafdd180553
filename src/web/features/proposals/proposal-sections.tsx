import type { ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { CycleDto } from '../../../contract/cycles';
import { polarities } from '../../../contract/cycles';
import { aggregations, frequencies, type ProposalDocument } from '../../../contract/proposals';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { formatRupiah, polarityLabel } from '../../components/cycle-format';
import { useMissionOptions } from '../../components/cycle-queries';

export type Doc = ProposalDocument;
export type Indicator = Doc['indicators'][number];
export type Update = (fn: (d: Doc) => Doc) => void;

/** The id of the input of a document path, e.g. `indicators.0.name` → `pf-indicators-0-name`. */
export const fieldId = (path: string) => `pf-${path.replace(/\./g, '-')}`;

/** NumberInput reports '' when empty: the draft keeps null. */
const numOrNull = (v: string | number): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

export interface SectionProps {
  doc: Doc;
  cycle: CycleDto;
  update: Update;
  readOnly: boolean;
  /** Problem messages by document path. */
  errors: Record<string, string>;
}

const termYears = (c: CycleDto) =>
  Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" mb="sm" id={id}>
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

/** Props of one input bound to a document path: its id, its problem and read-only state. */
function bind(p: SectionProps, path: string) {
  return { id: fieldId(path), error: p.errors[path], readOnly: p.readOnly };
}

function uniqueKey(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const k = `${prefix}-${n}`;
    if (!taken.includes(k)) return k;
  }
}

function replaceAt<T>(list: T[], i: number, fn: (x: T) => T): T[] {
  return list.map((x, j) => (j === i ? fn(x) : x));
}

export function GeneralSection(p: SectionProps) {
  const t = useT();
  const missions = useMissionOptions();
  const { doc, cycle, update } = p;
  const missionIds = new Set(cycle.themes.map((th) => th.missionId));
  const missionData = (missions.data ?? [])
    .filter((m) => missionIds.has(m.id) || m.id === doc.missionId)
    .map((m) => ({ value: m.id, label: t('proposal.missionOption', { n: m.number, title: m.title }) }));
  // Themes of the cycle whose mission is not (yet) loaded still get an option.
  for (const th of cycle.themes)
    if (!missionData.some((o) => o.value === th.missionId))
      missionData.push({ value: th.missionId, label: t('cycle.missionN', { n: th.missionNumber }) });
  const themeData = cycle.themes
    .filter((th) => !doc.missionId || th.missionId === doc.missionId)
    .map((th) => ({ value: th.id, label: th.name }));

  return (
    <Section id="sec-general" title={t('proposal.sec.general')}>
      <TextInput
        label={t('proposal.titleField')}
        value={doc.title}
        maxLength={300}
        onChange={(e) => {
          const v = e.currentTarget.value;
          update((d) => ({ ...d, title: v }));
        }}
        {...bind(p, 'title')}
      />
      <Textarea
        label={t('proposal.problemStatement')}
        autosize
        minRows={4}
        maxLength={10000}
        value={doc.problemStatement}
        onChange={(e) => {
          const v = e.currentTarget.value;
          update((d) => ({ ...d, problemStatement: v }));
        }}
        {...bind(p, 'problemStatement')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('proposal.mission')}
          data={missionData}
          value={doc.missionId}
          clearable={!p.readOnly}
          onChange={(v) =>
            update((d) => {
              const theme = cycle.themes.find((th) => th.id === d.themeId);
              return { ...d, missionId: v, themeId: theme && theme.missionId === v ? d.themeId : null };
            })
          }
          {...bind(p, 'missionId')}
        />
        <Select
          label={t('proposal.theme')}
          data={themeData}
          value={doc.themeId}
          clearable={!p.readOnly}
          nothingFoundMessage={t('proposal.noThemes')}
          onChange={(v) =>
            update((d) => {
              const theme = cycle.themes.find((th) => th.id === v);
              return { ...d, themeId: v, missionId: theme ? theme.missionId : d.missionId };
            })
          }
          {...bind(p, 'themeId')}
        />
      </SimpleGrid>
    </Section>
  );
}

export function UnitsSection(p: SectionProps & { leadUnitName: string }) {
  const t = useT();
  const f = useFormat();
  const { doc, update } = p;
  const sum = (doc.leadShare ?? 0) + doc.collaborators.reduce((s, c) => s + (c.share ?? 0), 0);
  return (
    <Section id="sec-units" title={t('proposal.sec.units')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('proposal.leadUnit')} value={p.leadUnitName} readOnly />
        <NumberInput
          label={t('proposal.leadShare')}
          suffix=" %"
          min={0}
          max={100}
          decimalSeparator=","
          value={doc.leadShare ?? ''}
          onChange={(v) => update((d) => ({ ...d, leadShare: numOrNull(v) }))}
          {...bind(p, 'leadShare')}
        />
      </SimpleGrid>
      <Text fw={500}>{t('proposal.collaborators')}</Text>
      {doc.collaborators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('proposal.noCollaborators')}
        </Text>
      ) : null}
      {doc.collaborators.map((c, i) => (
        <Group key={i} align="flex-start" gap="sm" wrap="wrap">
          <WorkUnitSelect
            label={t('proposal.collaboratorN', { n: i + 1 })}
            value={c.unitId || null}
            onChange={(v) =>
              update((d) => ({
                ...d,
                collaborators: replaceAt(d.collaborators, i, (x) => ({ ...x, unitId: v ?? '' })),
              }))
            }
            style={{ flex: '1 1 260px' }}
            {...bind(p, `collaborators.${i}.unitId`)}
          />
          <NumberInput
            label={t('proposal.collaboratorShareN', { n: i + 1 })}
            suffix=" %"
            min={0}
            max={100}
            decimalSeparator=","
            value={c.share ?? ''}
            onChange={(v) =>
              update((d) => ({
                ...d,
                collaborators: replaceAt(d.collaborators, i, (x) => ({ ...x, share: numOrNull(v) })),
              }))
            }
            style={{ flex: '0 1 160px' }}
            {...bind(p, `collaborators.${i}.share`)}
          />
          {p.readOnly ? null : (
            <Button
              variant="subtle"
              color="red"
              mt={24}
              onClick={() =>
                update((d) => ({ ...d, collaborators: d.collaborators.filter((_, j) => j !== i) }))
              }
              aria-label={t('proposal.removeCollaboratorN', { n: i + 1 })}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      ))}
      {p.errors.collaborators ? (
        <Text size="sm" c="red" id={fieldId('collaborators')} tabIndex={-1}>
          {p.errors.collaborators}
        </Text>
      ) : null}
      <Group justify="space-between">
        {p.readOnly ? (
          <span />
        ) : (
          <Button
            variant="light"
            onClick={() =>
              update((d) => ({ ...d, collaborators: [...d.collaborators, { unitId: '', share: null }] }))
            }
          >
            {t('proposal.addCollaborator')}
          </Button>
        )}
        <Text fw={600} aria-live="polite" data-testid="share-sum">
          {t('proposal.shareSum', { sum: f.number(sum) })}
        </Text>
      </Group>
    </Section>
  );
}

export function BudgetSection(p: SectionProps) {
  const t = useT();
  const { doc, cycle, update } = p;
  const years = termYears(cycle);
  const amountOf = (y: number) => doc.budget.find((b) => b.year === y)?.amount ?? null;
  const total = years.reduce((s, y) => s + (amountOf(y) ?? 0), 0);
  const setAmount = (year: number, amount: number | null) =>
    update((d) => ({
      ...d,
      budget: years.map((y) => ({
        year: y,
        amount: y === year ? amount : (d.budget.find((b) => b.year === y)?.amount ?? null),
      })),
    }));
  return (
    <Section id="sec-budget" title={t('proposal.sec.budget')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {years.map((y) => {
          const i = Math.max(
            0,
            doc.budget.findIndex((b) => b.year === y),
          );
          return (
            <NumberInput
              key={y}
              label={t('proposal.budgetYear', { year: y })}
              prefix="Rp "
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              value={amountOf(y) ?? ''}
              onChange={(v) => setAmount(y, numOrNull(v))}
              {...bind(p, `budget.${doc.budget.some((b) => b.year === y) ? i : years.indexOf(y)}.amount`)}
            />
          );
        })}
      </SimpleGrid>
      {p.errors.budget ? (
        <Text size="sm" c="red" id={fieldId('budget')} tabIndex={-1}>
          {p.errors.budget}
        </Text>
      ) : null}
      <Text fw={600} data-testid="budget-total">
        {t('proposal.budgetTotal', { total: formatRupiah(total) })}
      </Text>
    </Section>
  );
}

function newIndicator(cycle: CycleDto, taken: string[]): Indicator {
  return {
    key: uniqueKey('IND', taken),
    name: '',
    unit: '',
    polarity: 'higher_is_better',
    aggregation: 'latest',
    frequency: 'yearly',
    weight: null,
    baseline: { value: null, year: cycle.startYear - 1, source: '', breakdown: [] },
    targets: termYears(cycle).map((year) => ({ year, value: null })),
  };
}

function IndicatorCard({ p, i, ind }: { p: SectionProps; i: number; ind: Indicator }) {
  const t = useT();
  const { cycle, update } = p;
  const n = i + 1;
  const path = `indicators.${i}`;
  const set = (fn: (x: Indicator) => Indicator) =>
    update((d) => ({ ...d, indicators: replaceAt(d.indicators, i, fn) }));
  const setBaseline = (patch: Partial<Indicator['baseline']>) =>
    set((x) => ({ ...x, baseline: { ...x.baseline, ...patch } }));
  const years = termYears(cycle);
  const targetIndex = (y: number) => {
    const k = ind.targets.findIndex((tg) => tg.year === y);
    return k >= 0 ? k : years.indexOf(y);
  };
  const target = (y: number) => ind.targets.find((tg) => tg.year === y);
  const setTarget = (
    year: number,
    patch: { value?: number | null; lower?: number | null; upper?: number | null },
  ) =>
    set((x) => ({
      ...x,
      targets: years.map((y) => {
        const cur = x.targets.find((tg) => tg.year === y) ?? { year: y };
        return y === year ? { ...cur, ...patch } : cur;
      }),
    }));
  const range = ind.polarity === 'range';

  return (
    <Paper withBorder p="md" radius="md" data-testid="indicator-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('proposal.indicatorN', { n })} · {ind.key}
          </Title>
          {p.readOnly ? null : (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              onClick={() => update((d) => ({ ...d, indicators: d.indicators.filter((_, j) => j !== i) }))}
              aria-label={t('proposal.removeIndicatorN', { n })}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('proposal.ind.name', { n })}
            value={ind.name}
            maxLength={300}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set((x) => ({ ...x, name: v }));
            }}
            {...bind(p, `${path}.name`)}
          />
          <TextInput
            label={t('proposal.ind.unit', { n })}
            value={ind.unit}
            maxLength={60}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set((x) => ({ ...x, unit: v }));
            }}
            {...bind(p, `${path}.unit`)}
          />
          <Select
            label={t('proposal.ind.polarity', { n })}
            allowDeselect={false}
            data={polarities.map((v) => ({ value: v, label: polarityLabel(t, v) }))}
            value={ind.polarity}
            onChange={(v) => {
              if (v) set((x) => ({ ...x, polarity: v as Indicator['polarity'] }));
            }}
            {...bind(p, `${path}.polarity`)}
          />
          <Select
            label={t('proposal.ind.aggregation', { n })}
            allowDeselect={false}
            data={aggregations.map((v) => ({ value: v, label: t(`aggregation.${v}` as MessageKey) }))}
            value={ind.aggregation}
            onChange={(v) => {
              if (v) set((x) => ({ ...x, aggregation: v as Indicator['aggregation'] }));
            }}
            {...bind(p, `${path}.aggregation`)}
          />
          <Select
            label={t('proposal.ind.frequency', { n })}
            allowDeselect={false}
            data={frequencies.map((v) => ({ value: v, label: t(`frequency.${v}` as MessageKey) }))}
            value={ind.frequency}
            onChange={(v) => {
              if (v) set((x) => ({ ...x, frequency: v as Indicator['frequency'] }));
            }}
            {...bind(p, `${path}.frequency`)}
          />
          <NumberInput
            label={t('proposal.ind.weight', { n })}
            suffix=" %"
            min={0}
            max={100}
            decimalSeparator=","
            value={ind.weight ?? ''}
            onChange={(v) => set((x) => ({ ...x, weight: numOrNull(v) }))}
            {...bind(p, `${path}.weight`)}
          />
        </SimpleGrid>

        <Text fw={600}>{t('proposal.ind.baseline')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('proposal.ind.baselineValue', { n })}
            decimalSeparator=","
            thousandSeparator="."
            value={ind.baseline.value ?? ''}
            onChange={(v) => setBaseline({ value: numOrNull(v) })}
            {...bind(p, `${path}.baseline.value`)}
          />
          <NumberInput
            label={t('proposal.ind.baselineYear', { n })}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            min={2000}
            max={2100}
            value={ind.baseline.year ?? ''}
            onChange={(v) => setBaseline({ year: numOrNull(v) })}
            {...bind(p, `${path}.baseline.year`)}
          />
          <TextInput
            label={t('proposal.ind.baselineSource', { n })}
            value={ind.baseline.source}
            maxLength={500}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setBaseline({ source: v });
            }}
            {...bind(p, `${path}.baseline.source`)}
          />
        </SimpleGrid>
        {ind.baseline.breakdown.map((row, k) => (
          <Group key={k} align="flex-start" gap="sm">
            <TextInput
              label={t('proposal.ind.breakdownLabel', { k: k + 1 })}
              value={row.label}
              maxLength={200}
              style={{ flex: '1 1 200px' }}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setBaseline({
                  breakdown: replaceAt(ind.baseline.breakdown, k, (r) => ({ ...r, label: v })),
                });
              }}
              {...bind(p, `${path}.baseline.breakdown.${k}.label`)}
            />
            <NumberInput
              label={t('proposal.ind.breakdownValue', { k: k + 1 })}
              decimalSeparator=","
              thousandSeparator="."
              value={row.value ?? ''}
              style={{ flex: '0 1 160px' }}
              onChange={(v) =>
                setBaseline({
                  breakdown: replaceAt(ind.baseline.breakdown, k, (r) => ({ ...r, value: numOrNull(v) })),
                })
              }
              {...bind(p, `${path}.baseline.breakdown.${k}.value`)}
            />
            {p.readOnly ? null : (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                onClick={() => setBaseline({ breakdown: ind.baseline.breakdown.filter((_, j) => j !== k) })}
                aria-label={t('proposal.ind.removeBreakdown', { k: k + 1 })}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {p.readOnly ? null : (
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                setBaseline({ breakdown: [...ind.baseline.breakdown, { label: '', value: null }] })
              }
            >
              {t('proposal.ind.addBreakdown')}
            </Button>
          </Group>
        )}

        <Text fw={600}>{t('proposal.ind.targets')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: range ? 2 : 3 }}>
          {years.map((y) => {
            const tg = target(y);
            const tp = `${path}.targets.${targetIndex(y)}`;
            return range ? (
              <Group key={y} gap="xs" grow align="flex-start">
                <NumberInput
                  label={t('proposal.ind.targetLower', { year: y })}
                  decimalSeparator=","
                  thousandSeparator="."
                  value={tg?.lower ?? ''}
                  onChange={(v) => setTarget(y, { lower: numOrNull(v) })}
                  {...bind(p, `${tp}.lower`)}
                  error={p.errors[`${tp}.lower`] ?? p.errors[`${tp}.value`]}
                />
                <NumberInput
                  label={t('proposal.ind.targetUpper', { year: y })}
                  decimalSeparator=","
                  thousandSeparator="."
                  value={tg?.upper ?? ''}
                  onChange={(v) => setTarget(y, { upper: numOrNull(v) })}
                  {...bind(p, `${tp}.upper`)}
                />
              </Group>
            ) : (
              <NumberInput
                key={y}
                label={t('proposal.ind.target', { year: y })}
                decimalSeparator=","
                thousandSeparator="."
                value={tg?.value ?? ''}
                onChange={(v) => setTarget(y, { value: numOrNull(v) })}
                {...bind(p, `${tp}.value`)}
              />
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function IndicatorsSection(p: SectionProps) {
  const t = useT();
  const { doc, cycle, update } = p;
  return (
    <Section id="sec-indicators" title={t('proposal.sec.indicators')}>
      {doc.indicators.length === 0 ? (
        <Text size="sm" c={p.errors.indicators ? 'red' : 'dimmed'} id={fieldId('indicators')} tabIndex={-1}>
          {p.errors.indicators ?? t('proposal.noIndicators')}
        </Text>
      ) : null}
      {doc.indicators.map((ind, i) => (
        <IndicatorCard key={ind.key + i} p={p} i={i} ind={ind} />
      ))}
      {p.readOnly ? null : (
        <Group>
          <Button
            variant="light"
            disabled={doc.indicators.length >= 30}
            onClick={() =>
              update((d) => ({
                ...d,
                indicators: [
                  ...d.indicators,
                  newIndicator(
                    cycle,
                    d.indicators.map((x) => x.key),
                  ),
                ],
              }))
            }
          >
            {t('proposal.addIndicator')}
          </Button>
        </Group>
      )}
    </Section>
  );
}

export function ScheduleSection(p: SectionProps) {
  const t = useT();
  const f = useFormat();
  const { doc, update } = p;
  return (
    <Section id="sec-schedule" title={t('proposal.sec.schedule')}>
      {doc.milestones.length === 0 ? (
        <Text size="sm" c={p.errors.milestones ? 'red' : 'dimmed'} id={fieldId('milestones')} tabIndex={-1}>
          {p.errors.milestones ?? t('proposal.noMilestones')}
        </Text>
      ) : null}
      {p.readOnly && doc.milestones.length > 0 ? (
        <Table striped data-testid="milestones-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('proposal.ms.title')}</Table.Th>
              <Table.Th scope="col">{t('proposal.ms.date')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doc.milestones.map((m) => (
              <Table.Tr key={m.key}>
                <Table.Td>{m.title || t('common.none')}</Table.Td>
                <Table.Td>{m.dueDate ? f.date(m.dueDate) : t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {p.readOnly
        ? null
        : doc.milestones.map((m, i) => (
            <Group key={m.key} align="flex-start" gap="sm">
              <TextInput
                label={t('proposal.ms.titleN', { n: i + 1 })}
                value={m.title}
                maxLength={300}
                style={{ flex: '1 1 240px' }}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => ({
                    ...d,
                    milestones: replaceAt(d.milestones, i, (x) => ({ ...x, title: v })),
                  }));
                }}
                {...bind(p, `milestones.${i}.title`)}
              />
              <TextInput
                type="date"
                label={t('proposal.ms.dateN', { n: i + 1 })}
                value={m.dueDate}
                style={{ flex: '0 1 180px' }}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => ({
                    ...d,
                    milestones: replaceAt(d.milestones, i, (x) => ({ ...x, dueDate: v })),
                  }));
                }}
                {...bind(p, `milestones.${i}.dueDate`)}
              />
              <Button
                variant="subtle"
                color="red"
                mt={24}
                onClick={() => update((d) => ({ ...d, milestones: d.milestones.filter((_, j) => j !== i) }))}
                aria-label={t('proposal.ms.removeN', { n: i + 1 })}
              >
                {t('common.delete')}
              </Button>
            </Group>
          ))}
      {p.readOnly ? null : (
        <Group>
          <Button
            variant="light"
            onClick={() =>
              update((d) => ({
                ...d,
                milestones: [
                  ...d.milestones,
                  {
                    key: uniqueKey(
                      'MS',
                      d.milestones.map((x) => x.key),
                    ),
                    title: '',
                    dueDate: '',
                  },
                ],
              }))
            }
          >
            {t('proposal.addMilestone')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
