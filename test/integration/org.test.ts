import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let admin: Client;
beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
});
afterAll(() => w.close());

describe('work units', () => {
  it('creates, edits, deactivates and reactivates a unit with optimistic locking', async () => {
    const created = await admin.post('/api/work-units', {
      code: '3.03.01',
      name: 'Dinas Tiga',
      kind: 'dinas',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({
      code: '3.03.01',
      name: 'Dinas Tiga',
      active: true,
      version: 1,
      civilServantCount: 0,
      headName: null,
    });

    const dup = await admin.post('/api/work-units', { code: '3.03.01', name: 'Lain', kind: 'dinas' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields).toEqual([{ path: 'code', message: 'Kode unit 3.03.01 sudah dipakai' }]);

    const edit = await admin.put(`/api/work-units/${unit.id}`, {
      code: '3.03.01',
      name: 'Dinas Tiga Baru',
      kind: 'badan',
      version: 1,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ name: 'Dinas Tiga Baru', kind: 'badan', version: 2 });

    const stale = await admin.put(`/api/work-units/${unit.id}`, {
      code: '3.03.01',
      name: 'Basi',
      kind: 'badan',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const off = await admin.post(`/api/work-units/${unit.id}/deactivate`, { version: 2 });
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    const activeList = (await admin.get('/api/work-units?q=Tiga')).json();
    expect(activeList.total).toBe(0);
    const all = (await admin.get('/api/work-units?q=Tiga&active=all')).json();
    expect(all.items.map((u: { id: string }) => u.id)).toEqual([unit.id]);
    const on = await admin.post(`/api/work-units/${unit.id}/activate`, { version: 3 });
    expect(on.json()).toMatchObject({ active: true, version: 4 });
  });

  it('of two parallel edits with the same version exactly one wins', async () => {
    const unit = (
      await admin.post('/api/work-units', { code: '3.04.01', name: 'Dinas Empat', kind: 'dinas' })
    ).json();
    const [a, b] = await Promise.all([
      admin.put(`/api/work-units/${unit.id}`, {
        code: '3.04.01',
        name: 'Versi A',
        kind: 'dinas',
        version: 1,
      }),
      admin.put(`/api/work-units/${unit.id}`, {
        code: '3.04.01',
        name: 'Versi B',
        kind: 'dinas',
        version: 1,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('sets a head only from the unit’s own active ASN', async () => {
    const u1 = (await admin.get(`/api/work-units/${w.a.units.u1}`)).json();
    const foreign = await admin.put(`/api/work-units/${u1.id}`, {
      code: u1.code,
      name: u1.name,
      kind: u1.kind,
      headCivilServantId: w.a.people.u2[0],
      version: u1.version,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0]).toEqual({
      path: 'headCivilServantId',
      message: 'Kepala unit harus ASN pada unit ini',
    });
    const ok = await admin.put(`/api/work-units/${u1.id}`, {
      code: u1.code,
      name: u1.name,
      kind: u1.kind,
      headCivilServantId: w.a.people.u1[1],
      version: u1.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().headName).toEqual(expect.any(String));
    expect(ok.json().civilServantCount).toBe(5);
  });

  it('searches, filters by kind, sorts and paginates', async () => {
    for (let i = 0; i < 25; i++) {
      const r = await admin.post('/api/work-units', {
        code: `7.50.${String(i).padStart(2, '0')}`,
        name: `Kelurahan Uji ${i}`,
        kind: 'kecamatan',
      });
      expect(r.statusCode).toBe(201);
    }
    const p1 = (await admin.get('/api/work-units?kind=kecamatan&pageSize=10&page=1&sort=code')).json();
    const p3 = (await admin.get('/api/work-units?kind=kecamatan&pageSize=10&page=3&sort=code')).json();
    expect(p1.total).toBe(25);
    expect(p1.items).toHaveLength(10);
    expect(p3.items).toHaveLength(5);
    expect(p1.items[0].code).toBe('7.50.00');
    expect(p3.items[4].code).toBe('7.50.24');
    const q = (await admin.get('/api/work-units?q=uji%2012')).json();
    expect(q.items.map((u: { name: string }) => u.name)).toEqual(['Kelurahan Uji 12']);
    // LIKE wildcards are literal characters in a search.
    expect((await admin.get('/api/work-units?q=%25')).json().total).toBe(0);
  });

  it.each([
    [{ code: '', name: 'X', kind: 'dinas' }, 'code', 'Kode unit wajib diisi'],
    [
      { code: 'a b', name: 'X', kind: 'dinas' },
      'code',
      'Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung',
    ],
    [{ code: '1', name: '   ', kind: 'dinas' }, 'name', 'Nama unit wajib diisi'],
    [{ code: '1', name: 'X'.repeat(201), kind: 'dinas' }, 'name', 'Nama unit paling banyak 200 karakter'],
    [{ code: '1', name: 'X', kind: 'kelurahan' }, 'kind', 'Jenis unit tidak dikenal'],
    [{ code: 5, name: 'X', kind: 'dinas' }, 'code', 'Kode unit wajib diisi'],
  ])('refuses bad input %j with the field and an Indonesian message', async (body, path, message) => {
    const res = await admin.post('/api/work-units', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toContainEqual({ path, message });
  });

  it('answers 400, not 500, for malformed ids, JSON and query values', async () => {
    expect((await admin.get('/api/work-units/bukan-uuid')).statusCode).toBe(400);
    expect((await admin.get('/api/work-units?page=-1')).statusCode).toBe(400);
    expect((await admin.get('/api/work-units?pageSize=100000')).statusCode).toBe(400);
    expect((await admin.get('/api/work-units?sort=password_hash')).statusCode).toBe(400);
    const bad = await admin.request('POST', '/api/work-units', '{"code":', {
      'content-type': 'application/json',
    });
    expect(bad.statusCode).toBe(400);
    const nul = await admin.post('/api/work-units', { code: 'N1', name: 'Nama\u0000Nul', kind: 'dinas' });
    expect(nul.statusCode).toBe(400);
  });
});

describe('civil servants (ASN)', () => {
  const nip = '199204172019032011';
  it('creates an ASN with birth date and sex taken from the NIP, finds it by NIP and name', async () => {
    const res = await admin.post('/api/civil-servants', {
      nip,
      name: 'Dewi Kartika',
      workUnitId: w.a.units.u1,
      employmentType: 'PNS',
      rankGrade: 'Penata Muda (III/a)',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      nip,
      birthDate: '1992-04-17',
      sex: 'female',
      workUnitCode: '1.01.01',
      version: 1,
    });
    expect((await admin.get(`/api/civil-servants?q=${nip}`)).json().items[0].name).toBe('Dewi Kartika');
    expect(
      (await admin.get('/api/civil-servants?q=kartika')).json().items.map((c: { nip: string }) => c.nip),
    ).toContain(nip);
    expect((await admin.get(`/api/civil-servants?q=1992 0417`)).json().total).toBeGreaterThanOrEqual(1);
  });

  it('refuses a duplicate or implausible NIP with the reason', async () => {
    const dup = await admin.post('/api/civil-servants', {
      nip,
      name: 'Lain',
      workUnitId: w.a.units.u1,
      employmentType: 'PNS',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields).toEqual([{ path: 'nip', message: `NIP ${nip} sudah terdaftar` }]);
    const bad = await admin.post('/api/civil-servants', {
      nip: '199204172019033011',
      name: 'X',
      workUnitId: w.a.units.u1,
      employmentType: 'PNS',
    });
    expect(bad.json().error.fields).toEqual([
      { path: 'nip', message: 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2' },
    ]);
    const unit = await admin.post('/api/civil-servants', {
      nip: '199204172019031011',
      name: 'X',
      workUnitId: w.b.units.u1,
      employmentType: 'PNS',
    });
    expect(unit.json().error.fields).toEqual([{ path: 'workUnitId', message: 'Unit kerja tidak ditemukan' }]);
  });

  it('edits with version checks and filters by unit and employment type', async () => {
    const list = (await admin.get(`/api/civil-servants?workUnitId=${w.a.units.u2}`)).json();
    expect(list.total).toBe(5);
    const one = list.items[0];
    const res = await admin.put(`/api/civil-servants/${one.id}`, {
      nip: one.nip,
      name: 'Nama Diubah',
      workUnitId: w.a.units.u2,
      employmentType: 'PPPK',
      rankGrade: 'Golongan IX',
      position: null,
      email: null,
      phone: null,
      active: true,
      version: one.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Nama Diubah',
      employmentType: 'PPPK',
      version: one.version + 1,
    });
    const pppk = (
      await admin.get(`/api/civil-servants?workUnitId=${w.a.units.u2}&employmentType=PPPK`)
    ).json();
    expect(pppk.items.map((c: { id: string }) => c.id)).toContain(one.id);
    const stale = await admin.put(`/api/civil-servants/${one.id}`, {
      nip: one.nip,
      name: 'Basi',
      workUnitId: w.a.units.u2,
      employmentType: 'PNS',
      active: true,
      version: one.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('shows an OPD head only their own unit', async () => {
    const head = await w.login('kaopd1');
    const list = (await head.get('/api/civil-servants?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((c: { workUnitId: string }) => c.workUnitId))).toEqual(
      new Set([w.a.units.u1]),
    );
    expect((await head.get(`/api/civil-servants/${w.a.people.u2[0]}`)).statusCode).toBe(404);
    expect((await head.get(`/api/civil-servants/${w.a.people.u1[0]}`)).statusCode).toBe(200);
  });
});

describe('region profile and missions', () => {
  it('edits the profile with version checks', async () => {
    const r = (await admin.get('/api/region')).json();
    expect(r).toMatchObject({ slug: 'kota-uji', kind: 'kota', timezone: 'Asia/Jakarta' });
    const res = await admin.put('/api/region', {
      name: 'Pemerintah Kota Uji',
      kind: 'kota',
      timezone: 'Asia/Makassar',
      headTitle: 'Wali Kota',
      version: r.version,
    });
    expect(res.json()).toMatchObject({
      name: 'Pemerintah Kota Uji',
      timezone: 'Asia/Makassar',
      version: r.version + 1,
    });
    const bad = await admin.put('/api/region', {
      name: 'X',
      kind: 'negara',
      timezone: 'Europe/Paris',
      headTitle: 'X',
      version: r.version + 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['kind', 'timezone']);
  });

  it('manages missions, goals and targets as a tree', async () => {
    const m = await admin.post('/api/missions', {
      termStart: 2026,
      termEnd: 2030,
      number: 1,
      title: 'Misi pendidikan dan kesehatan',
    });
    expect(m.statusCode).toBe(201);
    const mission = m.json();
    const g = (
      await admin.post(`/api/missions/${mission.id}/goals`, {
        number: 1,
        title: 'Meningkatkan derajat kesehatan',
      })
    ).json();
    const t = await admin.post(`/api/goals/${g.id}/targets`, {
      number: 1,
      title: 'Menurunnya angka kematian ibu',
    });
    expect(t.statusCode).toBe(201);
    const tree = (await admin.get('/api/missions')).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].goals[0].targets[0].title).toBe('Menurunnya angka kematian ibu');

    const wrongTerm = await admin.post('/api/missions', {
      termStart: 2030,
      termEnd: 2026,
      number: 2,
      title: 'X',
    });
    expect(wrongTerm.json().error.fields).toContainEqual({
      path: 'termEnd',
      message: 'Tahun akhir periode tidak boleh sebelum tahun awal',
    });
    const dupNumber = await admin.post('/api/missions', {
      termStart: 2026,
      termEnd: 2030,
      number: 1,
      title: 'Ganda',
    });
    expect(dupNumber.statusCode).toBe(409);

    const staleDelete = await admin.delete(`/api/missions/${mission.id}`, { version: mission.version + 5 });
    expect(staleDelete.statusCode).toBe(409);
    const del = await admin.delete(`/api/missions/${mission.id}`, { version: mission.version });
    expect(del.statusCode).toBe(200);
    expect((await admin.get('/api/missions')).json()).toEqual([]);
  });

  it('lets every signed-in user read missions but only the admin change them', async () => {
    const op = await w.login('operator1');
    expect((await op.get('/api/missions')).statusCode).toBe(200);
    const res = await op.post('/api/missions', { termStart: 2026, termEnd: 2030, number: 3, title: 'X' });
    expect(res.statusCode).toBe(403);
  });
});

describe('users', () => {
  it('creates a user with a unit-scoped role, who can then log in', async () => {
    const missingUnit = await admin.post('/api/users', {
      username: 'op2',
      fullName: 'Operator Dua',
      password: 'kalimat sandi panjang sekali',
      roles: [{ role: 'opd_operator' }],
    });
    expect(missingUnit.json().error.fields).toEqual([
      { path: 'roles.0.workUnitId', message: 'Peran ini wajib dibatasi pada satu unit kerja' },
    ]);
    const foreignUnit = await admin.post('/api/users', {
      username: 'op2',
      fullName: 'Operator Dua',
      password: 'kalimat sandi panjang sekali',
      roles: [{ role: 'opd_operator', workUnitId: w.b.units.u2 }],
    });
    expect(foreignUnit.json().error.fields).toEqual([
      { path: 'roles.0.workUnitId', message: 'Unit kerja tidak ditemukan atau nonaktif' },
    ]);
    const res = await admin.post('/api/users', {
      username: 'Op2',
      fullName: 'Operator Dua',
      password: 'kalimat sandi panjang sekali',
      roles: [{ role: 'opd_operator', workUnitId: w.a.units.u2 }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'op2',
      active: true,
      roles: [{ role: 'opd_operator', workUnitId: w.a.units.u2, workUnitName: expect.any(String) }],
    });
    const op = await w.login('op2', { password: 'kalimat sandi panjang sekali' });
    const me = (await op.get('/api/auth/me')).json();
    expect(me.user.roles).toEqual([
      { role: 'opd_operator', workUnitId: w.a.units.u2, workUnitName: expect.any(String) },
    ]);
    const people = (await op.get('/api/civil-servants')).json();
    expect(new Set(people.items.map((c: { workUnitId: string }) => c.workUnitId))).toEqual(
      new Set([w.a.units.u2]),
    );
  });

  it('changes roles, which take effect on the next request', async () => {
    const u = (await admin.get('/api/users?q=op2')).json().items[0];
    const op = await w.login('op2', { password: 'kalimat sandi panjang sekali' });
    expect((await op.get('/api/users')).statusCode).toBe(403);
    const res = await admin.put(`/api/users/${u.id}`, {
      fullName: u.fullName,
      roles: [{ role: 'hr_officer' }],
      version: u.version,
    });
    expect(res.statusCode).toBe(200);
    expect((await op.get('/api/civil-servants')).json().total).toBeGreaterThan(5);
    expect(
      (await admin.get('/api/users?role=hr_officer'))
        .json()
        .items.map((x: { username: string }) => x.username),
    ).toEqual(['bkpsdm', 'op2']);
  });
});
