import { useState } from 'react';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { amendmentBody, type agreementRoutes, type Contract } from '../../../contract/agreements';
import type { BodyOf } from '../../../contract/route';
import { useDialogErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { formatRupiah } from '../../components/cycle-format';
import { useProposeAmendment } from './contracts-api';
import { formatTarget, targetKey, termYears } from './contract-terms';

/** What a NumberInput holds: a number, '' when empty, or a string while the user is typing. */
type Num = number | string;
type TargetInput = { value: Num; lower: Num; upper: Num };
type AmendBody = BodyOf<typeof agreementRoutes.amend>;
type TargetEntry = NonNullable<AmendBody['changes']['targets']>[number];

const asNum = (v: number | null | undefined): Num => (typeof v === 'number' ? v : '');
function orNull(v: Num): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v.trim() === '') return null;
  const parsed = Number(v.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}

const tKey = (indicatorKey: string, year: number, field: 'value' | 'lower' | 'upper') =>
  `t:${indicatorKey}:${year}:${field}`;
const mKey = (milestoneKey: string) => `m:${milestoneKey}`;
const bKey = (year: number) => `b:${year}`;

/**
 * Proposes an amendment: new targets per year, milestone dates and budget per year, with a reason.
 * Prefilled with the current terms; only the entries that differ from them are sent.
 */
export function AmendmentModal({
  contract: c,
  onClose,
  onConflict,
}: {
  contract: Contract;
  onClose: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const phone = useMediaQuery('(max-width: 36em)');
  const amend = useProposeAmendment();
  const explain = useDialogErrorHandler();
  const years = termYears(c);
  const current = new Map(c.terms.targets.map((x) => [targetKey(x.indicatorKey, x.year), x]));
  const currentDates = new Map(c.terms.milestones.map((m) => [m.milestoneKey, m.date]));
  const currentBudget = new Map(c.terms.budget.map((b) => [b.year, b.amount]));

  const [targets, setTargets] = useState<Record<string, TargetInput>>(() => {
    const out: Record<string, TargetInput> = {};
    for (const [k, v] of current)
      out[k] = { value: asNum(v.value), lower: asNum(v.lower), upper: asNum(v.upper) };
    return out;
  });
  const [dates, setDates] = useState<Record<string, string>>(() => Object.fromEntries(currentDates));
  const [budget, setBudget] = useState<Record<string, Num>>(() =>
    Object.fromEntries([...currentBudget].map(([y, a]) => [String(y), a])),
  );
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);

  const clearError = (k: string) => setErrors((e) => (e[k] ? { ...e, [k]: '' } : e));

  const build = () => {
    const sentTargets: TargetEntry[] = [];
    const targetKeys: string[][] = [];
    for (const ind of c.indicators) {
      for (const year of years) {
        const k = targetKey(ind.key, year);
        const before = current.get(k);
        if (!before) continue;
        const now = targets[k] ?? { value: '', lower: '', upper: '' };
        if (ind.polarity === 'range') {
          const lower = orNull(now.lower);
          const upper = orNull(now.upper);
          if (lower === (before.lower ?? null) && upper === (before.upper ?? null)) continue;
          sentTargets.push({ indicatorKey: ind.key, year, lower, upper });
          targetKeys.push([tKey(ind.key, year, 'lower'), tKey(ind.key, year, 'upper')]);
        } else {
          const value = orNull(now.value);
          if (value === (before.value ?? null)) continue;
          sentTargets.push({ indicatorKey: ind.key, year, value });
          targetKeys.push([tKey(ind.key, year, 'value')]);
        }
      }
    }
    const milestones: { milestoneKey: string; date: string }[] = [];
    for (const m of c.milestones) {
      const d = dates[m.key] ?? '';
      if (d !== (currentDates.get(m.key) ?? '')) milestones.push({ milestoneKey: m.key, date: d });
    }
    const budgetLines: { year: number; amount: number }[] = [];
    const missingBudget: number[] = [];
    for (const y of years) {
      if (!currentBudget.has(y)) continue;
      const amount = orNull(budget[String(y)] ?? '');
      if (amount === null) missingBudget.push(y);
      else if (amount !== currentBudget.get(y)) budgetLines.push({ year: y, amount });
    }
    const changes: AmendBody['changes'] = {};
    if (sentTargets.length) changes.targets = sentTargets;
    if (milestones.length) changes.milestones = milestones;
    if (budgetLines.length) changes.budget = budgetLines;
    return {
      body: { changes, reason } satisfies AmendBody,
      targetKeys,
      milestoneKeys: milestones.map((m) => m.milestoneKey),
      budgetYears: budgetLines.map((b) => b.year),
      missingBudget,
    };
  };

  const showErrors = (
    fields: { path: string; message: string }[],
    sent: { targetKeys: string[][]; milestoneKeys: string[]; budgetYears: number[] },
  ) => {
    const byKey: Record<string, string> = {};
    const rest: string[] = [];
    const put = (k: string, message: string) => {
      byKey[k] = byKey[k] ? `${byKey[k]}; ${message}` : message;
    };
    for (const fe of fields) {
      const p = fe.path.split('.');
      const i = Number(p[2]);
      if (p[0] === 'reason') put('reason', fe.message);
      else if (p[0] === 'changes' && p[1] === 'targets' && sent.targetKeys[i]) {
        const keys = sent.targetKeys[i]!;
        put(keys.find((k) => k.endsWith(`:${p[3]}`)) ?? keys[0]!, fe.message);
      } else if (p[0] === 'changes' && p[1] === 'milestones' && sent.milestoneKeys[i] !== undefined)
        put(mKey(sent.milestoneKeys[i]!), fe.message);
      else if (p[0] === 'changes' && p[1] === 'budget' && sent.budgetYears[i] !== undefined)
        put(bKey(sent.budgetYears[i]!), fe.message);
      else rest.push(fe.message);
    }
    setErrors(byKey);
    setGeneral(rest.length ? rest : Object.keys(byKey).length ? [t('common.fieldErrors')] : []);
  };

  const submit = () => {
    const sent = build();
    const hasChanges = Object.keys(sent.body.changes).length > 0;
    const checked = validateWith(amendmentBody, sent.body);
    if (!checked.ok || !hasChanges || sent.missingBudget.length) {
      const fields = checked.ok
        ? []
        : Object.entries(checked.errors).map(([path, message]) => ({ path, message }));
      if (!hasChanges && !sent.missingBudget.length)
        fields.push({ path: '', message: t('contract.amend.nothing') });
      showErrors(fields, sent);
      if (sent.missingBudget.length) {
        setErrors((e) => ({
          ...e,
          ...Object.fromEntries(sent.missingBudget.map((y) => [bKey(y), t('contract.amend.budgetRequired')])),
        }));
        setGeneral((g) => (g.length ? g : [t('common.fieldErrors')]));
      }
      return;
    }
    setErrors({});
    setGeneral([]);
    amend.mutate(
      { id: c.id, body: checked.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('contract.amend.done') });
          onClose();
        },
        onError: (err) =>
          explain(err, {
            onConflict: () => {
              onConflict();
              onClose();
            },
            onFields: (fields) => {
              showErrors(fields, sent);
              return true;
            },
            onGeneral: (message) => setGeneral([message]),
          }),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('contract.amend.title')} size="xl" fullScreen={phone}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="amendment-form"
      >
        <Stack>
          <Text size="sm">{t('contract.amend.help', { v: c.currentVersion })}</Text>
          {general.length ? (
            <Alert color="red" role="alert" title={t('error.title')} data-testid="amendment-errors">
              {general.length === 1 ? (
                general[0]
              ) : (
                <List size="sm">
                  {general.map((g, i) => (
                    <List.Item key={i}>{g}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          ) : null}
          {c.indicators.map((ind) => {
            const yrs = years.filter((y) => current.has(targetKey(ind.key, y)));
            if (yrs.length === 0) return null;
            return (
              <Fieldset key={ind.key} legend={`${ind.name} (${ind.unit})`} variant="filled">
                <SimpleGrid cols={{ base: 1, xs: 2, md: ind.polarity === 'range' ? 2 : 3 }}>
                  {yrs.map((year) => {
                    const k = targetKey(ind.key, year);
                    const v = targets[k] ?? { value: '', lower: '', upper: '' };
                    const was = t('contract.amend.now', {
                      value: formatTarget(f, ind.polarity, current.get(k)),
                    });
                    const set = (errKey: string, patch: Partial<TargetInput>) => {
                      setTargets((s) => ({
                        ...s,
                        [k]: { ...(s[k] ?? { value: '', lower: '', upper: '' }), ...patch },
                      }));
                      clearError(errKey);
                    };
                    if (ind.polarity === 'range') {
                      const lo = tKey(ind.key, year, 'lower');
                      const up = tKey(ind.key, year, 'upper');
                      return (
                        <Group key={year} gap="xs" grow align="flex-start">
                          <NumberInput
                            label={t('neg.targetLower', { name: ind.name, year })}
                            description={was}
                            decimalSeparator=","
                            thousandSeparator="."
                            value={v.lower}
                            onChange={(x) => set(lo, { lower: x })}
                            error={errors[lo] || undefined}
                          />
                          <NumberInput
                            label={t('neg.targetUpper', { name: ind.name, year })}
                            description={'\u00a0'}
                            decimalSeparator=","
                            thousandSeparator="."
                            value={v.upper}
                            onChange={(x) => set(up, { upper: x })}
                            error={errors[up] || undefined}
                          />
                        </Group>
                      );
                    }
                    const vk = tKey(ind.key, year, 'value');
                    return (
                      <NumberInput
                        key={year}
                        label={t('neg.target', { name: ind.name, year })}
                        description={was}
                        decimalSeparator=","
                        thousandSeparator="."
                        value={v.value}
                        onChange={(x) => set(vk, { value: x })}
                        error={errors[vk] || undefined}
                      />
                    );
                  })}
                </SimpleGrid>
              </Fieldset>
            );
          })}
          {c.milestones.length ? (
            <Fieldset legend={t('contract.milestones')} variant="filled">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {c.milestones.map((m) => {
                  const was = currentDates.get(m.key);
                  return (
                    <TextInput
                      key={m.key}
                      type="date"
                      label={t('neg.milestoneDate', { title: m.title })}
                      description={t('contract.amend.now', { value: was ? f.date(was) : t('common.none') })}
                      min={`${c.term.startYear}-01-01`}
                      max={`${c.term.endYear}-12-31`}
                      value={dates[m.key] ?? ''}
                      onChange={(e) => {
                        const d = e.currentTarget.value;
                        setDates((s) => ({ ...s, [m.key]: d }));
                        clearError(mKey(m.key));
                      }}
                      error={errors[mKey(m.key)] || undefined}
                    />
                  );
                })}
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {c.terms.budget.length ? (
            <Fieldset legend={t('contract.budget')} variant="filled">
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
                {years
                  .filter((y) => currentBudget.has(y))
                  .map((y) => (
                    <NumberInput
                      key={y}
                      label={t('contract.amend.budgetYear', { year: y })}
                      description={t('contract.amend.now', { value: formatRupiah(currentBudget.get(y)!) })}
                      prefix="Rp "
                      thousandSeparator="."
                      decimalSeparator=","
                      allowDecimal={false}
                      allowNegative={false}
                      value={budget[String(y)] ?? ''}
                      onChange={(x) => {
                        setBudget((s) => ({ ...s, [String(y)]: x }));
                        clearError(bKey(y));
                      }}
                      error={errors[bKey(y)] || undefined}
                    />
                  ))}
              </SimpleGrid>
            </Fieldset>
          ) : null}
          <Textarea
            label={t('contract.amend.reason')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              clearError('reason');
            }}
            error={errors.reason || undefined}
            data-testid="amendment-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={amend.isPending} data-testid="amendment-submit">
              {t('contract.amend.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
