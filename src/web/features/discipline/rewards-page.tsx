import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { rewardStates } from '../../../contract/discipline';
import { useFormat } from '../../app/session';
import { PagedTable } from '../../components/paged-table';
import { PageHeader } from '../../components/page-header';
import { CaseFilters, useCaseFilter, useReadsOthers } from './case-filters';
import { PAGE_SIZE, useRewards } from './discipline-api';
import { RewardStateBadge, rewardStateLabels, SubjectCell } from './discipline-format';

const stateOptions = rewardStates.map((s) => ({ value: s, label: rewardStateLabels[s] }));

/** The rewards the reader may see (scoped by the server like the sanctions), filtered and paged. */
export function RewardsPage() {
  const f = useFormat();
  const navigate = useNavigate();
  const reads = useReadsOthers();
  const [filter, setFilter] = useCaseFilter();
  const list = useRewards(filter);
  const filtered = !!(filter.q || filter.state || filter.ruleCode || filter.workUnitId || filter.periodKey);

  return (
    <Stack>
      <PageHeader
        title="Penghargaan"
        description={
          reads.others
            ? 'Penghargaan hasil evaluasi aturan: usulan, persetujuan dan piagam.'
            : 'Penghargaan yang diberikan kepada Anda.'
        }
      />
      <CaseFilters kind="reward" states={stateOptions} filter={filter} setFilter={setFilter} />
      <PagedTable
        query={list}
        label="Daftar penghargaan"
        minWidth={960}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="rewards-table"
        columns={5}
        page={filter.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setFilter({ page })}
        empty={
          <Text size="sm" data-testid="rewards-empty">
            {filtered
              ? 'Tidak ada penghargaan yang cocok dengan pencarian atau saringan ini.'
              : reads.others && !filter.mine
                ? 'Belum ada penghargaan. Penghargaan diusulkan oleh evaluasi aturan.'
                : 'Belum ada penghargaan atas nama Anda.'}
          </Text>
        }
        head={
          <>
            <Table.Th scope="col">Penerima</Table.Th>
            <Table.Th scope="col">Aturan</Table.Th>
            <Table.Th scope="col">Piagam</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Diusulkan</Table.Th>
          </>
        }
        row={(r) => (
          <Table.Tr
            key={r.id}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/disiplin/penghargaan/${r.id}`)}
            data-testid="reward-row"
          >
            <Table.Td>
              <SubjectCell
                name={
                  <Anchor
                    component={Link}
                    to={`/disiplin/penghargaan/${r.id}`}
                    onClick={(e) => e.stopPropagation()}
                    fw={500}
                    size="sm"
                  >
                    {r.subject.name}
                  </Anchor>
                }
                nip={r.subject.nip}
                workUnitName={r.subject.workUnitName}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{r.ruleName}</Text>
              <Text size="xs" c="dimmed">
                <Text span inherit ff="monospace">
                  {r.ruleCode}
                </Text>{' '}
                · {r.periodLabel}
              </Text>
            </Table.Td>
            <Table.Td maw={360}>
              <Text size="sm" lineClamp={2}>
                {r.certificateText}
              </Text>
              {r.certificateNumber ? (
                <Text size="xs" c="dimmed">
                  Nomor {r.certificateNumber}
                  {r.grantedOn ? ` · diberikan ${f.date(r.grantedOn)}` : ''}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <RewardStateBadge state={r.state} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.proposedAt)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
