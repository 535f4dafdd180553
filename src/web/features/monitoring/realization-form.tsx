import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { saveRealizationBody, type Realization } from '../../../contract/monitoring';
import { ApiError } from '../../app/api';
import { nullIfBlank, useDialogErrorHandler, validateWith, type FieldErrors } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useSaveRealization, type SlotKey } from './monitoring-api';

const MAX_ROWS = 50;

interface Row {
  label: string;
  value: number | string;
}
interface Draft {
  value: number | string;
  note: string;
  rows: Row[];
}

const draftOf = (r: Realization): Draft => ({
  value: r.value ?? '',
  note: r.note ?? '',
  rows: r.breakdown.map((b) => ({ label: b.label, value: b.value ?? '' })),
});

/** A percentage outside 0-100 is allowed (growth rates can be) but usually a typing slip: say so. */
const unusual = (unit: string, value: number | null) =>
  value !== null && unit.trim() === '%' && (value > 100 || value < 0);

/** NumberInput gives '' when empty. */
const numOrNull = (v: number | string): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The unit's entry of a realization: value, note and supporting breakdown rows, saved as a draft.
 * It sends the version the page holds now (evidence uploads may have created the row meanwhile);
 * after a 409 the page reloads the realization and mounts a fresh form.
 */
export function RealizationForm({
  realization: r,
  slot,
  onDirtyChange,
  onConflict,
}: {
  realization: Realization;
  slot: SlotKey;
  onDirtyChange: (dirty: boolean) => void;
  onConflict: (message: string) => void;
}) {
  const t = useT();
  const save = useSaveRealization();
  const explain = useDialogErrorHandler();
  const [base, setBase] = useState<Draft>(() => draftOf(r));
  const [draft, setDraft] = useState<Draft>(base);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const dirty = useMemo(() => !same(base, draft), [base, draft]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const setRow = (i: number, patch: Partial<Row>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const clearError = (path: string) =>
    setErrors((e) => {
      if (!(path in e)) return e;
      const next = { ...e };
      delete next[path];
      return next;
    });

  const onSubmit = () => {
    setGeneral(null);
    const body = {
      value: numOrNull(draft.value) ?? undefined,
      note: nullIfBlank(draft.note),
      breakdown: draft.rows.map((x) => ({ label: x.label.trim(), value: numOrNull(x.value) })),
      version: r.id ? r.version : undefined,
    };
    const v = validateWith(saveRealizationBody, body);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { key: slot, body: v.data },
      {
        onSuccess: (saved) => {
          const next = draftOf(saved);
          setBase(next);
          setDraft(next);
          notifications.show({ color: 'green', message: t('monev.form.saved') });
        },
        onError: (err) =>
          explain(err, {
            onConflict: () =>
              onConflict(
                err instanceof ApiError && err.code !== 'VERSION_CONFLICT'
                  ? err.message
                  : t('monev.conflict'),
              ),
            onFields: (fields) => {
              setErrors(Object.fromEntries(fields.map((x) => [x.path, x.message])));
              return true;
            },
            onGeneral: setGeneral,
          }),
      },
    );
  };

  return (
    <Card withBorder radius="md" component="section" aria-labelledby="realization-form-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        data-testid="realization-form"
      >
        <Stack>
          <div>
            <Title order={2} size="h4" id="realization-form-title">
              {t('monev.form.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('monev.form.intro')}
            </Text>
          </div>
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
          <NumberInput
            label={t('monev.form.value', { unit: r.unit })}
            required
            decimalSeparator=","
            thousandSeparator="."
            value={draft.value}
            onChange={(v) => {
              setDraft((d) => ({ ...d, value: v }));
              clearError('value');
            }}
            error={errors.value}
            maw={320}
            data-testid="realization-value"
          />
          {unusual(r.unit, numOrNull(draft.value)) ? (
            <Alert color="yellow" data-testid="realization-unusual">
              {t('monev.form.unusualPercent', { value: String(draft.value) })}
            </Alert>
          ) : null}
          <Textarea
            label={t('monev.form.note')}
            description={t('monev.form.noteHint')}
            autosize
            minRows={2}
            maxLength={2000}
            value={draft.note}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setDraft((d) => ({ ...d, note }));
              clearError('note');
            }}
            error={errors.note}
            data-testid="realization-note"
          />
          <Fieldset legend={t('monev.form.breakdown')} variant="filled" p="sm">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('monev.form.breakdownHint')}
              </Text>
              {draft.rows.map((row, i) => (
                <Group key={i} align="flex-start" gap="sm" wrap="wrap" data-testid="breakdown-row">
                  <TextInput
                    label={t('monev.form.rowLabel', { n: i + 1 })}
                    value={row.label}
                    maxLength={200}
                    onChange={(e) => {
                      setRow(i, { label: e.currentTarget.value });
                      clearError(`breakdown.${i}.label`);
                    }}
                    error={errors[`breakdown.${i}.label`]}
                    style={{ flex: '1 1 220px' }}
                  />
                  <NumberInput
                    label={t('monev.form.rowValue', { n: i + 1 })}
                    decimalSeparator=","
                    thousandSeparator="."
                    value={row.value}
                    onChange={(v) => {
                      setRow(i, { value: v });
                      clearError(`breakdown.${i}.value`);
                    }}
                    error={errors[`breakdown.${i}.value`]}
                    style={{ flex: '0 1 160px' }}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    onClick={() => setDraft((d) => ({ ...d, rows: d.rows.filter((_, j) => j !== i) }))}
                    aria-label={t('monev.form.removeRow', { n: i + 1 })}
                  >
                    {t('common.delete')}
                  </Button>
                </Group>
              ))}
              {errors.breakdown ? (
                <Text size="sm" c="red">
                  {errors.breakdown}
                </Text>
              ) : null}
              <Group>
                <Button
                  variant="light"
                  disabled={draft.rows.length >= MAX_ROWS}
                  onClick={() => setDraft((d) => ({ ...d, rows: [...d.rows, { label: '', value: '' }] }))}
                  data-testid="breakdown-add"
                >
                  {t('monev.form.addRow')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {dirty ? t('monev.form.unsaved') : ''}
            </Text>
            <Group gap="sm">
              {dirty ? (
                <Button variant="default" onClick={() => setDraft(base)}>
                  {t('monev.form.undo')}
                </Button>
              ) : null}
              <Button type="submit" loading={save.isPending} data-testid="realization-save">
                {t('monev.form.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
