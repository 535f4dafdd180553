import { describe, expect, it } from 'vitest';
import { compact, pdfCompact, pdfText } from '../../../../test/support/pdf.js';
import {
  certificatePdf,
  decreePdf,
  formatLongDay,
  rosterClock,
  rosterPdf,
  spellNumberId,
  workingDaysText,
  type CertificateInput,
  type DecreeInput,
  type RosterInput,
} from './documents.js';

const region = { name: 'Kota Malang', headTitle: 'Wali Kota Malang', headName: 'Kepala Daerah Uji' };
const legalBasis =
  'Peraturan Wali Kota Malang Nomor 12 Tahun 2026 tentang Penegakan Disiplin dan Kinerja Aparatur Sipil Negara, Pasal 7 ayat (3)';

const decree = (over: Partial<DecreeInput> = {}): DecreeInput => ({
  region,
  number: '800/0007/35.73.SK/2026',
  decidedOn: '2026-11-28',
  subject: {
    name: 'Dr. Raden Ayu Nama Uji Kusumawardhani Purbaningrum, S.Kep., M.Kes.',
    nip: '198001012005012001',
    position: 'ASN Dinas Kesehatan',
    workUnitName: 'Dinas Kesehatan',
  },
  rule: { code: 'SUKA_TERLAMBAT', name: 'Suka terlambat', legalBasis, version: 2 },
  label: 'SUKA TERLAMBAT',
  workingDays: 5,
  baseWorkingDays: 5,
  escalation: null,
  facts: [
    'Terlambat TL3 pada Senin, 5 Oktober 2026 (check-in 08:12)',
    'Terlambat TL2 pada Rabu, 7 Oktober 2026 (check-in 08:05)',
    'Terlambat TL4 pada Selasa, 13 Oktober 2026 (tidak ada check-in)',
    'Terlambat TL2 pada Kamis, 22 Oktober 2026 (check-in 07:45)',
  ],
  periodLabel: 'Oktober 2026',
  appealWindowDays: 3,
  appealDeadline: '2026-12-03',
  approver: { name: 'Pejabat Penyetuju Uji, S.T., M.T.', title: 'Sekretaris Daerah' },
  verifyUrl: 'https://lelang.malangkota.go.id/verifikasi/sk/ABCD-1234',
  ...over,
});

describe('spellNumberId and helpers', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [5, 'lima'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [45, 'empat puluh lima'],
    [100, 'seratus'],
    [110, 'seratus sepuluh'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2026, 'dua ribu dua puluh enam'],
    [111000, 'seratus sebelas ribu'],
    [1_000_000, 'satu juta'],
    [2_500_000_000, 'dua miliar lima ratus juta'],
  ])('%i is %s', (n, words) => expect(spellNumberId(n)).toBe(words));

  it('refuses fractions and negatives', () => {
    expect(() => spellNumberId(1.5)).toThrow(RangeError);
    expect(() => spellNumberId(-1)).toThrow(RangeError);
  });

  it('writes working days in digits and words, and long days with the weekday', () => {
    expect(workingDaysText(5)).toBe('5 (lima) hari kerja');
    expect(workingDaysText(10)).toBe('10 (sepuluh) hari kerja');
    expect(formatLongDay('2026-10-05')).toBe('Senin, 5 Oktober 2026');
    expect(formatLongDay('2026-11-28')).toBe('Sabtu, 28 November 2026');
  });

  it('reads vest times as local clock times', () => {
    expect(rosterClock(null, '2026-10-06')).toBeNull();
    expect(rosterClock('7:05', '2026-10-06')).toBe('07:05');
    expect(rosterClock('07:05:59', '2026-10-06')).toBe('07:05');
    expect(rosterClock('2026-10-06 07:12:00', '2026-10-06')).toBe('07:12');
    expect(rosterClock('2026-10-05 16:02:00', '2026-10-06')).toBe('5 Oktober 2026 16:02');
    expect(rosterClock('2026-10-06T00:12:00Z', '2026-10-06')).toBe('07:12');
    expect(rosterClock('2026-10-06T00:12:00Z', '2026-10-06', 'Asia/Makassar')).toBe('08:12');
    expect(rosterClock('2026-10-06T07:12:00+07:00', '2026-10-06')).toBe('07:12');
  });
});

describe('decreePdf', () => {
  it('renders the decree with the facts, the legal basis, the sanction and the right to object', async () => {
    const pdf = await decreePdf(decree());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    const flat = pdfCompact(pdf);
    const has = (s: string) => expect(flat).toContain(compact(s));

    has('KEPUTUSAN WALI KOTA MALANG');
    has('NOMOR 800/0007/35.73.SK/2026');
    has("TENTANG PENJATUHAN SANKSI ROMPI 'SUKA TERLAMBAT'");
    expect(text).toContain('Menimbang');
    expect(text).toContain('Mengingat');
    expect(text).toContain('MEMUTUSKAN:');
    expect(text).toContain('Menetapkan');
    for (const d of ['KESATU', 'KEDUA', 'KETIGA']) expect(text).toContain(d);
    has('Dr. Raden Ayu Nama Uji Kusumawardhani Purbaningrum, S.Kep., M.Kes.');
    has('198001012005012001');
    has('ASN Dinas Kesehatan');
    has('periode Oktober 2026');
    has('Terlambat TL3 pada Senin, 5 Oktober 2026 (check-in 08:12);');
    has('Terlambat TL2 pada Kamis, 22 Oktober 2026 (check-in 07:45);');
    has(legalBasis);
    has('Suka terlambat (kode SUKA_TERLAMBAT, versi 2)');
    has('huruf a dan huruf b, perlu menetapkan');
    has("memakai rompi bertuliskan 'SUKA TERLAMBAT' selama 5 (lima) hari kerja");
    has('tidak termasuk hari libur nasional, cuti bersama, serta hari cuti atau izin yang telah disetujui');
    has('keberatan');
    has('3 (tiga) hari kerja sejak Keputusan ini diberitahukan, yaitu paling lambat tanggal 3 Desember 2026');
    has('melalui aplikasi Lelang Kinerja');
    has('mulai berlaku pada hari kerja berikutnya setelah Keputusan ini menjadi final');
    // Signature: place, long date, on behalf of the head, approver.
    has('Ditetapkan di Kota Malang');
    has('pada tanggal 28 November 2026');
    has('a.n. WALI KOTA MALANG');
    has('Sekretaris Daerah,');
    has('Pejabat Penyetuju Uji, S.T., M.T.');
    has('https://lelang.malangkota.go.id/verifikasi/sk/ABCD-1234');
    // Footer with the number and the page.
    has('Keputusan Wali Kota Malang Nomor 800/0007/35.73.SK/2026');
    expect(text).toContain('Halaman 1 dari');
    // No escalation sentence when not escalated.
    expect(text).not.toMatch(/digandakan|dilipatkan|pengulangan/);
  });

  it('says the length is doubled on a repeat and cites the previous decree', async () => {
    const pdf = await decreePdf(
      decree({
        workingDays: 10,
        baseWorkingDays: 5,
        escalation: { previousSanctionNumber: '800/0003/35.73.SK/2026', factor: 2 },
        appealDeadline: null,
        verifyUrl: null,
        approver: { name: 'Kepala Daerah Uji', title: 'Wali Kota Malang' },
      }),
    );
    const flat = pdfCompact(pdf);
    const has = (s: string) => expect(flat).toContain(compact(s));
    has("memakai rompi bertuliskan 'SUKA TERLAMBAT' selama 10 (sepuluh) hari kerja");
    has(
      'Lama sanksi sebagaimana dimaksud digandakan dari 5 (lima) hari kerja menjadi 10 (sepuluh) hari kerja karena pelanggaran atas ketentuan yang sama terulang',
    );
    has('sebagaimana Keputusan Nomor 800/0003/35.73.SK/2026');
    has('huruf a sampai dengan huruf c');
    // Deadline unknown: the window only; the head signs in person (no "a.n.").
    has('3 (tiga) hari kerja sejak Keputusan ini diberitahukan. Keberatan');
    expect(flat).not.toContain('palinglambat');
    expect(flat).not.toContain('a.n.');
    has('Wali Kota Malang,');
  });

  it('handles a repeat with another factor and no previous number', async () => {
    const pdf = await decreePdf(
      decree({ workingDays: 9, baseWorkingDays: 3, escalation: { previousSanctionNumber: null, factor: 3 } }),
    );
    const flat = pdfCompact(pdf);
    expect(flat).toContain(
      compact('dilipatkan 3 (tiga) kali dari 3 (tiga) hari kerja menjadi 9 (sembilan) hari kerja'),
    );
    expect(flat).not.toContain('sebagaimanaKeputusanNomor');
  });

  it('wraps many long facts over pages, prints "-" for a missing NIP and keeps user text literal', async () => {
    const facts = Array.from(
      { length: 40 },
      (_, i) =>
        `Fakta ke-${i + 1}: realisasi laporan indikator "Persentase balita gizi buruk yang mendapat perawatan" terlambat ${i + 6} hari kerja dari tenggat <b>{markup}</b> yang ditetapkan dalam kontrak kinerja`,
    );
    const pdf = await decreePdf(
      decree({
        subject: {
          name: 'Kepala dengan Nama yang Sangat Panjang Sekali Hingga Harus Dibungkus ke Baris Berikutnya',
          nip: null,
          position: 'Kepala Dinas Kesehatan',
          workUnitName: 'Dinas Kesehatan',
        },
        rule: {
          code: 'KINERJA_LAMBAT',
          name: 'Kinerja lambat',
          legalBasis: `${legalBasis}\nPasal 9`,
          version: 1,
        },
        label: 'KINERJA LAMBAT',
        facts,
      }),
    );
    const text = pdfText(pdf);
    const flat = pdfCompact(pdf);
    expect(text).toMatch(/Halaman 2 dari [2-9]/);
    for (const i of [1, 10, 40]) expect(flat).toContain(compact(`Fakta ke-${i}: realisasi laporan`));
    expect(flat).toContain(compact('tenggat <b>{markup}</b> yang ditetapkan'));
    expect(text).toMatch(/NIP\s*\n?:\s*\n?-/);
    expect(flat).toContain(compact('1. Peraturan Wali Kota Malang Nomor 12'));
    expect(flat).toContain(compact('2. Pasal 9;'));
  });

  it('refuses a malformed date', async () => {
    await expect(decreePdf(decree({ decidedOn: '28-11-2026' }))).rejects.toThrow(RangeError);
  });
});

describe('certificatePdf', () => {
  const certificate = (over: Partial<CertificateInput> = {}): CertificateInput => ({
    region,
    number: '800/0042/35.73.PH/2026',
    grantedOn: '2026-12-15',
    recipient: {
      name: 'ASN Uji Tiga, S.E.',
      nip: '199002022015031002',
      workUnitName: 'Kecamatan Klojen',
      kind: 'asn',
    },
    rule: { code: 'ASN_TELADAN', name: 'ASN teladan', legalBasis },
    text: 'Atas kedisiplinan tanpa keterlambatan selama tiga bulan berturut-turut dan capaian kinerja unit kerja dengan predikat Sangat Baik.',
    periodLabel: 'Triwulan III 2026',
    approver: { name: 'Kepala Daerah Uji', title: 'Wali Kota Malang' },
    ...over,
  });

  it('renders the certificate on one landscape page', async () => {
    const pdf = await certificatePdf(certificate());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/);
    const text = pdfText(pdf);
    const flat = pdfCompact(pdf);
    const has = (s: string) => expect(flat).toContain(compact(s));
    has('PIAGAM PENGHARGAAN');
    has('Nomor: 800/0042/35.73.PH/2026');
    has('diberikan kepada');
    has('ASN Uji Tiga, S.E.');
    has('NIP 199002022015031002');
    has('Kecamatan Klojen');
    has('capaian kinerja unit kerja dengan predikat Sangat Baik.');
    has('Penghargaan ASN teladan, periode Triwulan III 2026');
    has(legalBasis);
    has('Kota Malang, 15 Desember 2026');
    has('Wali Kota Malang,');
    has('Kepala Daerah Uji');
    expect(text).toContain('Halaman 1 dari 1');
  });

  it('keeps the longest text and name on one page', async () => {
    const pdf = await certificatePdf(
      certificate({
        recipient: {
          name: 'Prof. Dr. Ir. Raden Mas Bagus Adiwijaya Kusumanegara Suryaningrat Wiryodiningrat, M.Sc., Ph.D.',
          nip: '197001011995031001',
          workUnitName: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
          kind: 'opd_head',
        },
        text: 'Atas dedikasi, kedisiplinan dan capaian kinerja yang sangat baik. '
          .repeat(7)
          .trim()
          .slice(0, 500),
        rule: { code: 'OPD_TERBAIK', name: 'OPD terbaik', legalBasis: `${legalBasis}. `.repeat(3).trim() },
      }),
    );
    expect(pdfText(pdf)).toContain('Halaman 1 dari 1');
    expect(pdfCompact(pdf)).toContain(
      compact('Kepala Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah'),
    );
  });

  it('names a work unit without a NIP and an OPD head with the office', async () => {
    const unit = pdfCompact(
      await certificatePdf(
        certificate({
          recipient: {
            name: 'Dinas Kesehatan',
            nip: null,
            workUnitName: 'Dinas Kesehatan',
            kind: 'work_unit',
          },
          approver: { name: 'Pejabat Penyetuju Uji', title: 'Sekretaris Daerah' },
        }),
      ),
    );
    expect(unit).toContain('DinasKesehatan');
    expect(unit).not.toContain('NIP');
    expect(unit).toContain(compact('a.n. WALI KOTA MALANG'));
    const head = pdfCompact(
      await certificatePdf(
        certificate({
          recipient: {
            name: 'dr. Kepala Dinas Uji',
            nip: null,
            workUnitName: 'Dinas Kesehatan',
            kind: 'opd_head',
          },
        }),
      ),
    );
    expect(head).toContain(compact('NIP -'));
    expect(head).toContain(compact('Kepala Dinas Kesehatan'));
  });
});

describe('rosterPdf', () => {
  const row = (over: Partial<RosterInput['units'][number]['rows'][number]>) => ({
    name: 'ASN Uji Satu',
    nip: '198505052010011005',
    position: 'Pengadministrasi Umum',
    label: 'SUKA TERLAMBAT',
    dayNumber: 2,
    totalDays: 5,
    endsOn: '2026-10-09',
    vestIssuedAt: null,
    vestReturnedAt: null,
    served: null,
    ...over,
  });
  const roster: RosterInput = {
    region: { name: 'Kota Malang' },
    date: '2026-10-06',
    units: [
      {
        name: 'Dinas Kesehatan',
        rows: [
          row({ vestIssuedAt: '2026-10-06 07:12:00', served: true }),
          row({
            name: 'Nama Uji Rahayu Wulandari Ningsih Prameswari Kusumadewi',
            nip: null,
            position: 'Kepala Dinas Kesehatan',
            label: 'KINERJA RENDAH',
            dayNumber: 1,
            totalDays: 10,
            endsOn: '2026-10-19',
          }),
        ],
      },
      { name: 'Kecamatan Klojen', rows: [] },
      {
        name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
        rows: [
          row({
            name: 'ASN Uji Dua',
            label: 'SERAPAN RENDAH',
            dayNumber: 4,
            totalDays: 5,
            vestIssuedAt: '07:05',
            vestReturnedAt: '2026-10-06T09:01:00Z',
            served: false,
          }),
        ],
      },
    ],
  };

  it('lists the vests of the day per unit', async () => {
    const pdf = await rosterPdf(roster);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/);
    const text = pdfText(pdf);
    const flat = pdfCompact(pdf);
    const has = (s: string) => expect(flat).toContain(compact(s));
    has('DAFTAR APEL PAGI PEMAKAIAN ROMPI');
    has('Selasa, 6 Oktober 2026');
    for (const h of [
      'No',
      'Nama',
      'NIP',
      'Jabatan',
      'Label rompi',
      'Hari ke',
      'Berakhir',
      'Rompi diserahkan',
    ])
      expect(text).toContain(h);
    has('Rompi dikembalikan');
    has('Paraf');
    has('3 ASN wajib memakai rompi pada 2 unit kerja');

    // Grouped per unit, in order; an empty unit is left out.
    const at = (s: string) => flat.indexOf(compact(s));
    const health = at('Dinas Kesehatan (2 orang)');
    const finance = at('Badan Pengelolaan Keuangan dan Aset Daerah (1 orang)');
    expect(health).toBeGreaterThan(-1);
    expect(finance).toBeGreaterThan(health);
    expect(flat).not.toContain('KecamatanKlojen');
    const ahmad = at(
      'ASN Uji Satu198505052010011005Pengadministrasi UmumSUKA TERLAMBAT2 dari 59 Oktober 2026',
    );
    expect(ahmad).toBeGreaterThan(health);
    expect(ahmad).toBeLessThan(finance);
    const siti = at(
      'Nama Uji Rahayu Wulandari Ningsih Prameswari Kusumadewi-Kepala Dinas KesehatanKINERJA RENDAH1 dari 1019 Oktober 2026',
    );
    expect(siti).toBeGreaterThan(ahmad);
    expect(siti).toBeLessThan(finance);
    const dewi = at('ASN Uji Dua198505052010011005Pengadministrasi UmumSERAPAN RENDAH4 dari 59 Oktober 2026');
    expect(dewi).toBeGreaterThan(finance);
    // Handed over and returned times (the UTC timestamp in WIB), the served notes.
    has('07:12');
    has('07:0516:01');
    has('tercatat menjalani');
    has('tercatat tidak menjalani');
    has('Petugas apel,');
    has('Kota Malang, 6 Oktober 2026');
  });

  it('says so when nobody wears a vest', async () => {
    for (const units of [[], [{ name: 'Dinas Kesehatan', rows: [] }]]) {
      const pdf = await rosterPdf({ region: { name: 'Kota Malang' }, date: '2026-10-06', units });
      const flat = pdfCompact(pdf);
      expect(flat).toContain(compact('Tidak ada ASN yang wajib memakai rompi pada tanggal ini'));
      expect(flat).not.toContain('LabelRompi');
      expect(flat).not.toContain('DinasKesehatan');
    }
  });

  it('breaks a long roster over pages and repeats the header', async () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      row({ name: `Pegawai Nomor ${i + 1}`, dayNumber: (i % 5) + 1 }),
    );
    const pdf = await rosterPdf({ ...roster, units: [{ name: 'Sekretariat Daerah', rows }] });
    const text = pdfText(pdf);
    expect(text).toMatch(/Halaman 2 dari/);
    expect(text.match(/Label rompi/g)!.length).toBeGreaterThan(1);
    expect(pdfCompact(pdf)).toContain(compact('Pegawai Nomor 60'));
  });
});
