import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import type { caseEventSchema } from '../../../contract/discipline';
import { ApiError } from '../../app/api';
import { useDialogErrorHandler } from '../../app/forms';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { FieldRow } from '../../components/field-row';
import { ReasonModal, type ReasonCallbacks } from '../../components/reason-modal';
import { labelOf } from './discipline-format';

type CaseEvent = z.infer<typeof caseEventSchema>;

/** A titled card of the case page, named by its heading. */
export function CaseCard({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The facts that triggered the rule, as the evaluation wrote them. */
export function FactsCard({ summary, facts }: { summary: string; facts: string[] }) {
  return (
    <CaseCard id="case-facts" title="Fakta" testId="case-facts">
      <Stack gap="xs">
        {summary && !facts.includes(summary) ? <Text size="sm">{summary}</Text> : null}
        {facts.length === 0 ? (
          <Text size="sm" c="dimmed">
            Tidak ada fakta tercatat.
          </Text>
        ) : (
          <List size="sm" spacing={4} withPadding>
            {facts.map((fact, i) => (
              <List.Item key={i}>{fact}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </CaseCard>
  );
}

/** The rule's legal basis and version, and the evaluated period. */
export function LegalBasisCard({
  legalBasis,
  ruleCode,
  ruleName,
  ruleVersion,
  periodLabel,
}: {
  legalBasis: string;
  ruleCode: string;
  ruleName: string;
  ruleVersion: number;
  periodLabel: string;
}) {
  return (
    <CaseCard id="case-legal" title="Dasar hukum" testId="case-legal">
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="legal-basis">
          {legalBasis || '—'}
        </Text>
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label="Aturan">
            {ruleName} ({ruleCode})
          </FieldRow>
          <FieldRow label="Versi aturan">{ruleVersion}</FieldRow>
          <FieldRow label="Periode evaluasi">{periodLabel}</FieldRow>
        </Stack>
      </Stack>
    </CaseCard>
  );
}

/** Who did what and when, oldest first, with the reasons given. */
export function HistoryCard({
  history,
  stateLabels,
}: {
  history: CaseEvent[];
  stateLabels: Record<string, string>;
}) {
  const f = useFormat();
  const events = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <CaseCard id="case-history" title="Riwayat" testId="case-history">
      {events.length === 0 ? (
        <Text size="sm">Belum ada riwayat.</Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} role="list">
          {events.map((e, i) => (
            <Timeline.Item
              key={`${e.at}-${i}`}
              role="listitem"
              title={
                <Text size="sm" fw={600} component="span">
                  {labelOf(stateLabels, e.toState)}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {e.actorName ?? 'Sistem'} · {f.dateTime(e.at)}
                {e.fromState ? ` · dari ${labelOf(stateLabels, e.fromState)}` : ''}
              </Text>
              {e.reason ? (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {e.reason}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </CaseCard>
  );
}

/** How an action of the case page asks before acting. */
export interface ActionSpec {
  /** The button's text and the dialog's confirm text. */
  label: string;
  title: string;
  message: string;
  /** A reason is asked (and required); otherwise a yes/no question. */
  reason?: { label: string; requiredMessage: string };
  color?: string;
  variant?: 'filled' | 'light' | 'outline' | 'default';
}

export interface TransitionBody<E extends string> {
  event: E;
  reason: string | null;
  version: number;
}

/**
 * The buttons of the events the reader may take now, each behind a confirmation (or a reason), sending
 * `{ event, reason, version }`. A 409 goes to `onConflict` (the caller reloads the case).
 */
export function CaseActions<E extends string, R extends { state: string }>({
  events,
  specs,
  version,
  pending,
  mutate,
  stateLabels,
  noun,
  onConflict,
}: {
  events: E[];
  specs: Record<E, ActionSpec>;
  version: number;
  pending: boolean;
  mutate: (body: TransitionBody<E>, callbacks: ReasonCallbacks<R>) => void;
  stateLabels: Record<string, string>;
  /** "Sanksi" or "Penghargaan". */
  noun: string;
  onConflict: (err: unknown) => void;
}) {
  const explain = useDialogErrorHandler();
  const [open, setOpen] = useState<E | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  if (events.length === 0) return null;
  const close = () => setOpen(null);
  const spec = open ? specs[open] : null;
  const done = (r: R) => `${noun} kini berstatus "${labelOf(stateLabels, r.state)}".`;

  return (
    <Card
      withBorder
      radius="md"
      component="section"
      aria-labelledby="case-actions-title"
      data-testid="case-actions"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-actions-title">
          Tindakan
        </Title>
        <Group gap="sm">
          {events.map((e) => (
            <Button
              key={e}
              color={specs[e].color}
              variant={specs[e].variant ?? 'filled'}
              onClick={() => {
                setGeneral(null);
                setOpen(e);
              }}
              data-testid={`action-${e}`}
            >
              {specs[e].label}
            </Button>
          ))}
        </Group>
      </Stack>

      {open && spec?.reason ? (
        <ReasonModal<R>
          title={spec.title}
          message={spec.message}
          reasonLabel={spec.reason.label}
          required
          requiredMessage={spec.reason.requiredMessage}
          maxLength={2000}
          confirmLabel={spec.label}
          confirmColor={spec.color}
          autoFocus
          loading={pending}
          onSubmit={(reason, callbacks) => mutate({ event: open, reason, version }, callbacks)}
          successMessage={done}
          onClose={close}
          onConflict={onConflict}
          testIds={{ reason: `action-${open}-reason`, confirm: `action-${open}-confirm` }}
        />
      ) : null}
      <ConfirmModal
        opened={open !== null && !spec?.reason}
        title={spec?.title ?? ''}
        message={
          <Stack gap="xs">
            <Text size="sm">{spec?.message}</Text>
            {general ? (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            ) : null}
          </Stack>
        }
        confirmLabel={spec?.label ?? ''}
        loading={pending}
        onConfirm={() => {
          if (!open) return;
          mutate(
            { event: open, reason: null, version },
            {
              onSuccess: (r) => {
                notifications.show({ color: 'green', message: done(r) });
                close();
              },
              onError: (err) =>
                explain(err, {
                  onConflict: () => {
                    close();
                    onConflict(err);
                  },
                  onGeneral: setGeneral,
                }),
            },
          );
        }}
        onClose={close}
      />
    </Card>
  );
}

/** The message of a 409: somebody acted first (reload), or a rule of the due process refused. */
export function conflictMessage(err: unknown, noun: string): string {
  if (err instanceof ApiError && err.code !== 'VERSION_CONFLICT') return err.message;
  return `${noun} ini telah diubah oleh pengguna lain. Data terbaru sudah dimuat ulang: periksa kembali sebelum bertindak.`;
}

/** The notice of a conflict above the case, with a reload button. */
export function ConflictAlert({
  message,
  onReload,
  onClose,
}: {
  message: string | null;
  onReload: () => void;
  onClose: () => void;
}) {
  if (!message) return null;
  return (
    <Alert
      color="yellow"
      role="alert"
      title="Tindakan tidak dapat dilakukan"
      withCloseButton
      closeButtonLabel="Tutup pesan"
      onClose={onClose}
      data-testid="case-conflict"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="default" onClick={onReload}>
          Muat ulang
        </Button>
      </Stack>
    </Alert>
  );
}
