/**
 * Facts of the national holidays (libur nasional) and collective leave (cuti bersama) decreed by the
 * joint decree of the Ministers of Religious Affairs, Manpower and PANRB (SKB 3 Menteri), and the
 * approximate Ramadan ranges, for the years of the demo. Copied once from the shared design data
 * (`holidays-id.json`, domain.md section 4) so that the app reads no file outside the repository;
 * holidays.test.ts compares the two whenever that file is present. Dates are local calendar days.
 *
 * Data only: use it through holidays.ts, which validates it.
 */

export interface HolidayFactEntry {
  readonly date: string;
  readonly name: string;
}

export interface HolidayFactYear {
  readonly decree: string;
  readonly holidays: readonly HolidayFactEntry[];
  readonly collectiveLeave: readonly HolidayFactEntry[];
}

export interface RamadanRange {
  /** First day of the reduced working hours. */
  readonly start: string;
  /** The day before Idulfitri. */
  readonly end: string;
}

export const HOLIDAY_YEARS: Readonly<Record<string, HolidayFactYear>> = {
  '2025': {
    decree: 'SKB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 (signed 14 October 2024)',
    holidays: [
      { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi' },
      { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili' },
      { date: '2025-03-29', name: 'Hari Suci Nyepi (Tahun Baru Saka 1947)' },
      { date: '2025-03-31', name: 'Idulfitri 1446 Hijriah' },
      { date: '2025-04-01', name: 'Idulfitri 1446 Hijriah' },
      { date: '2025-04-18', name: 'Wafat Yesus Kristus' },
      { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2025-05-01', name: 'Hari Buruh Internasional' },
      { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE' },
      { date: '2025-05-29', name: 'Kenaikan Yesus Kristus' },
      { date: '2025-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2025-06-06', name: 'Iduladha 1446 Hijriah' },
      { date: '2025-06-27', name: '1 Muharam Tahun Baru Islam 1447 Hijriah' },
      { date: '2025-08-17', name: 'Proklamasi Kemerdekaan' },
      { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2025-12-25', name: 'Kelahiran Yesus Kristus' },
    ],
    collectiveLeave: [
      { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2025-04-02', name: 'Cuti bersama Idulfitri' },
      { date: '2025-04-03', name: 'Cuti bersama Idulfitri' },
      { date: '2025-04-04', name: 'Cuti bersama Idulfitri' },
      { date: '2025-04-07', name: 'Cuti bersama Idulfitri' },
      { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak' },
      { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2025-06-09', name: 'Cuti bersama Iduladha' },
      { date: '2025-12-26', name: 'Cuti bersama Kelahiran Yesus Kristus' },
    ],
  },
  '2026': {
    decree: 'SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025',
    holidays: [
      { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' },
      { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili' },
      { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
      { date: '2026-03-21', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-03-22', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
      { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2026-05-01', name: 'Hari Buruh Internasional' },
      { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
      { date: '2026-05-27', name: 'Iduladha 1447 Hijriah' },
      { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE' },
      { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah' },
      { date: '2026-08-17', name: 'Proklamasi Kemerdekaan' },
      { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2026-12-25', name: 'Kelahiran Yesus Kristus' },
    ],
    collectiveLeave: [
      { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2026-03-20', name: 'Cuti bersama Idulfitri' },
      { date: '2026-03-23', name: 'Cuti bersama Idulfitri' },
      { date: '2026-03-24', name: 'Cuti bersama Idulfitri' },
      { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2026-05-28', name: 'Cuti bersama Iduladha' },
      { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus' },
    ],
  },
};

/**
 * Approximate Ramadan ranges (to the day before Idulfitri) for the reduced working hours; the Ministry of
 * Religious Affairs sets the exact start each year, so regions confirm the dates.
 */
export const RAMADAN_RANGES: Readonly<Record<string, RamadanRange>> = {
  '2025': { start: '2025-03-01', end: '2025-03-30' },
  '2026': { start: '2026-02-19', end: '2026-03-20' },
};
