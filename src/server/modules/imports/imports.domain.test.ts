import { describe, expect, it } from 'vitest';
import {
  dayCell,
  mapColumns,
  validateCivilServants,
  validateExcuses,
  validateWorkUnits,
  type RawTable,
} from './imports.domain.js';

const today = new Date('2026-11-28T00:00:00Z');
const csHeaders = [
  'nip',
  'nama',
  'pangkat_golongan',
  'jabatan',
  'kode_unit',
  'jenis_kepegawaian',
  'email',
  'telepon',
];
const table = (headers: string[], rows: string[][]): RawTable => ({
  headers,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const units = new Map([
  ['1.01.01', { active: true }],
  ['9.99.99', { active: false }],
]);

describe('mapColumns', () => {
  it('finds columns by Indonesian header or English alias and lists missing required ones', () => {
    expect(mapColumns('work_units', ['code', 'nama', 'jenis']).map).toEqual({ code: 0, name: 1, kind: 2 });
    const r = mapColumns('civil_servants', ['nama']);
    expect(r.errors.map((e) => e.column)).toEqual(['nip', 'kode_unit', 'jenis_kepegawaian']);
    expect(r.errors[0]).toEqual({
      line: 1,
      column: 'nip',
      message: 'Kolom "nip" tidak ada pada baris judul',
    });
  });
});

describe('validateCivilServants', () => {
  const good = [
    '198503142010011002',
    'Sri Lestari',
    'Penata (III/c)',
    'Analis',
    '1.01.01',
    'PNS',
    'sri@contoh.go.id',
    '081234567890',
  ];

  it('accepts a good row and counts it as new', () => {
    const r = validateCivilServants(table(csHeaders, [good]), new Map(), units, today);
    expect(r.errors).toEqual([]);
    expect(r.valid).toHaveLength(1);
    expect(r.valid[0]).toMatchObject({
      nip: '198503142010011002',
      workUnitCode: '1.01.01',
      employmentType: 'PNS',
      line: 2,
    });
    expect([r.toCreate, r.toUpdate, r.unchanged]).toEqual([1, 0, 0]);
  });

  it('reports every bad row with line, column and reason', () => {
    const rows = [
      good,
      ['19850314201001100', 'A', '', '', '1.01.01', 'PNS', '', ''],
      ['198503142010011003', '', '', '', '2.02.02', 'honorer', 'bukan-email', '12'],
      ['198503142010011004', 'B', '', '', '9.99.99', 'pppk', '', ''],
      ['198503142010011002', 'Ganda', '', '', '1.01.01', 'PNS', '', ''],
    ];
    const r = validateCivilServants(table(csHeaders, rows), new Map(), units, today);
    expect(r.errors).toEqual([
      { line: 3, column: 'nip', message: 'NIP harus 18 digit (terisi 17)' },
      { line: 4, column: 'nama', message: 'Nama wajib diisi' },
      { line: 4, column: 'kode_unit', message: 'Unit dengan kode 2.02.02 tidak ditemukan' },
      { line: 4, column: 'jenis_kepegawaian', message: 'Jenis kepegawaian harus PNS atau PPPK' },
      { line: 4, column: 'email', message: 'Alamat email tidak valid' },
      { line: 4, column: 'telepon', message: 'Nomor telepon tidak valid' },
      { line: 5, column: 'kode_unit', message: 'Unit 9.99.99 sudah dinonaktifkan' },
      { line: 6, column: 'nip', message: 'NIP 198503142010011002 sudah muncul di baris 2' },
    ]);
    expect(r.valid.map((v) => v.line)).toEqual([2]);
  });

  it('normalises PPPK spelling and a leading apostrophe on the NIP (Excel text marker)', () => {
    const r = validateCivilServants(
      table(csHeaders, [["'198503142010011002", 'X', '', '', '1.01.01', 'p3k', '', '']]),
      new Map(),
      units,
      today,
    );
    expect(r.errors).toEqual([]);
    expect(r.valid[0]).toMatchObject({ nip: '198503142010011002', employmentType: 'PPPK' });
  });

  it('tells unchanged rows from updates against what exists', () => {
    const existing = new Map([
      [
        '198503142010011002',
        {
          name: 'Sri Lestari',
          rankGrade: 'Penata (III/c)',
          position: 'Analis',
          workUnitCode: '1.01.01',
          employmentType: 'PNS',
          email: 'sri@contoh.go.id',
          phone: '081234567890',
        },
      ],
    ]);
    const same = validateCivilServants(table(csHeaders, [good]), existing, units, today);
    expect([same.toCreate, same.toUpdate, same.unchanged]).toEqual([0, 0, 1]);
    const moved = validateCivilServants(
      table(csHeaders, [[...good.slice(0, 3), 'Kepala Seksi', ...good.slice(4)]]),
      existing,
      units,
      today,
    );
    expect([moved.toCreate, moved.toUpdate, moved.unchanged]).toEqual([0, 1, 0]);
  });
});

describe('validateWorkUnits', () => {
  const headers = ['kode', 'nama', 'jenis', 'nip_kepala'];
  it('checks code format, duplicates, kind and the head', () => {
    const people = new Map([['198503142010011002', '1.01.01']]);
    const r = validateWorkUnits(
      table(headers, [
        ['1.01.01', 'Dinas Satu', 'Dinas', '198503142010011002'],
        ['1.02.01', 'Dinas Dua', 'dinas', '198503142010011002'],
        ['1.01.01', 'Lagi', 'dinas', ''],
        ['bad code!', 'X', 'kelurahan', '199001012015032001'],
        ['7.01.01', 'Kecamatan Satu', 'Kec', ''],
      ]),
      new Map([['1.01.01', { name: 'Dinas Satu', kind: 'dinas', headNip: null }]]),
      people,
    );
    expect(r.errors).toEqual([
      {
        line: 3,
        column: 'nip_kepala',
        message: 'ASN dengan NIP 198503142010011002 bukan pegawai unit 1.02.01',
      },
      { line: 4, column: 'kode', message: 'Kode 1.01.01 sudah muncul di baris 2' },
      {
        line: 5,
        column: 'kode',
        message: 'Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung',
      },
      { line: 5, column: 'jenis', message: expect.stringContaining('Jenis unit "kelurahan" tidak dikenal') },
      { line: 5, column: 'nip_kepala', message: 'NIP kepala 199001012015032001 belum terdaftar sebagai ASN' },
    ]);
    expect(r.valid.map((v) => [v.code, v.kind])).toEqual([
      ['1.01.01', 'dinas'],
      ['7.01.01', 'kecamatan'],
    ]);
    // 1.01.01 gets a head (update), 7.01.01 is new.
    expect([r.toCreate, r.toUpdate, r.unchanged]).toEqual([1, 1, 0]);
  });
});

describe('validateExcuses', () => {
  const headers = ['nip', 'jenis', 'mulai', 'selesai', 'catatan'];
  const servants = new Map([
    ['198503142010011002', 'asn-1'],
    ['199001012015032001', 'asn-2'],
  ]);
  const stored = new Map([['asn-1', [{ kind: 'sick', start: '2026-10-05', end: '2026-10-06' }]]]);

  it('reads dates written day first and as XLSX gives them', () => {
    expect(dayCell('2026-10-05')).toBe('2026-10-05');
    expect(dayCell('5/10/2026')).toBe('2026-10-05');
    expect(dayCell('05-10-2026')).toBe('2026-10-05');
    expect(dayCell('10/2026')).toBeNull();
    expect(dayCell('')).toBeNull();
  });

  it('lists every bad row with its line and column; a row already stored as it is stays unchanged', () => {
    const r = validateExcuses(
      table(headers, [
        ['198503142010011002', 'Sakit', '2026-10-05', '2026-10-06', ''],
        ['198503142010011002', 'cuti', '06/10/2026', '07/10/2026', ''],
        ['199001012015032001', 'Dinas Luar', '12/10/2026', '13/10/2026', 'Rapat koordinasi'],
        ['199001012015032001', 'cuti', '2026-10-13', '2026-10-14', ''],
        ['199912312020121001', 'cuti', '2026-10-01', '2026-10-01', ''],
        ['199001012015032001', 'libur', '2026-10-20', '2026-10-19', ''],
        ['199001012015032001', 'DL', '2026-11-02', '31/11/2026', ''],
        ['199001012015032001', 'cuti', '2026-12-01', '2026-12-03', 'Cuti tahunan'],
      ]),
      servants,
      stored,
    );
    expect(r.errors).toEqual([
      {
        line: 3,
        column: 'mulai',
        message:
          'Tumpang tindih dengan keterangan sakit 5 Oktober 2026 s.d. 6 Oktober 2026 yang sudah tercatat',
      },
      { line: 5, column: 'mulai', message: 'Tumpang tindih dengan baris 4 untuk NIP yang sama' },
      { line: 6, column: 'nip', message: 'NIP 199912312020121001 tidak terdaftar sebagai ASN daerah ini' },
      { line: 7, column: 'jenis', message: 'Jenis "libur" tidak dikenal (cuti, sakit, atau dinas luar)' },
      { line: 8, column: 'selesai', message: expect.stringContaining('Tanggal selesai tidak valid') },
    ]);
    expect(r.valid.map((v) => [v.line, v.kind, v.start, v.end, v.stored])).toEqual([
      [2, 'sick', '2026-10-05', '2026-10-06', true],
      [4, 'official_travel', '2026-10-12', '2026-10-13', false],
      [9, 'leave', '2026-12-01', '2026-12-03', false],
    ]);
    expect([r.toCreate, r.toUpdate, r.unchanged]).toEqual([2, 0, 1]);
  });

  it('refuses a range that ends before it starts, and a file without the date columns', () => {
    const r = validateExcuses(
      table(headers, [['198503142010011002', 'cuti', '2026-10-20', '2026-10-19', '']]),
      servants,
      new Map(),
    );
    expect(r.errors).toEqual([
      { line: 2, column: 'selesai', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
    ]);
    const noDates = validateExcuses(table(['nip', 'jenis'], []), servants, new Map());
    expect(noDates.errors.map((e) => e.column)).toEqual(['mulai', 'selesai']);
  });
});
