import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, civilServants } from '../../src/server/db/schema.js';
import { buildCivilServant } from '../../src/server/seed/factories.js';
import { rng } from '../../src/server/seed/random.js';
import { setupWorld, TODAY, type Client, type World } from '../support/harness.js';
import { multipart } from '../support/multipart.js';

let w: World;
let admin: Client;

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
});
afterAll(() => w.close());

const HEADER = 'nip;nama;pangkat_golongan;jabatan;kode_unit;jenis_kepegawaian;email;telepon';

function peopleCsv(seed: number, n: number, unitCode = '1.02.01') {
  const r = rng(seed);
  const people = Array.from({ length: n }, () => buildCivilServant(r, {}, TODAY));
  const unique = [...new Map(people.map((p) => [p.nip, p])).values()];
  const lines = unique.map((p) =>
    [p.nip, p.name, p.rankGrade, p.position, unitCode, p.employmentType, p.email ?? '', p.phone ?? ''].join(
      ';',
    ),
  );
  return { people: unique, lines };
}

async function upload(client: Client, kind: string, fileName: string, content: Buffer | string) {
  const { payload, headers } = multipart(fileName, content);
  return client.request('POST', `/api/imports/${kind}`, payload, headers);
}

async function commitAndWait(client: Client, id: string) {
  const res = await client.post(`/api/imports/batch/${id}/commit`);
  expect(res.statusCode).toBe(202);
  expect(res.json().status).toBe('committing');
  for (let i = 0; i < 200; i++) {
    const b = (await client.get(`/api/imports/batch/${id}`)).json();
    if (b.status !== 'committing') return b;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('commit did not finish');
}

async function countPeople(regionId: string) {
  const [r] = await w.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(civilServants)
    .where(eq(civilServants.regionId, regionId));
  return r.n;
}

describe('ASN import', () => {
  it('lists every bad row before anything is written, then imports the fixed file, then changes nothing on re-import', async () => {
    const { people, lines } = peopleCsv(101, 30);
    const bad = [...lines];
    bad[4] = bad[4].replace(/^\d{18}/, '1985031420100110'); // 16 digits, line 6 of the file
    bad[9] = bad[9].replace(';1.02.01;', ';9.99.99;'); // unknown unit, line 11
    const before = await countPeople(w.a.id);

    const rejected = await upload(admin, 'civil_servants', 'asn.csv', [HEADER, ...bad].join('\r\n'));
    expect(rejected.statusCode).toBe(201);
    const r1 = rejected.json();
    expect(r1.status).toBe('rejected');
    expect(r1.errorCount).toBe(2);
    expect(r1.errors).toEqual([
      { line: 6, column: 'nip', message: 'NIP harus 18 digit (terisi 16)' },
      { line: 11, column: 'kode_unit', message: 'Unit dengan kode 9.99.99 tidak ditemukan' },
    ]);
    expect(await countPeople(w.a.id)).toBe(before);
    const refused = await admin.post(`/api/imports/batch/${r1.id}/commit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('kesalahan');

    const fixed = [HEADER, ...lines].join('\r\n');
    const preview = (await upload(admin, 'civil_servants', 'asn.csv', fixed)).json();
    expect(preview).toMatchObject({
      status: 'previewed',
      totalRows: people.length,
      validRows: people.length,
      errorCount: 0,
      toCreate: people.length,
      toUpdate: 0,
      unchanged: 0,
    });
    expect(preview.sample[0]).toMatchObject({
      nip: people[0].nip,
      nama: people[0].name,
      kode_unit: '1.02.01',
    });
    expect(await countPeople(w.a.id)).toBe(before);

    const done = await commitAndWait(admin, preview.id);
    expect(done).toMatchObject({ status: 'committed', progressDone: people.length });
    expect(await countPeople(w.a.id)).toBe(before + people.length);

    const found = (await admin.get(`/api/civil-servants?q=${people[3].nip}`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({
      nip: people[3].nip,
      name: people[3].name,
      workUnitCode: '1.02.01',
      birthDate: expect.any(String),
    });

    const [entry] = await w.database.db
      .select()
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.regionId, w.a.id),
          eq(auditEntries.action, 'import.commit'),
          eq(auditEntries.entityId, preview.id),
        ),
      );
    expect(entry.summary).toContain(`${people.length} baru`);

    // Same file again: nothing to create or update, and committing it touches no row.
    const again = (await upload(admin, 'civil_servants', 'asn.csv', fixed)).json();
    expect(again).toMatchObject({ status: 'previewed', toCreate: 0, toUpdate: 0, unchanged: people.length });
    await commitAndWait(admin, again.id);
    const versions = await w.database.db
      .select({ v: civilServants.version })
      .from(civilServants)
      .where(
        and(eq(civilServants.regionId, w.a.id), sql`${civilServants.nip} in ${people.map((p) => p.nip)}`),
      );
    expect(versions.every((x) => x.v === 1)).toBe(true);
    expect(await countPeople(w.a.id)).toBe(before + people.length);
  });

  it('updates only the rows that changed', async () => {
    const { people, lines } = peopleCsv(202, 5);
    const first = (await upload(admin, 'civil_servants', 'a.csv', [HEADER, ...lines].join('\n'))).json();
    await commitAndWait(admin, first.id);
    const changed = [...lines];
    changed[2] = changed[2].replace(`;${people[2].name};`, ';Nama Baru;');
    const second = (await upload(admin, 'civil_servants', 'a.csv', [HEADER, ...changed].join('\n'))).json();
    expect(second).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 4 });
    await commitAndWait(admin, second.id);
    const res = (await admin.get(`/api/civil-servants?q=${people[2].nip}`)).json();
    expect(res.items[0]).toMatchObject({ name: 'Nama Baru', version: 2 });
  });

  it('re-validates at commit: a unit deactivated after the preview fails the whole import and writes nothing', async () => {
    const unit = (
      await admin.post('/api/work-units', { code: '8.08.08', name: 'Unit Sementara', kind: 'badan' })
    ).json();
    const { lines } = peopleCsv(303, 12, '8.08.08');
    const preview = (await upload(admin, 'civil_servants', 'b.csv', [HEADER, ...lines].join('\n'))).json();
    expect(preview.status).toBe('previewed');
    const off = await admin.post(`/api/work-units/${unit.id}/deactivate`, { version: unit.version });
    expect(off.statusCode).toBe(200);
    const before = await countPeople(w.a.id);
    const done = await commitAndWait(admin, preview.id);
    expect(done.status).toBe('failed');
    expect(await countPeople(w.a.id)).toBe(before);
  });

  it('reads XLSX files, including NIPs stored as text', async () => {
    const { people } = peopleCsv(404, 3);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ASN');
    ws.addRow(HEADER.split(';'));
    for (const p of people)
      ws.addRow([
        p.nip,
        p.name,
        p.rankGrade,
        p.position,
        '1.01.01',
        p.employmentType,
        p.email ?? '',
        p.phone ?? '',
      ]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = (await upload(admin, 'civil_servants', 'asn.xlsx', buf)).json();
    expect(preview).toMatchObject({ status: 'previewed', toCreate: 3, errorCount: 0 });
    expect((await commitAndWait(admin, preview.id)).status).toBe('committed');
  });

  it('imports 10,000 ASN rows in one batch', async () => {
    const { people, lines } = peopleCsv(505, 10_000, '1.01.01');
    const before = await countPeople(w.a.id);
    const preview = (await upload(admin, 'civil_servants', 'kota.csv', [HEADER, ...lines].join('\n'))).json();
    expect(preview).toMatchObject({ status: 'previewed', errorCount: 0 });
    // A few generated people may already exist from earlier tests with other seeds; all rows are valid.
    expect(preview.validRows).toBe(people.length);
    const done = await commitAndWait(admin, preview.id);
    expect(done.status).toBe('committed');
    expect(await countPeople(w.a.id)).toBe(before + preview.toCreate);
  }, 120_000);

  it('refuses files that are not CSV or XLSX, empty files and oversize files with a 4xx', async () => {
    const pdf = await upload(admin, 'civil_servants', 'asn.pdf', Buffer.from('%PDF-1.4 test'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.fields[0].path).toBe('file');
    const fake = await upload(admin, 'civil_servants', 'asn.xlsx', 'nip;nama\n1;2');
    expect(fake.statusCode).toBe(415);
    const empty = await upload(admin, 'civil_servants', 'asn.csv', '');
    expect(empty.statusCode).toBe(400);
    const headerOnly = (await upload(admin, 'civil_servants', 'asn.csv', 'nama;jabatan\nA;B')).json();
    expect(headerOnly.status).toBe('rejected');
    expect(headerOnly.errors[0]).toEqual({
      line: 1,
      column: 'nip',
      message: 'Kolom "nip" tidak ada pada baris judul',
    });
    const notMultipart = await admin.post('/api/imports/civil_servants', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('answers 413 for a file over the upload limit', async () => {
    const small = await setupWorld({ UPLOAD_MAX_MB: 1 });
    try {
      const a = await small.login('admin');
      const big = await upload(a, 'civil_servants', 'big.csv', `${HEADER}\n${'x'.repeat(1024 * 1024 + 10)}`);
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('lets HR import, offers templates, and keeps a history', async () => {
    const hr = await w.login('bkpsdm');
    const t = await hr.get('/api/imports/civil_servants/template.csv');
    expect(t.statusCode).toBe(200);
    expect(t.headers['content-disposition']).toContain('attachment');
    expect(t.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'nip,nama,pangkat_golongan,jabatan,kode_unit,jenis_kepegawaian,email,telepon',
    );
    const history = (await hr.get('/api/imports?pageSize=100')).json();
    expect(history.total).toBeGreaterThan(5);
    expect(history.items[0]).toMatchObject({ kind: expect.any(String), createdByName: expect.any(String) });
  });
});

describe('work unit import', () => {
  it('creates units, then sets heads from ASN of that unit', async () => {
    const csv = [
      'kode,nama,jenis,nip_kepala',
      '4.01.01,Badan Satu,badan,',
      '7.02.01,Kecamatan Dua,kecamatan,',
    ].join('\n');
    const p1 = (await upload(admin, 'work_units', 'opd.csv', csv)).json();
    expect(p1).toMatchObject({ status: 'previewed', toCreate: 2 });
    await commitAndWait(admin, p1.id);

    const headNip = w.a.nips.u1[0];
    const wrongHead = ['kode,nama,jenis,nip_kepala', `4.01.01,Badan Satu,badan,${headNip}`].join('\n');
    const p2 = (await upload(admin, 'work_units', 'opd.csv', wrongHead)).json();
    expect(p2.errors).toEqual([
      { line: 2, column: 'nip_kepala', message: `ASN dengan NIP ${headNip} bukan pegawai unit 4.01.01` },
    ]);

    const withHead = ['kode,nama,jenis,nip_kepala', `1.01.01,Dinas Satu Kota Uji,dinas,${headNip}`].join(
      '\n',
    );
    const p3 = (await upload(admin, 'work_units', 'opd.csv', withHead)).json();
    expect(p3).toMatchObject({ status: 'previewed', toUpdate: 1 });
    await commitAndWait(admin, p3.id);
    const unit = (await admin.get(`/api/work-units/${w.a.units.u1}`)).json();
    expect(unit.headCivilServantId).toBe(w.a.people.u1[0]);
  });
});

describe('excuse import (leave, sick days, official travel)', () => {
  const header = 'nip;jenis;mulai;selesai;catatan';
  const excusesOf = async (hr: Client, id: string) =>
    (await hr.get(`/api/attendance/excuses?civilServantId=${id}&pageSize=50`)).json() as {
      total: number;
      items: { kind: string; start: string; end: string; note: string | null }[];
    };

  it('lists the bad rows first, imports the fixed file whole, and adds nothing when it comes again', async () => {
    const hr = await w.login('bkpsdm');
    const [a, b] = [w.a.nips.u1[3], w.a.nips.u2[1]];
    const [aId, bId] = [w.a.people.u1[3], w.a.people.u2[1]];
    const bad = await upload(
      hr,
      'excuses',
      'izin-oktober.csv',
      [
        header,
        `${a};cuti;2026-10-05;2026-10-07;Cuti tahunan`,
        `199912312020121001;sakit;2026-10-05;2026-10-05;`,
        `${b};libur;12/10/2026;13/10/2026;`,
        `${b};dinas luar;20/10/2026;21/10/2026;Rapat koordinasi`,
      ].join('\n'),
    );
    expect(bad.statusCode, bad.body).toBe(201);
    expect(bad.json()).toMatchObject({ kind: 'excuses', status: 'rejected', errorCount: 2 });
    expect(bad.json().errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, 'nip'],
      [4, 'jenis'],
    ]);
    expect((await excusesOf(hr, aId)).total).toBe(0);

    const good = [
      header,
      `${a};cuti;2026-10-05;2026-10-07;Cuti tahunan`,
      `${b};dinas luar;20/10/2026;21/10/2026;Rapat koordinasi`,
    ].join('\n');
    const preview = (await upload(hr, 'excuses', 'izin-oktober.csv', good)).json();
    expect(preview).toMatchObject({ status: 'previewed', validRows: 2, toCreate: 2, unchanged: 0 });
    expect(preview.sample[1]).toMatchObject({ nip: b, jenis: 'Dinas luar', mulai: '2026-10-20' });
    const done = await commitAndWait(hr, preview.id);
    expect(done.status).toBe('committed');
    expect((await excusesOf(hr, aId)).items).toEqual([
      expect.objectContaining({
        kind: 'leave',
        start: '2026-10-05',
        end: '2026-10-07',
        note: 'Cuti tahunan',
      }),
    ]);
    expect((await excusesOf(hr, bId)).items).toEqual([
      expect.objectContaining({ kind: 'official_travel', start: '2026-10-20', end: '2026-10-21' }),
    ]);
    const [trail] = await w.database.db
      .select({ summary: auditEntries.summary })
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.regionId, w.a.id),
          eq(auditEntries.entityId, preview.id),
          eq(auditEntries.action, 'import.commit'),
        ),
      );
    expect(trail.summary).toContain('Impor izin dan cuti ASN dari izin-oktober.csv: 2 baru');

    // The same file again: both rows are stored as they are.
    const again = (await upload(hr, 'excuses', 'izin-oktober.csv', good)).json();
    expect(again).toMatchObject({ status: 'previewed', toCreate: 0, unchanged: 2 });
    expect((await commitAndWait(hr, again.id)).status).toBe('committed');
    expect((await excusesOf(hr, aId)).total).toBe(1);
    expect((await excusesOf(hr, bId)).total).toBe(1);

    // A row that overlaps a stored excuse of the ASN is refused with the stored one named.
    const clash = (
      await upload(
        hr,
        'excuses',
        'izin-susulan.csv',
        [header, `${a};sakit;2026-10-07;2026-10-08;`].join('\n'),
      )
    ).json();
    expect(clash).toMatchObject({ status: 'rejected', errorCount: 1 });
    expect(clash.errors[0].message).toBe(
      'Tumpang tindih dengan keterangan cuti 5 Oktober 2026 s.d. 7 Oktober 2026 yang sudah tercatat',
    );
    const template = await hr.get('/api/imports/excuses/template.csv');
    expect(template.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('nip,jenis,mulai,selesai,catatan');
    const operator = await w.login('operator1');
    expect((await upload(operator, 'excuses', 'izin.csv', good)).statusCode).toBe(403);
  });
});
