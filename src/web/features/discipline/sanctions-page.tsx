import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { sanctionStates } from '../../../contract/discipline';
import { useFormat } from '../../app/session';
import { PagedTable } from '../../components/paged-table';
import { PageHeader } from '../../components/page-header';
import { CaseFilters, useCaseFilter, useReadsOthers } from './case-filters';
import { PAGE_SIZE, useSanctions } from './discipline-api';
import {
  SanctionStateBadge,
  sanctionStateLabels,
  SubjectCell,
  VestBadge,
  workingDaysText,
} from './discipline-format';

const stateOptions = sanctionStates.map((s) => ({ value: s, label: sanctionStateLabels[s] }));

/**
 * The sanctions the reader may see (the server scopes: an ASN their own, an OPD head their unit's,
 * HR, the inspectorate and the head of region all), searchable and filtered, newest first.
 */
export function SanctionsPage() {
  const f = useFormat();
  const navigate = useNavigate();
  const reads = useReadsOthers();
  const [filter, setFilter] = useCaseFilter();
  const list = useSanctions(filter);
  const filtered = !!(filter.q || filter.state || filter.ruleCode || filter.workUnitId || filter.periodKey);

  return (
    <Stack>
      <PageHeader
        title="Sanksi"
        description={
          reads.others
            ? 'Sanksi rompi hasil evaluasi aturan: usulan, persetujuan, keberatan dan masa menjalani.'
            : 'Sanksi yang dikenakan kepada Anda, dengan fakta, dasar hukum dan hak mengajukan keberatan.'
        }
      />
      <CaseFilters kind="sanction" states={stateOptions} filter={filter} setFilter={setFilter} />
      <PagedTable
        query={list}
        label="Daftar sanksi"
        minWidth={960}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="sanctions-table"
        columns={7}
        page={filter.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setFilter({ page })}
        empty={
          <Text size="sm" data-testid="sanctions-empty">
            {filtered
              ? 'Tidak ada sanksi yang cocok dengan pencarian atau saringan ini.'
              : reads.others && !filter.mine
                ? 'Belum ada sanksi. Sanksi diusulkan oleh evaluasi aturan.'
                : 'Tidak ada sanksi atas nama Anda.'}
          </Text>
        }
        head={
          <>
            <Table.Th scope="col">Dikenai sanksi</Table.Th>
            <Table.Th scope="col">Aturan</Table.Th>
            <Table.Th scope="col">Rompi</Table.Th>
            <Table.Th scope="col">Lama</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Masa menjalani</Table.Th>
            <Table.Th scope="col">Batas keberatan</Table.Th>
          </>
        }
        row={(s) => (
          <Table.Tr
            key={s.id}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/disiplin/sanksi/${s.id}`)}
            data-testid="sanction-row"
          >
            <Table.Td>
              <SubjectCell
                name={
                  <Anchor
                    component={Link}
                    to={`/disiplin/sanksi/${s.id}`}
                    onClick={(e) => e.stopPropagation()}
                    fw={500}
                    size="sm"
                  >
                    {s.subject.name}
                  </Anchor>
                }
                nip={s.subject.nip}
                workUnitName={s.subject.workUnitName}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{s.ruleName}</Text>
              <Text size="xs" c="dimmed">
                <Text span inherit ff="monospace">
                  {s.ruleCode}
                </Text>{' '}
                · {s.periodLabel}
              </Text>
            </Table.Td>
            <Table.Td>
              <VestBadge label={s.label} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{workingDaysText(s.workingDays)}</Table.Td>
            <Table.Td>
              <SanctionStateBadge state={s.state} />
            </Table.Td>
            <Table.Td>{s.startsOn ? `${f.date(s.startsOn)} – ${f.date(s.endsOn)}` : '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(s.appealDeadline)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
