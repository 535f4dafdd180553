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
import { offerBody, type agreementRoutes, type Negotiation } from '../../../contract/agreements';
import type { BodyOf } from '../../../contract/route';
import { useDialogErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { formatTarget } from './negotiation-format';
import { useMakeOffer } from './negotiation-api';
import { roundView, standingOffer, targetKey, viewOf, yearsOf, type Target } from './negotiation-terms';

/** What a NumberInput holds: a number, '' when empty, or a string while the user is typing. */
type Num = number | string;
type TargetInput = { value: Num; lower: Num; upper: Num };
type OfferBody = BodyOf<typeof agreementRoutes.offer>;

const asNum = (v: number | null | undefined): Num => (typeof v === 'number' ? v : '');
function orNull(v: Num): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v.trim() === '') return null;
  const parsed = Number(v.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}

/** Field error keys of the form: one per input. */
const tKey = (indicatorKey: string, year: number, field: 'value' | 'lower' | 'upper') =>
  `t:${indicatorKey}:${year}:${field}`;
const mKey = (milestoneKey: string) => `m:${milestoneKey}`;

/**
 * The panel's offer or the OPD head's counter: every target and milestone date prefilled with the
 * standing value. Only what differs from the ORIGINAL bid is sent (the contract's rule), with the
 * number of rounds the user saw so a round made meanwhile answers 409.
 */
export function OfferModal({
  negotiation: n,
  onClose,
  onConflict,
}: {
  negotiation: Negotiation;
  onClose: () => void;
  /** Someone acted meanwhile: the page refetches and tells the user. */
  onConflict: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const phone = useMediaQuery('(max-width: 36em)');
  const offer = useMakeOffer();
  const explain = useDialogErrorHandler();
  const side = n.side ?? 'panel';
  const original = viewOf(n.original);
  const standing = roundView(original, standingOffer(n));

  const [targets, setTargets] = useState<Record<string, TargetInput>>(() => {
    const out: Record<string, TargetInput> = {};
    for (const [k, v] of standing.targets)
      out[k] = { value: asNum(v.value), lower: asNum(v.lower), upper: asNum(v.upper) };
    return out;
  });
  const [dates, setDates] = useState<Record<string, string>>(() =>
    Object.fromEntries([...standing.milestones].map(([k, d]) => [k, d])),
  );
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);

  const setTarget = (k: string, errKey: string, patch: Partial<TargetInput>) => {
    setTargets((s) => ({ ...s, [k]: { ...(s[k] ?? { value: '', lower: '', upper: '' }), ...patch } }));
    setErrors((e) => ({ ...e, [errKey]: '' }));
  };

  /** The entries that differ from the original bid, and for each sent index the form key it came from. */
  const build = (): { body: OfferBody; targetKeys: string[][]; milestoneKeys: string[] } => {
    const sent: Target[] = [];
    const targetKeys: string[][] = [];
    for (const ind of n.indicators) {
      for (const year of yearsOf(n.original, ind.key)) {
        const k = targetKey(ind.key, year);
        const bid = original.targets.get(k);
        const now = targets[k] ?? { value: '', lower: '', upper: '' };
        if (ind.polarity === 'range') {
          const lower = orNull(now.lower);
          const upper = orNull(now.upper);
          if (lower === (bid?.lower ?? null) && upper === (bid?.upper ?? null)) continue;
          sent.push({ indicatorKey: ind.key, year, lower, upper });
          targetKeys.push([tKey(ind.key, year, 'lower'), tKey(ind.key, year, 'upper')]);
        } else {
          const value = orNull(now.value);
          if (value === (bid?.value ?? null)) continue;
          sent.push({ indicatorKey: ind.key, year, value });
          targetKeys.push([tKey(ind.key, year, 'value')]);
        }
      }
    }
    const milestoneDeadlines: { milestoneKey: string; date: string }[] = [];
    const milestoneKeys: string[] = [];
    for (const m of n.milestones) {
      const date = dates[m.key] ?? '';
      if (date === (original.milestones.get(m.key) ?? '')) continue;
      milestoneDeadlines.push({ milestoneKey: m.key, date });
      milestoneKeys.push(m.key);
    }
    return {
      body: { targets: sent, milestoneDeadlines, reason, rounds: n.rounds.length },
      targetKeys,
      milestoneKeys,
    };
  };

  /** Puts messages with paths like `targets.3.value` under their inputs; the rest above the form. */
  const showErrors = (
    fields: { path: string; message: string }[],
    targetKeys: string[][],
    milestoneKeys: string[],
  ) => {
    const byKey: Record<string, string> = {};
    const rest: string[] = [];
    const put = (k: string, message: string) => {
      byKey[k] = byKey[k] ? `${byKey[k]}; ${message}` : message;
    };
    for (const fe of fields) {
      const parts = fe.path.split('.');
      if (parts[0] === 'reason') put('reason', fe.message);
      else if (parts[0] === 'targets' && parts.length >= 2 && targetKeys[Number(parts[1])]) {
        const keys = targetKeys[Number(parts[1])]!;
        const field = parts[2];
        const match = keys.find((k) => k.endsWith(`:${field}`));
        put(match ?? keys[0]!, fe.message);
      } else if (parts[0] === 'milestoneDeadlines' && parts.length >= 2 && milestoneKeys[Number(parts[1])])
        put(mKey(milestoneKeys[Number(parts[1])]!), fe.message);
      else rest.push(fe.message);
    }
    setErrors(byKey);
    setGeneral(rest.length ? rest : Object.keys(byKey).length ? [t('common.fieldErrors')] : []);
  };

  const submit = () => {
    const { body, targetKeys, milestoneKeys } = build();
    const checked = validateWith(offerBody, body);
    if (!checked.ok) {
      showErrors(
        Object.entries(checked.errors).map(([path, message]) => ({ path, message })),
        targetKeys,
        milestoneKeys,
      );
      return;
    }
    setErrors({});
    setGeneral([]);
    offer.mutate(
      { proposalId: n.proposalId, body: checked.data },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: side === 'panel' ? t('neg.done.offer') : t('neg.done.counter'),
          });
          onClose();
        },
        onError: (err) =>
          explain(err, {
            onConflict: () => {
              onConflict();
              onClose();
            },
            onFields: (fields) => {
              showErrors(fields, targetKeys, milestoneKeys);
              return true;
            },
            onGeneral: (message) => setGeneral([message]),
          }),
      },
    );
  };

  const title = side === 'panel' ? t('neg.offerTitle') : t('neg.counterTitle');
  return (
    <Modal opened onClose={onClose} title={title} size="xl" fullScreen={phone}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="offer-form"
      >
        <Stack>
          <Text size="sm">{side === 'panel' ? t('neg.offerHelp') : t('neg.counterHelp')}</Text>
          {general.length ? (
            <Alert color="red" role="alert" title={t('error.title')} data-testid="offer-errors">
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
          {n.indicators.map((ind) => {
            const years = yearsOf(n.original, ind.key);
            if (years.length === 0) return null;
            return (
              <Fieldset key={ind.key} legend={`${ind.name} (${ind.unit})`} variant="filled">
                <SimpleGrid cols={{ base: 1, xs: 2, md: ind.polarity === 'range' ? 2 : 3 }}>
                  {years.map((year) => {
                    const k = targetKey(ind.key, year);
                    const v = targets[k] ?? { value: '', lower: '', upper: '' };
                    const bidText = t('neg.bidWas', {
                      value: formatTarget(f, ind.polarity, original.targets.get(k)),
                    });
                    if (ind.polarity === 'range') {
                      const lo = tKey(ind.key, year, 'lower');
                      const up = tKey(ind.key, year, 'upper');
                      return (
                        <Group key={year} gap="xs" grow align="flex-start">
                          <NumberInput
                            label={t('neg.targetLower', { name: ind.name, year })}
                            description={bidText}
                            decimalSeparator=","
                            thousandSeparator="."
                            value={v.lower}
                            onChange={(x) => setTarget(k, lo, { lower: x })}
                            error={errors[lo] || undefined}
                          />
                          <NumberInput
                            label={t('neg.targetUpper', { name: ind.name, year })}
                            description={'\u00a0'}
                            decimalSeparator=","
                            thousandSeparator="."
                            value={v.upper}
                            onChange={(x) => setTarget(k, up, { upper: x })}
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
                        description={bidText}
                        decimalSeparator=","
                        thousandSeparator="."
                        value={v.value}
                        onChange={(x) => setTarget(k, vk, { value: x })}
                        error={errors[vk] || undefined}
                      />
                    );
                  })}
                </SimpleGrid>
              </Fieldset>
            );
          })}
          {n.milestones.length ? (
            <Fieldset legend={t('neg.milestones')} variant="filled">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {n.milestones.map((m) => {
                  const bid = original.milestones.get(m.key);
                  return (
                    <TextInput
                      key={m.key}
                      type="date"
                      label={t('neg.milestoneDate', { title: m.title })}
                      description={t('neg.bidWas', { value: bid ? f.date(bid) : t('common.none') })}
                      min={`${n.term.startYear}-01-01`}
                      max={`${n.term.endYear}-12-31`}
                      value={dates[m.key] ?? ''}
                      onChange={(e) => {
                        const d = e.currentTarget.value;
                        setDates((s) => ({ ...s, [m.key]: d }));
                        setErrors((x) => ({ ...x, [mKey(m.key)]: '' }));
                      }}
                      error={errors[mKey(m.key)] || undefined}
                    />
                  );
                })}
              </SimpleGrid>
            </Fieldset>
          ) : null}
          <Textarea
            label={t('neg.reason')}
            description={t('neg.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setErrors((x) => ({ ...x, reason: '' }));
            }}
            error={errors.reason || undefined}
            data-testid="offer-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={offer.isPending} data-testid="offer-submit">
              {side === 'panel' ? t('neg.sendOffer') : t('neg.sendCounter')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
