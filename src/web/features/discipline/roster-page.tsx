import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import type { BodyOf } from '../../../contract/route';
import type { disciplineRoutes, Roster, RosterRow } from '../../../contract/discipline';
import { useApiErrorHandler } from '../../app/forms';
import { useFormat } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { formatNip } from '../civil-servants/nip-parts';
import { rosterPdfUrl, useRecordDay, useRoster } from './discipline-api';
import {
  finalSanctionStates,
  SanctionStateBadge,
  useRegionToday,
  useTimeFormat,
  VestBadge,
} from './discipline-format';
import './roster-print.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
type RecordBody = BodyOf<typeof disciplineRoutes.recordDay>;

/** What a recorded change says in the notice. */
function doneText(
  row: RosterRow,
  body: RecordBody,
  when: (iso: string | null) => string,
  day: string,
): string {
  const set = (v: string | undefined) => v !== undefined && v !== 'clear';
  if (set(body.vestIssued)) return `Rompi diserahkan kepada ${row.name}: ${when(row.vestIssuedAt)}.`;
  if (set(body.vestReturned)) return `Rompi dikembalikan oleh ${row.name}: ${when(row.vestReturnedAt)}.`;
  if (body.vestIssued === 'clear' || body.vestReturned === 'clear')
    return `Catatan rompi ${row.name} dihapus.`;
  if (body.served === true) return `${row.name}: sanksi dijalani pada ${day}.`;
  if (body.served === false)
    return `${row.name}: sanksi tidak dijalani pada ${day}; satu hari kerja ditambahkan di akhir.`;
  return `Catatan ${row.name} pada ${day} disimpan.`;
}

/** A finished or withdrawn sanction takes no more records. */
const recordable = (r: RosterRow) => !finalSanctionStates.includes(r.state);

/** The sanction's state, shown when it is not simply running. */
function RowState({ row }: { row: RosterRow }) {
  return row.state === 'active' ? null : (
    <Box mt={4}>
      <SanctionStateBadge state={row.state} size="sm" />
    </Box>
  );
}

/** The vest and serving record of one person on the roster's day, with HR's buttons. */
function useRowRecorder(date: string, row: RosterRow) {
  const record = useRecordDay(date);
  const onError = useApiErrorHandler();
  const time = useTimeFormat();
  const f = useFormat();
  const send = (body: RecordBody) =>
    record.mutate(
      { sanctionId: row.sanctionId, body },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: doneText(saved, body, (iso) => time(iso, date), f.date(date)),
          }),
        onError: (err) => onError(err),
      },
    );
  const pending = record.isPending ? record.variables?.body : undefined;
  const pendingOf = (key: keyof RecordBody) => pending?.[key] !== undefined;
  return { send, pending, pendingOf, busy: record.isPending };
}

function VestCell({
  kind,
  row,
  date,
  canRecord,
}: {
  kind: 'issued' | 'returned';
  row: RosterRow;
  date: string;
  canRecord: boolean;
}) {
  const time = useTimeFormat();
  const today = useRegionToday();
  const [clock, setClock] = useState('');
  const { send, pendingOf, busy } = useRowRecorder(date, row);
  const at = kind === 'issued' ? row.vestIssuedAt : row.vestReturnedAt;
  const field = kind === 'issued' ? 'vestIssued' : 'vestReturned';
  const action = kind === 'issued' ? 'Rompi diserahkan' : 'Rompi dikembalikan';
  if (at) {
    return (
      <Group gap={4}>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid={`roster-${kind}-time`}>
          {kind === 'issued' ? 'Diserahkan' : 'Dikembalikan'} {time(at, date)}
        </Text>
        {canRecord ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            className="discipline-no-print"
            loading={pendingOf(field)}
            disabled={busy && !pendingOf(field)}
            onClick={() => send({ [field]: 'clear' })}
            aria-label={`Hapus catatan ${action.toLowerCase()} untuk ${row.name}`}
          >
            Hapus
          </Button>
        ) : null}
      </Group>
    );
  }
  const none = (
    <Text size="sm" c="dimmed">
      {kind === 'issued' ? 'Diserahkan' : 'Dikembalikan'}: belum
    </Text>
  );
  // The vest comes back only after it was handed out.
  if (!canRecord || (kind === 'returned' && !row.vestIssuedAt)) return none;
  // A day that has passed is recorded with the time it happened, not the time of typing.
  if (date !== today)
    return (
      <>
        <Box className="discipline-print-only">{none}</Box>
        <Group gap={4} className="discipline-no-print">
          <TextInput
            type="time"
            size="xs"
            w={96}
            value={clock}
            onChange={(e) => setClock(e.currentTarget.value)}
            aria-label={`Jam ${action.toLowerCase()}: ${row.name}`}
            data-testid={`roster-${kind}-clock`}
          />
          <Button
            size="xs"
            variant={kind === 'issued' ? 'filled' : 'default'}
            color="dark"
            loading={pendingOf(field)}
            disabled={!clock || (busy && !pendingOf(field))}
            onClick={() => send({ [field]: clock })}
            aria-label={`${action} pukul ${clock || '-'}: ${row.name}`}
            data-testid={`roster-${kind}`}
          >
            {action}
          </Button>
        </Group>
      </>
    );
  return (
    <>
      <Box className="discipline-print-only">{none}</Box>
      <Button
        size="xs"
        variant={kind === 'issued' ? 'filled' : 'default'}
        color="dark"
        className="discipline-no-print"
        loading={pendingOf(field)}
        disabled={busy && !pendingOf(field)}
        onClick={() => send({ [field]: 'now' })}
        aria-label={`${action}: ${row.name}`}
        data-testid={`roster-${kind}`}
      >
        {action}
      </Button>
    </>
  );
}

function ServedCell({ row, date, canRecord }: { row: RosterRow; date: string; canRecord: boolean }) {
  const f = useFormat();
  const { send, pending, busy } = useRowRecorder(date, row);
  const status =
    row.served === true ? (
      <Badge color="green" variant="light" tt="none">
        Dijalani
      </Badge>
    ) : row.served === false ? (
      <Badge color="red" variant="light" tt="none">
        Tidak dijalani
      </Badge>
    ) : (
      <Text size="sm" c="dimmed">
        Belum dicatat
      </Text>
    );
  // Pressing the chosen answer again clears it.
  const toggle = (value: boolean) => send({ served: row.served === value ? null : value });
  const clicked = (value: boolean) =>
    pending?.served === value || (pending?.served === null && row.served === value);
  return (
    <Stack gap={4}>
      {canRecord ? (
        <>
          <Group
            gap={6}
            wrap="nowrap"
            className="discipline-no-print"
            role="group"
            aria-label={`Sanksi dijalani hari ini: ${row.name}`}
          >
            <Button
              size="xs"
              color="green"
              variant={row.served === true ? 'filled' : 'default'}
              aria-pressed={row.served === true}
              loading={clicked(true)}
              disabled={busy}
              onClick={() => toggle(true)}
              data-testid="roster-served"
            >
              Dijalani
            </Button>
            <Button
              size="xs"
              color="red"
              variant={row.served === false ? 'filled' : 'default'}
              aria-pressed={row.served === false}
              loading={clicked(false)}
              disabled={busy}
              onClick={() => toggle(false)}
              data-testid="roster-not-served"
            >
              Tidak dijalani
            </Button>
          </Group>
          <Box className="discipline-print-only">{status}</Box>
        </>
      ) : (
        status
      )}
      {row.served === false ? (
        <Text size="xs" c="red.9" data-testid="roster-added-day">
          Satu hari kerja ditambahkan di akhir: selesai {f.date(row.endsOn)}.
        </Text>
      ) : null}
      {row.note ? (
        <Text size="xs" c="dimmed">
          Catatan: {row.note}
        </Text>
      ) : null}
    </Stack>
  );
}

function RosterTable({
  unitName,
  rows,
  date,
  canRecord,
}: {
  unitName: string;
  rows: RosterRow[];
  date: string;
  canRecord: boolean;
}) {
  const f = useFormat();
  return (
    <Box className="discipline-roster-table" visibleFrom="sm">
      <TableScroll label={`Daftar rompi ${unitName}`} minWidth={canRecord ? 860 : 700}>
        <Table striped verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={44}>
                No
              </Table.Th>
              <Table.Th scope="col" w="30%">
                ASN
              </Table.Th>
              <Table.Th scope="col" w="20%">
                Rompi
              </Table.Th>
              <Table.Th scope="col" w="22%">
                Serah terima rompi
              </Table.Th>
              <Table.Th scope="col">Dijalani</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.sanctionId} data-testid="roster-row">
                <Table.Td>{i + 1}</Table.Td>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={600}>
                    {r.name}
                  </Text>
                  {r.nip ? (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      NIP {formatNip(r.nip)}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {r.position || '—'}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <VestBadge label={r.label} />
                  <Text size="sm" mt={4} style={{ whiteSpace: 'nowrap' }}>
                    hari ke-{r.dayNumber} dari {r.totalDays}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    s.d. {f.date(r.endsOn)}
                  </Text>
                  <RowState row={r} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={6} align="flex-start">
                    <VestCell kind="issued" row={r} date={date} canRecord={canRecord && recordable(r)} />
                    <VestCell kind="returned" row={r} date={date} canRecord={canRecord && recordable(r)} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ServedCell row={r} date={date} canRecord={canRecord && recordable(r)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Box>
  );
}

/** Phones: one card per person, the same record and buttons. */
function RosterCards({ rows, date, canRecord }: { rows: RosterRow[]; date: string; canRecord: boolean }) {
  const f = useFormat();
  return (
    <Stack
      className="discipline-roster-cards"
      hiddenFrom="sm"
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {rows.map((r) => (
        <Paper component="li" key={r.sanctionId} withBorder p="sm" radius="sm" data-testid="roster-card">
          <Stack gap={8}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                {r.nip ? (
                  <Text size="xs" c="dimmed">
                    NIP {formatNip(r.nip)}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {r.position || '—'}
                </Text>
              </div>
              <VestBadge label={r.label} />
            </Group>
            <Text size="sm">
              Hari ke-{r.dayNumber} dari {r.totalDays} · s.d. {f.date(r.endsOn)}
            </Text>
            <RowState row={r} />
            <Group gap="xs">
              <VestCell kind="issued" row={r} date={date} canRecord={canRecord && recordable(r)} />
              <VestCell kind="returned" row={r} date={date} canRecord={canRecord && recordable(r)} />
            </Group>
            <ServedCell row={r} date={date} canRecord={canRecord && recordable(r)} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function RosterView({ roster, date }: { roster: Roster; date: string }) {
  const f = useFormat();
  const today = useRegionToday();
  // The server records only days that have come (today and before).
  const canRecord = roster.canRecord && date <= today;
  if (!roster.isWorkingDay) {
    return (
      <Alert color="gray" title="Bukan hari kerja" data-testid="roster-not-working">
        {roster.dateLabel} bukan hari kerja (akhir pekan, libur nasional atau cuti bersama): tidak ada apel
        dan tidak ada sanksi rompi yang dijalani.
      </Alert>
    );
  }
  if (roster.total === 0 || roster.units.length === 0) {
    return (
      <Alert color="green" data-testid="roster-empty">
        Tidak ada ASN yang wajib memakai rompi pada tanggal ini.
      </Alert>
    );
  }
  return (
    <Stack>
      {roster.canRecord && !canRecord ? (
        <Alert color="blue" className="discipline-no-print" data-testid="roster-future">
          Tanggal ini belum tiba: penyerahan rompi dan kehadiran apel dicatat pada harinya.
        </Alert>
      ) : null}
      <Text size="sm" data-testid="roster-total">
        {f.number(roster.total)} orang wajib memakai rompi di {f.number(roster.units.length)} perangkat
        daerah.
      </Text>
      {roster.units.map((u) => (
        <Card
          key={u.workUnitId}
          withBorder
          radius="md"
          component="section"
          aria-labelledby={`roster-unit-${u.workUnitId}`}
          className="discipline-roster-unit"
          data-testid="roster-unit"
        >
          <Group justify="space-between" mb="xs" gap="xs">
            <Title order={2} size="h4" id={`roster-unit-${u.workUnitId}`}>
              {u.name}
            </Title>
            <Text size="sm" c="dimmed">
              {u.rows.length} orang
            </Text>
          </Group>
          <RosterTable unitName={u.name} rows={u.rows} date={date} canRecord={canRecord} />
          <RosterCards rows={u.rows} date={date} canRecord={canRecord} />
        </Card>
      ))}
    </Stack>
  );
}

/**
 * The morning roster (apel pagi): who wears which vest on a day, per unit, with HR's record of the
 * vest handed out and back and whether the day was served. Prints from the browser or as a PDF.
 */
export function RosterPage() {
  const today = useRegionToday();
  const [sp, setSp] = useSearchParams();
  const raw = sp.get('tanggal') ?? '';
  const date = DAY.test(raw) ? raw : today;
  const q = useRoster(date);

  // Printing from the browser drops the shell while this page is shown.
  useEffect(() => {
    document.body.classList.add('discipline-roster-print');
    return () => document.body.classList.remove('discipline-roster-print');
  }, []);

  const setDate = (d: string | null) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (d && d !== today) next.set('tanggal', d);
        else next.delete('tanggal');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack>
      <PageHeader
        title="Apel pagi: daftar rompi"
        description={q.data?.date === date ? q.data.dateLabel : undefined}
        actions={
          <Group gap="xs" className="discipline-no-print">
            <Button
              component="a"
              href={rosterPdfUrl(date)}
              download
              variant="default"
              data-testid="roster-pdf"
            >
              Cetak (PDF)
            </Button>
            <Button variant="subtle" onClick={() => window.print()}>
              Cetak halaman ini
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="md" radius="md" className="discipline-no-print">
        <Group align="flex-end" gap="sm">
          <DatePickerInput
            label="Tanggal apel"
            valueFormat="dddd, DD MMMM YYYY"
            value={date}
            onChange={(v) => setDate(v)}
            w={{ base: '100%', xs: 280 }}
            data-testid="roster-date"
          />
          {date !== today ? (
            <Button variant="default" onClick={() => setDate(null)}>
              Hari ini
            </Button>
          ) : null}
        </Group>
      </Paper>
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <RosterView roster={q.data} date={q.data.date} />
      )}
    </Stack>
  );
}
