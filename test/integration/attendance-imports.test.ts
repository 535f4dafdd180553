import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceImport, AttendancePreview } from '../../src/contract/attendance.js';
import { attendanceImports, attendancePunches, auditEntries, regions } from '../../src/server/db/schema.js';
import * as imports from '../../src/server/modules/attendance/import.service.js';
import { setupWorld, type Client, type World } from '../support/harness.js';
import { multipart } from '../support/multipart.js';

/**
 * Issue 5 item 1 and quality.md S13: attendance files are previewed with every bad row listed before
 * anything is written; a commit writes all or nothing; the same file twice changes nothing; overlapping
 * files add only the punches not stored yet.
 */

let w: World;
let hr: Client;
let admin: Client;

/** PINs 101-105 are unit 1's people, 201-205 unit 2's (region-wide mappings). */
const pinOf = (unit: 'u1' | 'u2', i: number) => `${unit === 'u1' ? 101 + i : 201 + i}`;

beforeAll(async () => {
  w = await setupWorld();
  hr = await w.login('bkpsdm');
  admin = await w.login('admin');
  for (const unit of ['u1', 'u2'] as const)
    for (let i = 0; i < 5; i++) {
      const res = await hr.put('/api/attendance/device-pins', {
        pin: pinOf(unit, i),
        civilServantId: w.a.people[unit][i],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
});
afterAll(() => w.close());

/** A ZKTeco attlog: right-aligned PIN, tab, time, status, verify, work code; CRLF. */
function attlog(lines: (readonly [string, string] | string)[]): string {
  return (
    lines.map((l) => (typeof l === 'string' ? l : `${l[0].padStart(9)}\t${l[1]}\t0\t1\t0\t0`)).join('\r\n') +
    '\r\n'
  );
}

/** Two punches a weekday for the given PINs over the given days of January 2026. */
function weekPunches(pins: string[], days: number[]): [string, string][] {
  const out: [string, string][] = [];
  for (const d of days)
    for (const pin of pins) {
      const day = `2026-01-${String(d).padStart(2, '0')}`;
      out.push([pin, `${day} 07:${String(20 + (Number(pin) % 15)).padStart(2, '0')}:00`]);
      out.push([pin, `${day} 16:0${Number(pin) % 10}:30`]);
    }
  return out;
}

const allPins = [0, 1, 2, 3, 4].flatMap((i) => [pinOf('u1', i), pinOf('u2', i)]);

function send(client: Client, url: string, fileName: string, content: string | Buffer) {
  const { payload, headers } = multipart(fileName, content);
  return client.request('POST', url, payload, headers);
}
async function preview(client: Client, fileName: string, content: string | Buffer, query = '') {
  const res = await send(client, `/api/attendance/imports/preview${query}`, fileName, content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AttendancePreview;
}
async function settled(client: Client, id: string): Promise<AttendanceImport> {
  for (let i = 0; i < 400; i++) {
    const b = (await client.get(`/api/attendance/imports/${id}`)).json() as AttendanceImport;
    if (b.status !== 'committing') return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('attendance import did not finish');
}
/** Commits and waits; `status` is the expected answer of the commit (202 new, 200 known file). */
async function commit(client: Client, fileName: string, content: string | Buffer, query = '', status = 202) {
  const res = await send(client, `/api/attendance/imports${query}`, fileName, content);
  expect(res.statusCode, res.body).toBe(status);
  const started = res.json() as AttendanceImport;
  if (status === 202) expect(started.status).toBe('committing');
  return settled(client, started.id);
}

async function punchCount(regionId = w.a.id, importId?: string) {
  const [r] = await w.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(attendancePunches)
    .where(
      and(
        eq(attendancePunches.regionId, regionId),
        importId ? eq(attendancePunches.importId, importId) : undefined,
      ),
    );
  return r.n;
}

describe('attlog preview and commit', () => {
  it('lists every bad line, unknown PIN and duplicate before anything is written', async () => {
    const good = weekPunches(allPins, [5]);
    const text = attlog([
      ...good.slice(0, 4), // lines 1-4
      '      7x!\t2026-01-05 07:30:00\t0\t1', // 5: bad PIN
      ['101', '2026-02-30 07:00:00'], // 6: impossible date
      '      101', // 7: too few columns
      ['999', '2026-01-05 07:10:00'], // 8: unknown PIN
      good[0], // 9: the same punch as line 1
      '', // blank line
      ...good.slice(4), // 11 ...
    ]);
    const before = await punchCount();
    const p = await preview(hr, '1_attlog.dat', text);
    expect(p).toMatchObject({
      kind: 'attlog',
      fileName: '1_attlog.dat',
      needsMapping: false,
      identifier: 'pin',
      rowsRead: good.length + 5,
      punchesRead: good.length + 2,
      problemLines: 3,
      unknownPunches: 1,
      unknownIdentifiers: 1,
      unknown: [{ identifier: '999', punches: 1, firstLine: 8 }],
      duplicatesInFile: 1,
      duplicatesInDatabase: 0,
      toAdd: good.length,
      civilServants: 10,
      dateFrom: '2026-01-05',
      dateTo: '2026-01-05',
      alreadyImported: null,
      canCommit: false,
    });
    expect(p.problems).toEqual([
      { line: 5, reason: 'PIN "7x!" hanya boleh berisi huruf dan angka' },
      { line: 6, reason: 'Tanggal 2026-02-30 tidak ada di kalender' },
      { line: 7, reason: 'Kolom kurang: ditemukan 1 kolom, minimal 2 (PIN dan waktu, dipisah tab)' },
    ]);
    expect(p.sample[0]).toMatchObject({
      line: 1,
      identifier: allPins[0],
      nip: w.a.nips.u1[0],
      localDateTime: good[0][1],
    });
    expect(p.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await punchCount()).toBe(before);

    // The commit refuses the file as it is, listing the lines, and writes nothing.
    const refused = await send(hr, '/api/attendance/imports', '1_attlog.dat', text);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('4 baris');
    expect(refused.json().error.fields).toEqual([
      { path: 'file', message: 'Baris 5: PIN "7x!" hanya boleh berisi huruf dan angka' },
      { path: 'file', message: 'Baris 6: Tanggal 2026-02-30 tidak ada di kalender' },
      {
        path: 'file',
        message: 'Baris 7: Kolom kurang: ditemukan 1 kolom, minimal 2 (PIN dan waktu, dipisah tab)',
      },
      { path: 'file', message: 'Baris 8: PIN 999 belum dipetakan ke ASN' },
    ]);
    expect(await punchCount()).toBe(before);

    // With skipInvalid the good punches go in, and the import lists what was left out.
    const done = await commit(hr, '1_attlog.dat', text, '?skipInvalid=true');
    expect(done).toMatchObject({
      status: 'committed',
      punchesAdded: good.length,
      duplicates: 1,
      problemCount: 4,
      progressDone: good.length,
      dateFrom: '2026-01-05',
      createdByName: 'Pengguna bkpsdm',
    });
    expect(done.problems.map((x) => x.line)).toEqual([5, 6, 7, 8]);
    expect(await punchCount()).toBe(before + good.length);

    // Again: nothing new to add, so the earlier import is the answer.
    const again = await send(hr, '/api/attendance/imports?skipInvalid=true', '1_attlog.dat', text);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: done.id, status: 'committed' });
    // Once PIN 999 is mapped, the same file adds its punch (and only that one).
    const mapped = await hr.put('/api/attendance/device-pins', {
      pin: '999',
      civilServantId: w.a.people.u2[4],
    });
    expect(mapped.statusCode).toBe(200);
    const later = await commit(hr, '1_attlog.dat', text, '?skipInvalid=true');
    expect(later).toMatchObject({ punchesAdded: 1, duplicates: good.length + 1, problemCount: 3 });
    expect(later.id).not.toBe(done.id);
    expect(await punchCount()).toBe(before + good.length + 1);
    await hr.delete(`/api/attendance/device-pins/${mapped.json().id}`, { version: 1 });
  });

  it('stores the local day and time and the instant in the region timezone, and audits the import', async () => {
    const text = attlog([[pinOf('u1', 0), '2026-01-06 07:31:00']]);
    const done = await commit(hr, 'satu.dat', text);
    const [row] = await w.database.db
      .select()
      .from(attendancePunches)
      .where(eq(attendancePunches.importId, done.id));
    expect(row).toMatchObject({
      civilServantId: w.a.people.u1[0],
      day: '2026-01-06',
      localTime: '07:31:00',
      device: null,
    });
    expect(row.at.toISOString()).toBe('2026-01-06T00:31:00.000Z'); // WIB is UTC+7
    const [entry] = await w.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.entityId, done.id)));
    expect(entry).toMatchObject({ action: 'attendance.import', entityType: 'attendance_import' });
    expect(entry.summary).toBe('Impor kehadiran satu.dat: 1 catatan baru, 0 duplikat');
    // The trail names the file and the counts, never an NIP.
    expect(JSON.stringify(entry)).not.toContain(w.a.nips.u1[0]);
  });

  it('the same file twice changes nothing; an overlapping file adds only the new punches', async () => {
    const week2 = weekPunches(allPins, [12, 13, 14]);
    const text = attlog(week2);
    const first = await commit(hr, 'minggu-2.dat', text);
    expect(first).toMatchObject({ status: 'committed', punchesAdded: week2.length, duplicates: 0 });
    const after = await punchCount();

    const again = await send(hr, '/api/attendance/imports', 'minggu-2-lagi.dat', text);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, status: 'committed', punchesAdded: week2.length });
    expect(await punchCount()).toBe(after);
    const seen = await preview(hr, 'minggu-2.dat', text);
    expect(seen).toMatchObject({
      alreadyImported: { id: first.id },
      toAdd: 0,
      duplicatesInDatabase: week2.length,
    });

    // 13-16 January: two days already stored, two new.
    const overlap = weekPunches(allPins, [13, 14, 15, 16]);
    const p = await preview(hr, 'minggu-2b.dat', attlog(overlap));
    expect(p).toMatchObject({ duplicatesInDatabase: overlap.length / 2, toAdd: overlap.length / 2 });
    const second = await commit(hr, 'minggu-2b.dat', attlog(overlap));
    expect(second).toMatchObject({ punchesAdded: overlap.length / 2, duplicates: overlap.length / 2 });
    expect(await punchCount()).toBe(after + overlap.length / 2);

    // The same punches with another status code and spacing: other bytes, same punches.
    const reordered = attlog(overlap.map(([pin, at]) => `${pin}\t${at}\t1\t15`));
    const third = await commit(hr, 'minggu-2c.dat', reordered);
    expect(third).toMatchObject({ punchesAdded: 0, duplicates: overlap.length });
    expect(await punchCount()).toBe(after + overlap.length / 2);

    const history = (await hr.get('/api/attendance/imports?pageSize=100')).json();
    expect(history.items[0]).toMatchObject({ id: third.id, problems: [] });
    expect(history.items.map((x: AttendanceImport) => x.id)).toEqual(
      expect.arrayContaining([first.id, second.id, third.id]),
    );
  });

  it('takes a device log that is not in time order, counting a punch sent twice apart once', async () => {
    const pin = pinOf('u2', 3);
    const text = attlog([
      [pin, '2026-02-02 16:05:00'],
      [pinOf('u2', 2), '2026-02-02 07:20:00'],
      [pin, '2026-02-02 07:25:00'],
      [pin, '2026-02-02 12:01:00'],
      [pin, '2026-02-02 07:25:00'],
      [pin, '2026-02-02 06:59:59'],
    ]);
    const p = await preview(hr, 'mesin-acak.dat', text);
    expect(p).toMatchObject({ toAdd: 5, duplicatesInFile: 1, dateFrom: '2026-02-02', dateTo: '2026-02-02' });
    const done = await commit(hr, 'mesin-acak.dat', text);
    expect(done).toMatchObject({ status: 'committed', punchesAdded: 5 });
    const stored = await w.database.db
      .select({ time: attendancePunches.localTime })
      .from(attendancePunches)
      .where(
        and(
          eq(attendancePunches.regionId, w.a.id),
          eq(attendancePunches.civilServantId, w.a.people.u2[3]),
          eq(attendancePunches.day, '2026-02-02'),
        ),
      )
      .orderBy(attendancePunches.localTime);
    expect(stored.map((r) => r.time)).toEqual(['06:59:59', '07:25:00', '12:01:00', '16:05:00']);
  });

  it('resolves PINs by the device mapping first, then the region-wide one, then as an NIP', async () => {
    const nipAsPin = w.a.nips.u2[4];
    const text = attlog([
      ['777', '2026-01-19 07:30:00'],
      [nipAsPin, '2026-01-19 07:31:00'],
      [pinOf('u1', 1), '2026-01-19 07:32:00'],
      // The same person by their region-wide PIN at the same second: one punch.
      [pinOf('u2', 4), '2026-01-19 07:31:00'],
    ]);
    const unknown = await preview(hr, 'mesin-2.dat', text, '?device=Mesin%202');
    expect(unknown.unknown).toEqual([{ identifier: '777', punches: 1, firstLine: 1 }]);
    expect(unknown.sample.map((s) => s.nip)).toEqual([nipAsPin, w.a.nips.u1[1], nipAsPin]);
    expect(unknown).toMatchObject({ punchesRead: 4, duplicatesInFile: 1, toAdd: 2 });

    // PIN 777 on "Mesin 2" only; and PIN 102 on "Mesin 2" is someone else than on the other devices.
    for (const [pin, who] of [
      ['777', w.a.people.u2[0]],
      [pinOf('u1', 1), w.a.people.u2[1]],
    ] as const) {
      const res = await hr.put('/api/attendance/device-pins', {
        device: 'Mesin 2',
        pin,
        civilServantId: who,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const known = await preview(hr, 'mesin-2.dat', text, '?device=Mesin%202');
    expect(known).toMatchObject({ unknownPunches: 0, canCommit: true, device: 'Mesin 2' });
    expect(known.sample.map((s) => s.nip)).toEqual([w.a.nips.u2[0], nipAsPin, w.a.nips.u2[1], nipAsPin]);
    // Without the device, PIN 777 is unknown and 102 is unit 1's person.
    const other = await preview(hr, 'mesin-2.dat', text);
    expect(other.unknown.map((u) => u.identifier)).toEqual(['777']);
    expect(other.sample.map((s) => s.nip)).toEqual([nipAsPin, w.a.nips.u1[1], nipAsPin]);

    const done = await commit(hr, 'mesin-2.dat', text, '?device=Mesin%202');
    expect(done).toMatchObject({ status: 'committed', punchesAdded: 3, duplicates: 1, device: 'Mesin 2' });
    const rows = await w.database.db
      .select({ who: attendancePunches.civilServantId, device: attendancePunches.device })
      .from(attendancePunches)
      .where(eq(attendancePunches.importId, done.id));
    expect(rows.map((r) => r.who).sort()).toEqual(
      [w.a.people.u2[0], w.a.people.u2[4], w.a.people.u2[1]].sort(),
    );
    expect(rows.every((r) => r.device === 'Mesin 2')).toBe(true);
  });

  it('refuses what is not an attendance file with a 4xx', async () => {
    const pdf = await send(hr, '/api/attendance/imports/preview', 'absen.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.fields[0].path).toBe('file');
    const zip = await send(
      hr,
      '/api/attendance/imports/preview',
      'attlog.dat',
      Buffer.from('PK\x03\x04xxxx'),
    );
    expect(zip.statusCode).toBe(415);
    const empty = await send(hr, '/api/attendance/imports/preview', 'attlog.dat', '');
    expect(empty.statusCode).toBe(400);
    const blank = await send(hr, '/api/attendance/imports', 'attlog.dat', '\r\n\r\n');
    expect(blank.statusCode).toBe(400);
    const notMultipart = await hr.post('/api/attendance/imports/preview', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    const badFlag = await send(hr, '/api/attendance/imports?skipInvalid=ya', 'a.dat', 'x');
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().error.fields[0].path).toBe('querystring.skipInvalid');
  });
});

describe('CSV and XLSX exports with a confirmed column mapping', () => {
  const csvByNip = () =>
    [
      'No;NIP;Nama;Tanggal;Jam',
      `1;${w.a.nips.u1[2]};A;20/01/2026;07.42`,
      `2;${w.a.nips.u1[2]};A;20/01/2026;16:05:10`,
      `3;${w.a.nips.u2[2].replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, '$1 $2 $3 $4')};B;20/01/2026;07:29`,
      `4;1.98001E+17;C;20/01/2026;07:29`,
      `5;${w.a.nips.u2[3]};D;20/01/2026;17:01`,
      // Beyond the sample rows the suggestion reads (one impossible date there would void the format).
      `6;${w.a.nips.u2[2]};B;31/02/2026;07:29`,
    ].join('\r\n');

  it('first answers with the headers and a suggested mapping, then previews and imports with it', async () => {
    const first = await preview(hr, 'ekspor.csv', csvByNip());
    expect(first).toMatchObject({
      kind: 'csv',
      needsMapping: true,
      headers: ['no', 'nip', 'nama', 'tanggal', 'jam'],
      suggestedMapping: {
        pin: null,
        nip: 'nip',
        date: 'tanggal',
        time: 'jam',
        datetime: null,
        dateFormat: 'DD/MM/YYYY',
      },
      punchesRead: 0,
      canCommit: false,
    });
    expect(first.sampleRows[0]).toEqual(['1', w.a.nips.u1[2], 'A', '20/01/2026', '07.42']);
    const refused = await send(hr, '/api/attendance/imports', 'ekspor.csv', csvByNip());
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('pinColumn');

    const q = '?nipColumn=nip&dateColumn=tanggal&timeColumn=jam&dateFormat=DD%2FMM%2FYYYY';
    const p = await preview(hr, 'ekspor.csv', csvByNip(), q);
    expect(p).toMatchObject({
      needsMapping: false,
      identifier: 'nip',
      mapping: { nip: 'nip', date: 'tanggal', time: 'jam', dateFormat: 'DD/MM/YYYY' },
      rowsRead: 6,
      punchesRead: 4,
      problemLines: 2,
      toAdd: 4,
      civilServants: 3,
    });
    expect(p.problems).toEqual([
      {
        line: 5,
        reason:
          'NIP "1.98001E+17" terbaca sebagai angka berpangkat: format kolom NIP sebagai teks lalu ekspor ulang',
      },
      { line: 7, reason: 'Tanggal 2026-02-31 tidak ada di kalender' },
    ]);
    expect(p.sample.map((s) => s.localDateTime)).toEqual([
      '2026-01-20 07:42:00',
      '2026-01-20 16:05:10',
      '2026-01-20 07:29:00',
      '2026-01-20 17:01:00',
    ]);
    const done = await commit(hr, 'ekspor.csv', csvByNip(), `${q}&skipInvalid=true`);
    expect(done).toMatchObject({ kind: 'csv', status: 'committed', punchesAdded: 4, problemCount: 2 });
  });

  it('suggests a PIN and a date-time column from device headers, and reads XLSX text cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Absensi');
    ws.addRow(['AC-No.', 'Nama', 'Waktu']);
    ws.addRow([pinOf('u2', 3), 'X', '2026-01-21 07:15:00']);
    ws.addRow([pinOf('u2', 3), 'X', '2026-01-21 16:45:00']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await preview(hr, 'absen.xlsx', buf);
    expect(first.suggestedMapping).toMatchObject({
      pin: 'ac_no.',
      datetime: 'waktu',
      dateFormat: 'YYYY-MM-DD',
    });
    const q = '?pinColumn=ac_no.&datetimeColumn=waktu';
    const p = await preview(hr, 'absen.xlsx', buf, q);
    expect(p).toMatchObject({ kind: 'xlsx', punchesRead: 2, toAdd: 2, canCommit: true });
    const done = await commit(hr, 'absen.xlsx', buf, q);
    expect(done).toMatchObject({ kind: 'xlsx', punchesAdded: 2 });
  });
});

describe('all or nothing, progress and crash recovery', () => {
  const bigFile = () => attlog(weekPunches(allPins, [26, 27, 28, 29, 30]));

  it('a failure midway leaves no punch, marks the import failed, and the file can be imported again', async () => {
    const actor = await w.actorOf(hr);
    const importer = { regionId: actor.regionId, userId: actor.userId, fullName: actor.fullName };
    const before = await punchCount();
    const seen: number[] = [];
    const started = await imports.startImport(
      w.database,
      importer,
      { name: 'akhir-bulan.dat', data: Buffer.from(bigFile()) },
      {},
      {
        chunkSize: 7,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 21) throw new Error('listrik padam');
        },
      },
    );
    expect(started.created).toBe(true);
    await expect(started.done).rejects.toThrow('listrik padam');
    expect(seen).toEqual([0, 7, 14, 21]);
    const failed = await imports.getImport(w.database.db, w.a.id, started.import.id);
    expect(failed).toMatchObject({
      status: 'failed',
      failureMessage: 'Penyimpanan gagal; tidak ada catatan kehadiran yang disimpan',
    });
    expect(await punchCount(w.a.id, started.import.id)).toBe(0);
    expect(await punchCount()).toBe(before);
    const audit = await w.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.entityId, started.import.id)));
    expect(audit).toEqual([]);

    // The failed attempt does not block the file.
    const progress: number[] = [];
    const retry = await imports.startImport(
      w.database,
      importer,
      { name: 'akhir-bulan.dat', data: Buffer.from(bigFile()) },
      {},
      { chunkSize: 40, onProgress: (done, total) => progress.push(done / total) },
    );
    await retry.done;
    expect(retry.created).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    const ok = await imports.getImport(w.database.db, w.a.id, retry.import.id);
    expect(ok).toMatchObject({
      status: 'committed',
      punchesAdded: 100,
      progressDone: 100,
      progressTotal: 100,
    });
    expect(await punchCount()).toBe(before + 100);
  });

  it('an import left committing by a dead process stops blocking its file after a while', async () => {
    const text = attlog([[pinOf('u2', 0), '2026-01-22 07:00:00']]);
    const p = await preview(hr, 'yatim.dat', text);
    const [orphan] = await w.database.db
      .insert(attendanceImports)
      .values({
        regionId: w.a.id,
        kind: 'attlog',
        fileName: 'yatim.dat',
        fileSha256: p.fileSha256,
        status: 'committing',
        rowsRead: 1,
        punchesRead: 1,
        createdAt: new Date(Date.now() - 60 * 60_000),
      })
      .returning();
    const done = await commit(hr, 'yatim.dat', text);
    expect(done).toMatchObject({ status: 'committed', punchesAdded: 1 });
    expect(done.id).not.toBe(orphan.id);
    expect((await imports.getImport(w.database.db, w.a.id, orphan.id)).status).toBe('failed');
  });
});

describe('who may import', () => {
  it('HR and the region admin may; other roles are refused before the file is read', async () => {
    const text = attlog([[pinOf('u1', 3), '2026-01-23 07:00:00']]);
    expect((await send(admin, '/api/attendance/imports/preview', 'a.dat', text)).statusCode).toBe(200);
    for (const who of ['asn', 'kaopd1', 'operator1', 'verifikator', 'kepala', 'panelis', 'nasional']) {
      const c = await w.login(who);
      for (const url of ['/api/attendance/imports/preview', '/api/attendance/imports']) {
        const res = await send(c, url, 'a.dat', text);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
      }
      expect((await c.get('/api/attendance/imports')).statusCode).toBe(403);
    }
  });

  it('another region sees neither the imports nor the punches of this one, and maps its own PINs', async () => {
    const mine = (await hr.get('/api/attendance/imports?pageSize=1')).json().items[0] as AttendanceImport;
    const otherAdmin = await w.login('admin', { region: 'b' });
    expect((await otherAdmin.get(`/api/attendance/imports/${mine.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/attendance/imports')).json()).toMatchObject({ total: 0, items: [] });
    // Region B has the same NIPs (harness) but none of region A's PIN mappings.
    const text = attlog([
      [pinOf('u1', 0), '2026-01-05 07:20:00'],
      [w.b.nips.u1[0], '2026-01-05 07:21:00'],
    ]);
    const p = await preview(otherAdmin, 'b.dat', text);
    expect(p.unknown.map((u) => u.identifier)).toEqual([pinOf('u1', 0)]);
    // Region B runs on WIT (UTC+9): the same wall-clock time is another instant.
    await w.database.db.update(regions).set({ timezone: 'Asia/Jayapura' }).where(eq(regions.id, w.b.id));
    const done = await commit(otherAdmin, 'b.dat', text, '?skipInvalid=true');
    expect(done).toMatchObject({ punchesAdded: 1, problemCount: 1 });
    const [row] = await w.database.db
      .select()
      .from(attendancePunches)
      .where(eq(attendancePunches.importId, done.id));
    expect(row).toMatchObject({ regionId: w.b.id, civilServantId: w.b.people.u1[0], localTime: '07:21:00' });
    expect(row.at.toISOString()).toBe('2026-01-04T22:21:00.000Z');
    expect((await hr.get(`/api/attendance/imports/${done.id}`)).statusCode).toBe(404);
  });
});
