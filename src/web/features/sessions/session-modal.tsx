import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CycleDto } from '../../../contract/cycles';
import { createSessionBody, updateSessionBody, type AuctionSession } from '../../../contract/sessions';
import { useApiErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useCreateSession, useSubmittedProposals, useUpdateSession, useUsersOfRole } from './sessions-api';

interface AgendaItem {
  proposalId: string;
  title: string;
  leadUnitName: string;
  /** Already saved on the agenda: it stays (the server refuses removal). */
  saved: boolean;
}

interface Values {
  cycleId: string;
  title: string;
  date: string;
  place: string;
  chairUserId: string | null;
  panelUserIds: string[];
  agenda: AgendaItem[];
}

function toValues(session: AuctionSession | null, cycleId: string): Values {
  if (!session)
    return { cycleId, title: '', date: '', place: '', chairUserId: null, panelUserIds: [], agenda: [] };
  return {
    cycleId: session.cycleId,
    title: session.title,
    date: session.date,
    place: session.place,
    chairUserId: session.chair?.userId ?? null,
    panelUserIds: session.panel.map((p) => p.userId),
    agenda: session.agenda
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ proposalId: a.proposalId, title: a.title, leadUnitName: a.leadUnitName, saved: true })),
  };
}

/** Schedules a session (`session` null) or edits its panel and agenda order (region admin). */
export function SessionModal({
  opened,
  session,
  cycles,
  defaultCycleId,
  onClose,
  onCreated,
}: {
  opened: boolean;
  session: AuctionSession | null;
  cycles: CycleDto[];
  defaultCycleId: string;
  onClose: () => void;
  onCreated?: (s: AuctionSession) => void;
}) {
  const t = useT();
  const create = useCreateSession();
  const update = useUpdateSession();
  const onError = useApiErrorHandler();
  const form = useForm<Values>({ initialValues: toValues(session, defaultCycleId) });
  const feedback = useMutationFeedback(onClose, form);
  const [adding, setAdding] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      const v = toValues(session, defaultCycleId);
      form.setValues(v);
      form.resetDirty(v);
      form.clearErrors();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, session?.id, session?.version]);

  const v = form.values;
  const panelists = useUsersOfRole('panelist', opened);
  const heads = useUsersOfRole('head_of_region', opened);
  const proposals = useSubmittedProposals(v.cycleId, opened);
  const cycle = cycles.find((c) => c.id === v.cycleId);

  const addable = useMemo(() => {
    const on = new Set(v.agenda.map((a) => a.proposalId));
    return (proposals.data?.items ?? []).filter((p) => !on.has(p.id));
  }, [proposals.data, v.agenda]);

  const addProposal = (id: string | null) => {
    const p = addable.find((x) => x.id === id);
    if (!p) return;
    form.insertListItem('agenda', {
      proposalId: p.id,
      title: p.title || t('common.none'),
      leadUnitName: p.leadUnitName,
      saved: false,
    });
    setAdding(null);
  };

  const submit = form.onSubmit((values) => {
    const common = {
      title: values.title,
      date: values.date,
      place: values.place,
      chairUserId: values.chairUserId,
      panelUserIds: values.panelUserIds,
      proposalIds: values.agenda.map((a) => a.proposalId),
    };
    if (!session) {
      if (!values.cycleId) return form.setErrors({ cycleId: t('session.cycleRequired') });
      const r = validateWith(createSessionBody, { ...common, cycleId: values.cycleId });
      if (!r.ok) return form.setErrors(r.errors);
      create.mutate(r.data, {
        onSuccess: (s) => {
          feedback(t('session.created')).onSuccess();
          onCreated?.(s);
        },
        onError: (e) => onError(e, form),
      });
      return;
    }
    const r = validateWith(updateSessionBody, { ...common, version: session.version });
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate({ id: session.id, body: r.data }, feedback(t('common.saved')));
  });

  const agendaError = form.errors.proposalIds;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={session ? t('session.edit') : t('session.create')}
      size="lg"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      {session ? null : (
        <Select
          label={t('session.cycle')}
          required
          data={cycles.map((c) => ({ value: c.id, label: c.name }))}
          value={v.cycleId || null}
          onChange={(id) => {
            form.setFieldValue('cycleId', id ?? '');
            form.setFieldValue('agenda', []);
          }}
          error={form.errors.cycleId}
        />
      )}
      <TextInput label={t('session.name')} required {...form.getInputProps('title')} />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t('session.date')}
          required
          min={cycle?.phases.sessionsStart}
          max={cycle?.phases.sessionsEnd}
          miw={180}
          {...form.getInputProps('date')}
        />
        <TextInput label={t('session.place')} required miw={200} {...form.getInputProps('place')} />
      </Group>
      <Select
        label={t('session.chair')}
        clearable
        searchable
        data={(heads.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
        {...form.getInputProps('chairUserId')}
      />
      <MultiSelect
        label={t('session.panelists')}
        required
        searchable
        data={(panelists.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
        {...form.getInputProps('panelUserIds')}
      />
      <Fieldset legend={t('session.agenda')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('session.agendaHint')}
          </Text>
          {v.agenda.length === 0 ? <Text size="sm">{t('session.agendaEmpty')}</Text> : null}
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="agenda-list">
            {v.agenda.map((a, i) => (
              <Paper component="li" key={a.proposalId} withBorder p="xs" radius="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {i + 1}. {a.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.leadUnitName}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('session.moveUp', { title: a.title })}
                      disabled={i === 0}
                      onClick={() => form.reorderListItem('agenda', { from: i, to: i - 1 })}
                    >
                      <span aria-hidden>↑</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('session.moveDown', { title: a.title })}
                      disabled={i === v.agenda.length - 1}
                      onClick={() => form.reorderListItem('agenda', { from: i, to: i + 1 })}
                    >
                      <span aria-hidden>↓</span>
                    </ActionIcon>
                    {a.saved ? null : (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t('session.remove', { title: a.title })}
                        onClick={() => form.removeListItem('agenda', i)}
                      >
                        <span aria-hidden>✕</span>
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
          {typeof agendaError === 'string' ? (
            <Text role="alert" size="sm" c="var(--mantine-color-error)">
              {agendaError}
            </Text>
          ) : null}
          <Select
            label={t('session.agendaAdd')}
            searchable
            data={addable.map((p) => ({
              value: p.id,
              label: `${p.title || t('common.none')} — ${p.leadUnitName}`,
            }))}
            value={adding}
            onChange={addProposal}
            disabled={!v.cycleId}
            data-testid="agenda-add"
          />
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
