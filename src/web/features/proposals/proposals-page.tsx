import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { proposalStatuses, type ProposalStatus } from '../../../contract/proposals';
import { useApiErrorHandler } from '../../app/forms';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { FilterCard } from '../../components/filter-card';
import { FilterSelect } from '../../components/filter-select';
import { FormActions } from '../../components/form-actions';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { useListParams } from '../../components/use-list-params';
import { useCycles } from '../../components/cycle-queries';
import { proposalStatusLabel, ProposalStatusBadge } from '../../components/proposal-status';
import { useCreateProposal, useProposals } from './proposals-api';

const PAGE_SIZE = 20;

/** Start a draft in a cycle whose submission is open. Mounted while it is open. */
function CreateProposalModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const cycles = useCycles();
  const create = useCreateProposal();
  const onError = useApiErrorHandler();
  const open = (cycles.data ?? []).filter((c) => c.currentPhase === 'drafting');
  // The only open cycle is chosen for the user, also when the cycles arrive after the dialog opened.
  const [picked, setCycleId] = useState<string | null>(null);
  const cycleId = picked ?? (open.length === 1 ? open[0]!.id : null);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  return (
    <Modal opened onClose={onClose} title={t('proposal.create')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!cycleId) {
            setErrors({ cycleId: t('proposal.cycleRequired') });
            return;
          }
          create.mutate(
            { cycleId, title: title.trim() || undefined },
            {
              onSuccess: (p) => navigate(`/usulan/${p.id}`),
              onError: (err) => onError(err, { setErrors }),
            },
          );
        }}
      >
        <Stack>
          {!cycles.isPending && open.length === 0 ? (
            <Alert color="yellow">{t('proposal.noOpenCycle')}</Alert>
          ) : null}
          <Select
            label={t('proposal.cycle')}
            required
            data={open.map((c) => ({ value: c.id, label: `${c.name} (${c.startYear}–${c.endYear})` }))}
            value={cycleId}
            onChange={(v) => {
              setCycleId(v);
              setErrors({});
            }}
            error={errors.cycleId}
            disabled={cycles.isPending}
          />
          <TextInput
            label={t('proposal.titleField')}
            description={t('proposal.titleOptional')}
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <FormActions saving={create.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ProposalsPage() {
  const t = useT();
  const f = useFormat();
  const me = useMe();
  const mayDraft = can.draftProposals(me);
  const cycles = useCycles();
  const [params, setParams] = useListParams({ q: '', cycleId: '', status: '' });
  const list = useProposals({
    page: params.page,
    pageSize: PAGE_SIZE,
    q: params.q || undefined,
    cycleId: params.cycleId || undefined,
    status: (params.status || undefined) as ProposalStatus | undefined,
  });
  const [creating, setCreating] = useState(false);

  return (
    <Stack>
      <PageHeader
        title={t('proposal.title')}
        description={t('proposal.intro')}
        actions={
          mayDraft ? (
            <Button onClick={() => setCreating(true)} data-testid="proposal-create">
              {t('proposal.create')}
            </Button>
          ) : null
        }
      />
      <FilterCard cols={{ base: 1, sm: 3 }}>
        <SearchInput label={t('proposal.search')} value={params.q} onSearch={(q) => setParams({ q })} />
        <FilterSelect
          label={t('proposal.cycle')}
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={params.cycleId}
          onChange={(cycleId) => setParams({ cycleId })}
        />
        <FilterSelect
          label={t('common.status')}
          data={proposalStatuses.map((s) => ({ value: s, label: proposalStatusLabel(t, s) }))}
          value={params.status}
          onChange={(status) => setParams({ status })}
        />
      </FilterCard>

      <PagedTable
        query={list}
        label={t('proposal.title')}
        minWidth={860}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="proposals-table"
        head={
          <>
            <Table.Th scope="col">{t('proposal.titleField')}</Table.Th>
            <Table.Th scope="col">{t('proposal.leadUnit')}</Table.Th>
            <Table.Th scope="col">{t('proposal.cycle')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('proposal.problems')}</Table.Th>
            <Table.Th scope="col">{t('proposal.deadline')}</Table.Th>
          </>
        }
        columns={6}
        row={(p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor component={Link} to={`/usulan/${p.id}`}>
                {p.title.trim() || t('proposal.untitled')}
              </Anchor>
            </Table.Td>
            <Table.Td>{p.leadUnitName}</Table.Td>
            <Table.Td>{p.cycleName}</Table.Td>
            <Table.Td>
              <ProposalStatusBadge status={p.status} />
            </Table.Td>
            <Table.Td>
              {p.status !== 'draft' ? (
                t('common.none')
              ) : p.problemCount === 0 ? (
                <Badge variant="light" color="green" tt="none">
                  {t('proposal.complete')}
                </Badge>
              ) : (
                <Badge variant="light" color="orange" tt="none">
                  {t('proposal.problemCount', { n: p.problemCount })}
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{f.dateTime(p.submissionDeadline)}</Text>
              <Text size="xs" c="dimmed">
                {p.submissionOpen ? t('proposal.submissionOpen') : t('proposal.submissionClosed')}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
      />
      {creating ? <CreateProposalModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
