import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RuleDto } from '../../../contract/discipline';
import { isConflict, useApiErrorHandler } from '../../app/forms';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useRetireRule, useRuleVersions, useRules } from './discipline-admin-api';
import { subjectLabels } from './discipline-format';
import { RuleFormModal } from './rule-form';
import {
  ConsequenceView,
  DefList,
  DefRow,
  ExampleBasisBadge,
  KindBadge,
  escalationOrNone,
  validityText,
} from './rule-parts';

function RuleCard({
  rule,
  manage,
  onEdit,
  onHistory,
  onRetire,
}: {
  rule: RuleDto;
  manage: boolean;
  onEdit: () => void;
  onHistory: () => void;
  onRetire: () => void;
}) {
  const f = useFormat();
  return (
    <Card withBorder radius="md" padding="md" data-testid="rule-card" data-code={rule.code}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text ff="monospace" size="sm" fw={700} c="dimmed">
              {rule.code}
            </Text>
            <Title order={2} size="h4">
              {rule.name}
            </Title>
          </div>
          <Group gap={6}>
            <KindBadge kind={rule.kind} />
            <Badge variant="outline" color="gray" tt="none" data-testid="rule-version">
              Versi {rule.version}
            </Badge>
            {rule.retired ? (
              <Badge color="gray" variant="filled" tt="none">
                Dihentikan
              </Badge>
            ) : null}
          </Group>
        </Group>
        {rule.exampleLegalBasis ? (
          <Group gap={6}>
            <ExampleBasisBadge />
          </Group>
        ) : null}
        <DefList>
          <DefRow label="Subjek">{subjectLabels[rule.subject]}</DefRow>
          <DefRow label="Kondisi">
            <span data-testid="rule-condition">{rule.conditionText}</span>
          </DefRow>
          <DefRow label={rule.kind === 'sanction' ? 'Sanksi' : 'Penghargaan'}>
            <ConsequenceView rule={rule} />
          </DefRow>
          {rule.kind === 'sanction' ? <DefRow label="Pengulangan">{escalationOrNone(rule)}</DefRow> : null}
          <DefRow label="Masa berlaku">{validityText(rule, f)}</DefRow>
          <DefRow label="Dasar hukum">
            <Text size="sm">{rule.legalBasis}</Text>
          </DefRow>
          <DefRow label="Terakhir diubah">
            {f.dateTime(rule.createdAt)}
            {rule.createdByName ? ` oleh ${rule.createdByName}` : ''}
          </DefRow>
        </DefList>
        <Group gap="xs" mt="auto">
          {manage && !rule.retired ? (
            <Button size="compact-sm" onClick={onEdit} aria-label={`Ubah aturan ${rule.code}`}>
              Ubah
            </Button>
          ) : null}
          <Button
            size="compact-sm"
            variant="default"
            onClick={onHistory}
            aria-label={`Riwayat versi aturan ${rule.code}`}
          >
            Riwayat versi
          </Button>
          {manage && !rule.retired ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={onRetire}
              aria-label={`Hentikan aturan ${rule.code}`}
            >
              Hentikan aturan
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** What changed from the previous version, in words. */
function changesOf(v: RuleDto, prev: RuleDto | undefined): string[] {
  if (!prev) return [];
  const out: string[] = [];
  if (v.retired && !prev.retired) out.push('dihentikan');
  if (v.name !== prev.name) out.push('nama');
  if (v.legalBasis !== prev.legalBasis) out.push('dasar hukum');
  if (v.subject !== prev.subject) out.push('subjek');
  if (JSON.stringify(v.condition) !== JSON.stringify(prev.condition)) out.push('kondisi');
  if (JSON.stringify(v.consequence) !== JSON.stringify(prev.consequence))
    out.push(v.kind === 'sanction' ? 'sanksi' : 'penghargaan');
  if (JSON.stringify(v.escalation ?? null) !== JSON.stringify(prev.escalation ?? null))
    out.push('pengulangan');
  if (
    (v.validFrom ?? null) !== (prev.validFrom ?? null) ||
    (v.validUntil ?? null) !== (prev.validUntil ?? null)
  )
    out.push('masa berlaku');
  return out;
}

function VersionsModal({ code, onClose }: { code: string; onClose: () => void }) {
  const f = useFormat();
  const versions = useRuleVersions(code);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Modal opened onClose={onClose} title={`Riwayat versi ${code}`} size="lg">
      {versions.isPending ? (
        <PageLoader />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Stack gap="sm" data-testid="rule-versions">
          {items.map((v) => {
            const prev = versions.data.items.find((x) => x.version === v.version - 1);
            const changes = changesOf(v, prev);
            return (
              <Paper key={v.version} withBorder p="sm" radius="md" data-testid="rule-version-item">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs">
                    <Group gap={6}>
                      <Badge variant={v.supersededAt ? 'outline' : 'filled'} tt="none">
                        Versi {v.version}
                      </Badge>
                      {!v.supersededAt ? (
                        <Badge color="green" variant="light" tt="none">
                          {v.retired ? 'Terkini (dihentikan)' : 'Terkini'}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {f.dateTime(v.createdAt)}
                      {v.createdByName ? ` · ${v.createdByName}` : ' · sistem'}
                    </Text>
                  </Group>
                  <Text size="sm">
                    <Text span fw={500}>
                      Catatan:{' '}
                    </Text>
                    {v.note ?? (v.version === 1 ? 'Versi awal' : '—')}
                  </Text>
                  {changes.length > 0 ? (
                    <Text size="sm" c="dimmed">
                      Berubah: {changes.join(', ')}
                    </Text>
                  ) : null}
                  <DefList>
                    <DefRow label="Kondisi">{v.conditionText}</DefRow>
                    <DefRow label={v.kind === 'sanction' ? 'Sanksi' : 'Penghargaan'}>
                      <ConsequenceView rule={v} />
                    </DefRow>
                    {v.kind === 'sanction' ? (
                      <DefRow label="Pengulangan">{escalationOrNone(v)}</DefRow>
                    ) : null}
                    <DefRow label="Masa berlaku">{validityText(v, f)}</DefRow>
                    <DefRow label="Dasar hukum">{v.legalBasis}</DefRow>
                    {v.supersededAt ? <DefRow label="Diganti">{f.dateTime(v.supersededAt)}</DefRow> : null}
                  </DefList>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Modal>
  );
}

function RetireModal({ rule, onClose }: { rule: RuleDto; onClose: () => void }) {
  const retire = useRetireRule();
  const onError = useApiErrorHandler();
  const [note, setNote] = useState('');
  return (
    <ConfirmModal
      opened
      title={`Hentikan aturan ${rule.code}?`}
      message={
        <Stack gap="sm">
          <Text size="sm">
            Aturan “{rule.name}” tidak lagi dipakai pada evaluasi berikutnya. Sanksi dan penghargaan yang
            sudah diusulkan tetap berjalan, dan semua versinya tetap tercatat di riwayat.
          </Text>
          <Textarea
            label="Alasan"
            placeholder="mis. Dicabut dengan Perwali Nomor ... Tahun ..."
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="retire-note"
          />
        </Stack>
      }
      confirmLabel="Hentikan aturan"
      danger
      loading={retire.isPending}
      onClose={onClose}
      onConfirm={() =>
        retire.mutate(
          { code: rule.code, body: { version: rule.version, note: note.trim() || null } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `Aturan ${rule.code} dihentikan.` });
              onClose();
            },
            onError: (e) => {
              if (isConflict(e))
                notifications.show({
                  color: 'orange',
                  message:
                    'Aturan ini telah diubah oleh pengguna lain. Daftar dimuat ulang; periksa lalu coba lagi.',
                });
              else onError(e);
              onClose();
            },
          },
        )
      }
    />
  );
}

/** The rules of the region's regulation (Perwali): read by the overseers, maintained by the region admin. */
export function RulesPage() {
  const me = useMe();
  const manage = can.manageRules(me);
  const rules = useRules();
  const [editing, setEditing] = useState<RuleDto | 'new' | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<RuleDto | null>(null);

  const items = rules.data?.items ?? [];
  const current = items.filter((r) => !r.retired);
  const retired = items.filter((r) => r.retired);
  const examples = current.filter((r) => r.exampleLegalBasis).length;

  const cards = (list: RuleDto[]) => (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {list.map((r) => (
        <RuleCard
          key={r.code}
          rule={r}
          manage={manage}
          onEdit={() => setEditing(r)}
          onHistory={() => setHistory(r.code)}
          onRetire={() => setRetiring(r)}
        />
      ))}
    </SimpleGrid>
  );

  return (
    <Stack>
      <PageHeader
        title="Aturan Penghargaan dan Sanksi"
        description="Aturan dari Peraturan Wali Kota yang dipakai evaluasi. Setiap perubahan disimpan sebagai versi baru; evaluasi mencatat versi yang dipakainya."
        actions={
          manage ? (
            <Button onClick={() => setEditing('new')} data-testid="rule-add">
              Tambah aturan
            </Button>
          ) : null
        }
      />
      {rules.isPending ? (
        <PageLoader />
      ) : rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <>
          {examples > 0 ? (
            <Alert color="yellow" title="Dasar hukum masih contoh" data-testid="example-basis-alert">
              {examples} aturan masih memakai dasar hukum contoh dari aturan bawaan.
              {manage
                ? ' Ganti dengan nomor, tahun dan pasal peraturan daerah Anda melalui tombol “Ubah”.'
                : ' Admin daerah perlu menggantinya dengan peraturan daerah yang berlaku.'}
            </Alert>
          ) : null}
          {current.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text>Belum ada aturan yang berlaku.</Text>
            </Paper>
          ) : (
            cards(current)
          )}
          {retired.length > 0 ? (
            <Stack gap="sm">
              <Title order={2} size="h3">
                Aturan yang dihentikan
              </Title>
              {cards(retired)}
            </Stack>
          ) : null}
        </>
      )}

      {editing !== null ? (
        <RuleFormModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {history !== null ? <VersionsModal code={history} onClose={() => setHistory(null)} /> : null}
      {retiring !== null ? <RetireModal rule={retiring} onClose={() => setRetiring(null)} /> : null}
    </Stack>
  );
}
