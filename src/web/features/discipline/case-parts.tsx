import { Fragment, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { caseEventSchema, RewardDto } from '../../../contract/discipline';
import { ApiError } from '../../app/api';
import { useDialogErrorHandler } from '../../app/forms';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { FieldRow } from '../../components/field-row';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { ReasonModal, type ReasonCallbacks } from '../../components/reason-modal';
import { formatNip } from '../civil-servants/nip-parts';
import { labelOf, subjectKindLabels } from './discipline-format';

type CaseEvent = z.infer<typeof caseEventSchema>;

/** What a sanction and a reward have alike (a sanction and a reward are each one). */
export type CaseDetail = Pick<
  RewardDto,
  | 'id'
  | 'subject'
  | 'summary'
  | 'facts'
  | 'legalBasis'
  | 'ruleCode'
  | 'ruleName'
  | 'ruleVersion'
  | 'periodLabel'
  | 'proposedAt'
  | 'proposedByName'
  | 'approvedAt'
  | 'approvedByName'
  | 'closeReason'
  | 'history'
  | 'version'
> & { state: string };

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

/** When the case was proposed and approved, and by whom: rows of a `<dl>`. */
export function ProposalRows({ case: c }: { case: CaseDetail }) {
  const f = useFormat();
  return (
    <>
      <FieldRow label="Diusulkan">
        {f.dateTime(c.proposedAt)}
        {c.proposedByName ? ` oleh ${c.proposedByName}` : ''}
      </FieldRow>
      <FieldRow label="Disetujui">
        {c.approvedAt
          ? `${f.dateTime(c.approvedAt)}${c.approvedByName ? ` oleh ${c.approvedByName}` : ''}`
          : '—'}
      </FieldRow>
    </>
  );
}

/** Why the case was closed (rejected or cancelled), when a reason was given. */
export function CloseReason({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <div>
      <Text size="sm" c="dimmed">
        Alasan penutupan
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {reason}
      </Text>
    </div>
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

/** The transition mutation of a case, as the case view uses it. */
export interface CaseTransition<E extends string, R> {
  isPending: boolean;
  mutate: (body: TransitionBody<E>, callbacks: ReasonCallbacks<R>) => void;
}

/**
 * The body of a case page: the conflict notice, the actions, the facts and legal basis (with
 * `gridCards` beside them), the kind's own cards (`children`) and the history.
 */
export function CaseView<E extends string, R extends CaseDetail>({
  case: c,
  noun,
  stateLabels,
  events,
  specs,
  transition,
  onReload,
  notice,
  gridCards,
  children,
}: {
  case: R;
  /** "Sanksi" or "Penghargaan". */
  noun: string;
  stateLabels: Record<string, string>;
  /** The events shown as buttons. */
  events: E[];
  specs: Record<E, ActionSpec>;
  transition: CaseTransition<E, R>;
  onReload: () => void;
  /** Above the actions. */
  notice?: ReactNode;
  /** More cards of the two-column grid, given the handler of a 409. */
  gridCards?: (onConflict: (err: unknown) => void) => ReactNode;
  /** Cards between the grid and the history. */
  children?: ReactNode;
}) {
  const [conflict, setConflict] = useState<string | null>(null);
  const onConflict = (err: unknown) => {
    setConflict(conflictMessage(err, noun));
    onReload();
  };
  return (
    <Stack>
      <ConflictAlert
        message={conflict}
        onReload={() => {
          setConflict(null);
          onReload();
        }}
        onClose={() => setConflict(null)}
      />
      {notice}
      <CaseActions<E, R>
        events={events}
        specs={specs}
        version={c.version}
        pending={transition.isPending}
        mutate={(body, callbacks) => transition.mutate(body, callbacks)}
        stateLabels={stateLabels}
        noun={noun}
        onConflict={onConflict}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FactsCard summary={c.summary} facts={c.facts} />
        <LegalBasisCard
          legalBasis={c.legalBasis}
          ruleCode={c.ruleCode}
          ruleName={c.ruleName}
          ruleVersion={c.ruleVersion}
          periodLabel={c.periodLabel}
        />
        {gridCards?.(onConflict)}
      </SimpleGrid>
      {children}
      <HistoryCard history={c.history} stateLabels={stateLabels} />
    </Stack>
  );
}

/** The PDF of a case (the decree or the certificate), once it has a number. */
export interface CaseDocument<R> {
  /** The button's text, e.g. "Unduh SK (PDF)". */
  label: string;
  testId: string;
  number: (c: R) => string | null;
  href: (c: R) => string;
}

/**
 * A case page: the link back to the list, the header (title, subject, state and PDF) and, once
 * loaded, the case (remounted per id). "Muat ulang" refetches `queryKey`.
 */
export function CaseDetailPage<R extends CaseDetail>({
  id,
  query: q,
  queryKey,
  back,
  noun,
  name,
  badge,
  document,
  children,
}: {
  id: string;
  query: UseQueryResult<R>;
  queryKey: QueryKey;
  back: { to: string; label: string };
  /** "Sanksi" or "Penghargaan": the title alone while loading, else before `name`. */
  noun: string;
  name: (c: R) => string;
  badge: (c: R) => ReactNode;
  document: CaseDocument<R>;
  children: (c: R, onReload: () => void) => ReactNode;
}) {
  const qc = useQueryClient();
  const c = q.data;
  const docNumber = c ? document.number(c) : null;
  return (
    <Stack>
      <Anchor component={Link} to={back.to} size="sm">
        {back.label}
      </Anchor>
      <PageHeader
        title={c ? `${noun} ${name(c)}` : noun}
        description={
          c
            ? `${c.subject.name}${c.subject.nip ? ` · NIP ${formatNip(c.subject.nip)}` : ''} · ${labelOf(subjectKindLabels, c.subject.kind)}, ${c.subject.workUnitName}`
            : undefined
        }
        actions={
          c ? (
            <>
              {badge(c)}
              {docNumber ? (
                <Button
                  component="a"
                  href={document.href(c)}
                  download
                  variant="default"
                  size="sm"
                  aria-label={`${document.label} nomor ${docNumber}`}
                  data-testid={document.testId}
                >
                  {document.label}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Fragment key={id}>{children(q.data, () => void qc.refetchQueries({ queryKey }))}</Fragment>
      )}
    </Stack>
  );
}
