import { useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Divider,
  Group,
  List,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ruleKinds, ruleSubjects, type RuleDto } from '../../../contract/discipline';
import { useDialogErrorHandler } from '../../app/forms';
import { FormActions } from '../../components/form-actions';
import { useCreateRule, useUpdateRule } from './discipline-admin-api';
import {
  BANDS,
  bandHints,
  conditionFit,
  conditionLabels,
  kindLabels,
  subjectLabels,
  type BandCode,
  type ConditionKind,
  type LeafKind,
  type RuleKind,
  type RuleSubject,
} from './discipline-format';
import {
  emptyRuleValues,
  errorAt,
  isShownPath,
  leafKindsFor,
  newLeaf,
  ruleValues,
  toRuleInput,
  type LeafValues,
  type RuleFormValues,
  type ScorePeriod,
} from './rule-form-values';

type Errors = Record<string, string>;

const bandOptions = BANDS.map((b) => ({ value: b, label: bandHints[b] }));
const quarterOptions = [
  { value: '1', label: 'Triwulan I' },
  { value: '2', label: 'Triwulan II' },
  { value: '3', label: 'Triwulan III' },
  { value: '4', label: 'Triwulan IV' },
];
const scorePeriodOptions = [
  { value: 'quarter', label: 'Nilai triwulan terakhir' },
  { value: 'year', label: 'Nilai tahunan terakhir' },
];

const fitHint = (k: LeafKind) =>
  `Untuk subjek ${conditionFit[k].subjects.map((s) => subjectLabels[s]).join(' atau ')}`;

/** The parameters of one condition of the vocabulary; `path` is its place in the server's messages. */
function LeafFields({
  value,
  onChange,
  path,
  errors,
  idPrefix,
}: {
  value: LeafValues;
  onChange: (patch: Partial<LeafValues>) => void;
  path: string;
  errors: Errors;
  idPrefix: string;
}) {
  const e = (f: string) => errorAt(errors, `${path}.${f}`);
  const tid = (f: string) => `${idPrefix}-${f}`;
  switch (value.kind) {
    case 'unit_score_below':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Batas nilai (terkena bila di bawah)"
            description="Nilai 0-100, dibandingkan 2 desimal"
            value={value.below}
            onChange={(below) => onChange({ below })}
            decimalScale={2}
            decimalSeparator=","
            error={e('below')}
            data-testid={tid('below')}
          />
          <Checkbox.Group
            label="Nilai yang dihitung"
            value={value.periods}
            onChange={(v) => onChange({ periods: v as ScorePeriod[] })}
            error={e('periods')}
          >
            <Group mt="xs">
              <Checkbox value="quarter" label="Nilai triwulan" />
              <Checkbox value="year" label="Nilai tahunan" />
            </Group>
          </Checkbox.Group>
        </SimpleGrid>
      );
    case 'milestone_overdue':
    case 'report_late':
      return (
        <NumberInput
          label="Terkena bila terlambat lebih dari (hari kerja)"
          value={value.moreThanWorkingDays}
          onChange={(moreThanWorkingDays) => onChange({ moreThanWorkingDays })}
          allowDecimal={false}
          min={0}
          error={e('moreThanWorkingDays')}
          data-testid={tid('moreThanWorkingDays')}
        />
      );
    case 'lateness_days':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label="Kategori yang dihitung"
            description="Satu hari dihitung sekali"
            data={bandOptions}
            value={value.bands}
            onChange={(v) => onChange({ bands: v as BandCode[] })}
            error={e('bands')}
            data-testid={tid('bands')}
          />
          <NumberInput
            label="Paling sedikit (hari dalam sebulan)"
            value={value.atLeastDays}
            onChange={(atLeastDays) => onChange({ atLeastDays })}
            allowDecimal={false}
            error={e('atLeastDays')}
            data-testid={tid('atLeastDays')}
          />
        </SimpleGrid>
      );
    case 'absorption_below':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Batas serapan (%), terkena bila di bawah"
            value={value.belowPercent}
            onChange={(belowPercent) => onChange({ belowPercent })}
            decimalScale={2}
            decimalSeparator=","
            suffix=" %"
            error={e('belowPercent')}
            data-testid={tid('belowPercent')}
          />
          <Select
            label="Pada akhir"
            data={quarterOptions}
            value={value.quarter}
            onChange={(q) => q && onChange({ quarter: q })}
            allowDeselect={false}
            error={e('quarter')}
            data-testid={tid('quarter')}
          />
        </SimpleGrid>
      );
    case 'clean_attendance':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Jumlah bulan berturut-turut"
            value={value.months}
            onChange={(months) => onChange({ months })}
            allowDecimal={false}
            error={e('months')}
            data-testid={tid('months')}
          />
          <MultiSelect
            label="Kategori yang tidak boleh ada"
            data={bandOptions}
            value={value.bands}
            onChange={(v) => onChange({ bands: v as BandCode[] })}
            error={e('bands')}
            data-testid={tid('bands')}
          />
          <Select
            label="Nilai unit yang dipakai"
            data={scorePeriodOptions}
            value={value.scorePeriod}
            onChange={(v) => v && onChange({ scorePeriod: v as ScorePeriod })}
            allowDeselect={false}
            error={e('scorePeriod')}
            data-testid={tid('scorePeriod')}
          />
          <NumberInput
            label="Nilai unit paling rendah"
            value={value.minUnitScore}
            onChange={(minUnitScore) => onChange({ minUnitScore })}
            decimalScale={2}
            decimalSeparator=","
            error={e('minUnitScore')}
            data-testid={tid('minUnitScore')}
          />
        </SimpleGrid>
      );
    case 'top_unit_score':
      return (
        <NumberInput
          label="Nilai tahunan tertinggi paling rendah"
          description="Semua unit dengan nilai tertinggi yang sama mendapat penghargaan"
          value={value.minScore}
          onChange={(minScore) => onChange({ minScore })}
          decimalScale={2}
          decimalSeparator=","
          error={e('minScore')}
          data-testid={tid('minScore')}
        />
      );
  }
}

/** The condition: a kind of the fixed vocabulary and its parameters, or 'any_of' with 2-5 members. */
function ConditionEditor({
  values,
  set,
  errors,
}: {
  values: RuleFormValues;
  set: (patch: Partial<RuleFormValues>, clear: string[]) => void;
  errors: Errors;
}) {
  const fitting = leafKindsFor(values.kind);
  const leafOptions = (current: LeafKind) =>
    (fitting.includes(current) ? fitting : [...fitting, current]).map((k) => ({
      value: k,
      label: conditionLabels[k],
    }));
  const kindOptions = [
    ...leafOptions(values.conditionKind === 'any_of' ? fitting[0]! : values.conditionKind),
    { value: 'any_of', label: conditionLabels.any_of },
  ];
  const changeKind = (k: ConditionKind) => {
    if (k === 'any_of') {
      const first = values.conditionKind === 'any_of' ? values.members[0]! : values.leaf;
      const second = fitting.find((x) => x !== first.kind) ?? first.kind;
      set(
        {
          conditionKind: k,
          members:
            values.members.length >= 2 && values.members.every((m) => fitting.includes(m.kind))
              ? values.members
              : [first, newLeaf(second)],
        },
        ['condition'],
      );
    } else {
      set({ conditionKind: k, leaf: values.leaf.kind === k ? values.leaf : newLeaf(k) }, ['condition']);
    }
  };
  const setMember = (i: number, patch: Partial<LeafValues>) =>
    set(
      { members: values.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) },
      Object.keys(patch).map((f) => `condition.conditions.${i}.${f}`),
    );
  const leafHint = values.conditionKind === 'any_of' ? undefined : fitHint(values.conditionKind);

  return (
    <Stack gap="sm">
      <Select
        label="Jenis kondisi"
        description={leafHint}
        data={kindOptions}
        value={values.conditionKind}
        onChange={(v) => v && changeKind(v as ConditionKind)}
        allowDeselect={false}
        error={errors['condition.kind'] ?? errors['condition.conditions']}
        data-testid="rule-condition-kind"
      />
      {values.conditionKind !== 'any_of' ? (
        <LeafFields
          value={values.leaf}
          onChange={(patch) =>
            set(
              { leaf: { ...values.leaf, ...patch } },
              Object.keys(patch).map((f) => `condition.${f}`),
            )
          }
          path="condition"
          errors={errors}
          idPrefix="rule-cond"
        />
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Aturan terkena bila salah satu kondisi berikut terpenuhi (2 sampai 5 kondisi).
          </Text>
          {values.members.map((m, i) => {
            const path = `condition.conditions.${i}`;
            return (
              <Paper key={i} withBorder p="sm" radius="md" data-testid="rule-member">
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Select
                      style={{ flex: 1 }}
                      label={`Kondisi ${i + 1}`}
                      description={fitHint(m.kind)}
                      data={leafOptions(m.kind)}
                      value={m.kind}
                      onChange={(v) => {
                        if (!v) return;
                        set(
                          {
                            members: values.members.map((x, j) =>
                              j === i ? (x.kind === v ? x : newLeaf(v as LeafKind)) : x,
                            ),
                          },
                          [path],
                        );
                      }}
                      allowDeselect={false}
                      error={errors[`${path}.kind`]}
                      data-testid={`rule-member-${i}-kind`}
                    />
                    <CloseButton
                      mt={24}
                      aria-label={`Hapus kondisi ${i + 1}`}
                      disabled={values.members.length <= 2}
                      onClick={() =>
                        set({ members: values.members.filter((_, j) => j !== i) }, ['condition.conditions'])
                      }
                    />
                  </Group>
                  <LeafFields
                    value={m}
                    onChange={(patch) => setMember(i, patch)}
                    path={path}
                    errors={errors}
                    idPrefix={`rule-member-${i}`}
                  />
                </Stack>
              </Paper>
            );
          })}
          <Group>
            <Button
              variant="light"
              size="xs"
              disabled={values.members.length >= 5}
              onClick={() =>
                set(
                  {
                    members: [
                      ...values.members,
                      newLeaf(fitting.find((k) => !values.members.some((m) => m.kind === k)) ?? fitting[0]!),
                    ],
                  },
                  ['condition.conditions'],
                )
              }
            >
              Tambah kondisi
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider />
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * Add a rule (version 1) or edit one (a new version; the old one stays in the history). The server
 * checks everything again and answers its messages by field, which show under the inputs here.
 */
export function RuleFormModal({ rule, onClose }: { rule: RuleDto | null; onClose: () => void }) {
  const editing = rule !== null;
  const phone = useMediaQuery('(max-width: 48em)');
  const explain = useDialogErrorHandler();
  const create = useCreateRule();
  const update = useUpdateRule();
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? ruleValues(rule) : emptyRuleValues()));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  /** After the messages render: the first marked input (or the alert) gets the focus. */
  const focusFirstError = () =>
    window.setTimeout(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (el) el.focus();
      else formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.scrollIntoView({ block: 'center' });
    }, 50);

  /** Applies a change and drops the messages at (and below) the given paths. */
  const set = (patch: Partial<RuleFormValues>, clear: string[] = Object.keys(patch)) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((old) => {
      const next = { ...old };
      for (const k of Object.keys(next))
        if (clear.some((c) => k === c || k.startsWith(`${c}.`))) delete next[k];
      return next;
    });
  };

  const changeKind = (kind: RuleKind) => {
    const fitting = leafKindsFor(kind);
    const patch: Partial<RuleFormValues> = { kind };
    if (values.conditionKind !== 'any_of' && !fitting.includes(values.conditionKind)) {
      patch.conditionKind = fitting[0]!;
      patch.leaf = newLeaf(fitting[0]!);
    }
    if (values.conditionKind === 'any_of' && values.members.some((m) => !fitting.includes(m.kind))) {
      patch.conditionKind = fitting[0]!;
      patch.leaf = newLeaf(fitting[0]!);
    }
    const leafKind = (patch.leaf ?? values.leaf).kind;
    const conditionKind = patch.conditionKind ?? values.conditionKind;
    if (conditionKind !== 'any_of' && !conditionFit[leafKind].subjects.includes(values.subject))
      patch.subject = conditionFit[leafKind].subjects[0]!;
    set(patch, ['kind', 'subject', 'condition', 'consequence', 'escalation']);
  };

  const pending = create.isPending || update.isPending;

  const submit = () => {
    setGeneral(null);
    const { input, errors: found } = toRuleInput(values);
    if (!editing && input.code === '') found.code = 'Kode aturan wajib diisi';
    if (input.name === '') found.name = 'Nama aturan wajib diisi';
    if (input.legalBasis === '') found.legalBasis = 'Dasar hukum wajib diisi';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const onError = (err: unknown) =>
      explain(err, {
        onConflict: () => setConflict(true),
        onFields: (fields) => {
          setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
          focusFirstError();
          return true;
        },
        onGeneral: setGeneral,
      });
    if (rule) {
      const { code: _code, ...body } = input;
      update.mutate(
        { code: rule.code, body: { ...body, version: rule.version } },
        {
          onSuccess: (r) => {
            notifications.show({
              color: 'green',
              message: `Aturan ${r.code} disimpan sebagai versi ${r.version}.`,
            });
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: `Aturan ${r.code} ditambahkan (versi 1).` });
          onClose();
        },
        onError,
      });
    }
  };

  const leftover = Object.entries(errors).filter(([path]) => !isShownPath(path));
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={phone}
      title={editing ? `Ubah aturan ${rule.code} (versi ${rule.version})` : 'Tambah aturan'}
      data-testid="rule-form"
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {conflict ? (
            <Alert color="orange" role="alert" title="Aturan sudah diubah">
              Aturan ini telah diubah oleh pengguna lain sejak formulir dibuka, sehingga isian Anda belum
              disimpan. Tutup formulir, lalu buka kembali untuk memuat versi terbaru.
            </Alert>
          ) : null}
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
          {hasErrors ? (
            <Alert color="red" role="alert" data-testid="rule-form-errors">
              <Text size="sm">Periksa kembali isian yang ditandai.</Text>
              {leftover.length > 0 ? (
                <List size="sm" mt={4}>
                  {leftover.map(([path, message]) => (
                    <List.Item key={path}>{message}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {editing ? (
              <TextInput label="Kode" value={values.code} readOnly disabled />
            ) : (
              <TextInput
                label="Kode"
                description="Huruf besar, angka dan garis bawah, mis. SUKA_TERLAMBAT"
                required
                value={values.code}
                onChange={(e) => set({ code: e.currentTarget.value.toUpperCase().replace(/[\s-]+/g, '_') })}
                maxLength={40}
                error={errors.code}
                data-autofocus
                data-testid="rule-code"
              />
            )}
            <TextInput
              label="Nama aturan"
              required
              value={values.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              maxLength={120}
              error={errors.name}
              data-testid="rule-name"
              data-autofocus={editing ? true : undefined}
            />
          </SimpleGrid>
          <Textarea
            label="Dasar hukum"
            description="Peraturan, nomor, tahun dan pasal, mis. Perwali Kota Malang Nomor 12 Tahun 2019, Pasal 5 ayat (1)"
            required
            autosize
            minRows={2}
            maxLength={500}
            value={values.legalBasis}
            onChange={(e) => set({ legalBasis: e.currentTarget.value })}
            error={errors.legalBasis}
            data-testid="rule-legal-basis"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Jenis"
              data={ruleKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
              value={values.kind}
              onChange={(v) => v && changeKind(v as RuleKind)}
              allowDeselect={false}
              error={errors.kind}
              data-testid="rule-kind"
            />
            <Select
              label="Subjek"
              data={ruleSubjects.map((s) => ({ value: s, label: subjectLabels[s] }))}
              value={values.subject}
              onChange={(v) => v && set({ subject: v as RuleSubject }, ['subject', 'condition'])}
              allowDeselect={false}
              error={errors.subject}
              data-testid="rule-subject"
            />
          </SimpleGrid>

          <Section title="Kondisi">
            <ConditionEditor values={values} set={set} errors={errors} />
          </Section>

          <Section title={values.kind === 'sanction' ? 'Sanksi' : 'Penghargaan'}>
            {values.kind === 'sanction' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Tulisan pada rompi"
                  placeholder="mis. SUKA TERLAMBAT"
                  value={values.vestLabel}
                  onChange={(e) => set({ vestLabel: e.currentTarget.value }, ['consequence'])}
                  maxLength={40}
                  error={errors['consequence.label'] ?? errors['consequence.kind']}
                  data-testid="rule-vest-label"
                />
                <NumberInput
                  label="Lama memakai rompi (hari kerja)"
                  value={values.vestDays}
                  onChange={(vestDays) => set({ vestDays }, ['consequence.workingDays'])}
                  allowDecimal={false}
                  min={1}
                  max={60}
                  clampBehavior="none"
                  error={errors['consequence.workingDays']}
                  data-testid="rule-vest-days"
                />
              </SimpleGrid>
            ) : (
              <Textarea
                label="Teks piagam"
                autosize
                minRows={2}
                maxLength={500}
                value={values.certificateText}
                onChange={(e) => set({ certificateText: e.currentTarget.value }, ['consequence'])}
                error={errors['consequence.text'] ?? errors['consequence.kind']}
                data-testid="rule-certificate"
              />
            )}
            {values.kind === 'sanction' ? (
              <Stack gap="xs">
                <Switch
                  label="Pemberatan bila diulang"
                  description="Lama sanksi dikalikan bila aturan yang sama terkena lagi pada subjek yang sama"
                  checked={values.escalationOn}
                  onChange={(e) => set({ escalationOn: e.currentTarget.checked }, ['escalation'])}
                  error={errors.escalation}
                  data-testid="rule-escalation"
                />
                {values.escalationOn ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <NumberInput
                      label="Diulang dalam (bulan)"
                      value={values.withinMonths}
                      onChange={(withinMonths) => set({ withinMonths }, ['escalation.withinMonths'])}
                      allowDecimal={false}
                      error={errors['escalation.withinMonths']}
                      data-testid="rule-escalation-months"
                    />
                    <NumberInput
                      label="Pengali lama sanksi"
                      prefix="×"
                      value={values.factor}
                      onChange={(factor) => set({ factor }, ['escalation.factor'])}
                      decimalScale={2}
                      decimalSeparator=","
                      step={0.5}
                      error={errors['escalation.factor']}
                      data-testid="rule-escalation-factor"
                    />
                  </SimpleGrid>
                ) : null}
              </Stack>
            ) : errors.escalation ? (
              <Text c="red" size="sm">
                {errors.escalation}
              </Text>
            ) : null}
          </Section>

          <Section title="Masa berlaku">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label="Berlaku mulai"
                description="Kosong: sejak awal"
                value={values.validFrom}
                onChange={(e) => set({ validFrom: e.currentTarget.value })}
                error={errors.validFrom}
                data-testid="rule-valid-from"
              />
              <TextInput
                type="date"
                label="Berlaku sampai"
                description="Kosong: tanpa batas"
                value={values.validUntil}
                onChange={(e) => set({ validUntil: e.currentTarget.value })}
                error={errors.validUntil}
                data-testid="rule-valid-until"
              />
            </SimpleGrid>
            <Textarea
              label={editing ? 'Alasan perubahan' : 'Catatan'}
              description={
                editing
                  ? 'Dicatat di riwayat versi, mis. "Perwali perubahan Nomor 5 Tahun 2026"'
                  : 'Dicatat di riwayat versi'
              }
              autosize
              minRows={2}
              maxLength={500}
              value={values.note}
              onChange={(e) => set({ note: e.currentTarget.value })}
              error={errors.note}
              data-testid="rule-note"
            />
          </Section>
          <FormActions saving={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
