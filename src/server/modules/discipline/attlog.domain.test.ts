import { describe, expect, it } from 'vitest';
import {
  dedupePunches,
  mapPunchRows,
  parseAttlog,
  parseDateAs,
  parseDeviceDateTime,
  parseTimeOfDay,
  punchKey,
  suggestPunchMapping,
  validatePunchMapping,
  type Punch,
  type PunchColumnMapping,
  type PunchTable,
} from './attlog.domain.js';

describe('parseAttlog', () => {
  it('reads the ZKTeco layout: right-aligned PIN, tabs, CRLF, trailing empty fields, blank lines', () => {
    const text =
      '\uFEFF        1\t2026-04-06 07:42:10\t0\t1\t0\t0\r\n' +
      '\r\n' +
      '       23\t2026-04-06 16:05:00\t1\t1\t\t\r\n' +
      '   \t  \t\r\n' +
      '42\t2026-04-07 07:29:59\n' +
      '  \n' +
      '7\t2026-04-07 07:30:00\t\t15';
    expect(parseAttlog(text)).toEqual({
      punches: [
        { line: 1, pin: '1', localDateTime: '2026-04-06 07:42:10', status: '0', verify: '1' },
        { line: 3, pin: '23', localDateTime: '2026-04-06 16:05:00', status: '1', verify: '1' },
        { line: 5, pin: '42', localDateTime: '2026-04-07 07:29:59', status: '', verify: '' },
        { line: 7, pin: '7', localDateTime: '2026-04-07 07:30:00', status: '', verify: '15' },
      ],
      problems: [],
    });
  });

  it('reads nothing out of an empty text, a text of line ends only, and a text ending with a line end', () => {
    expect(parseAttlog('')).toEqual({ punches: [], problems: [] });
    expect(parseAttlog('\n\r\n\n')).toEqual({ punches: [], problems: [] });
    expect(parseAttlog('1\t2026-04-06 07:00:00\n').punches).toHaveLength(1);
  });

  it('lists every bad line with its reason in Indonesian, and gives no punch for it', () => {
    const lines = [
      '1\t2026-02-30 07:30:00\t0\t1', // 1 impossible date
      '2\t2026-04-06 7:30:00\t0\t1', // 2 not zero padded
      '\t2026-04-06 07:30:00\t0\t1', // 3 missing PIN
      '4 2026-04-06 07:30:00 0 1', // 4 spaces, not tabs
      '5\t2026-04-06 24:00:00', // 5 impossible time
      '6\t', // 6 empty time
      '7x!\t2026-04-06 07:30:00', // 7 bad PIN
      '\tkemarin', // 8 two problems
      '9\t1999-12-31 23:59:59', // 9 device clock reset
      '10\t2025-02-29 08:00:00', // 10 not a leap year
      '11\t2028-02-29 08:00:00', // 11 a leap day: fine
      `${'9'.repeat(25)}\t2026-04-06 07:30:00`, // 12 PIN too long
      '13\t2026-13-01 07:30:00', // 13 month 13
      '14\t2026-04-06T07:30:00', // 14 ISO T
    ];
    const result = parseAttlog(lines.join('\n'));
    expect(result.punches.map((p) => p.line)).toEqual([11]);
    expect(result.problems).toEqual([
      { line: 1, reason: 'Tanggal 2026-02-30 tidak ada di kalender' },
      {
        line: 2,
        reason: 'Format waktu "2026-04-06 7:30:00" tidak dikenali (seharusnya TTTT-BB-HH JJ:MM:DD)',
      },
      { line: 3, reason: 'PIN kosong' },
      { line: 4, reason: 'Kolom kurang: ditemukan 1 kolom, minimal 2 (PIN dan waktu, dipisah tab)' },
      { line: 5, reason: 'Jam 24:00:00 tidak valid' },
      { line: 6, reason: 'Waktu kosong' },
      { line: 7, reason: 'PIN "7x!" hanya boleh berisi huruf dan angka' },
      { line: 8, reason: 'PIN kosong' },
      {
        line: 8,
        reason: 'Format waktu "kemarin" tidak dikenali (seharusnya TTTT-BB-HH JJ:MM:DD)',
      },
      { line: 9, reason: 'Tahun 1999 di luar rentang 2000-2100 (jam mesin absensi mungkin salah)' },
      { line: 10, reason: 'Tanggal 2025-02-29 tidak ada di kalender' },
      { line: 12, reason: 'PIN terlalu panjang (25 karakter, paling banyak 24)' },
      { line: 13, reason: 'Tanggal 2026-13-01 tidak ada di kalender' },
      {
        line: 14,
        reason: 'Format waktu "2026-04-06T07:30:00" tidak dikenali (seharusnya TTTT-BB-HH JJ:MM:DD)',
      },
    ]);
  });

  it('quotes at most 30 characters of a bad value', () => {
    const { problems } = parseAttlog(`1\t${'x'.repeat(200)}`);
    expect(problems[0].reason).toBe(
      `Format waktu "${'x'.repeat(30)}…" tidak dikenali (seharusnya TTTT-BB-HH JJ:MM:DD)`,
    );
  });

  it('accepts letters in a PIN and keeps leading zeros as written', () => {
    expect(
      parseAttlog('A01\t2026-04-06 07:00:00\n007\t2026-04-06 07:00:00').punches.map((p) => p.pin),
    ).toEqual(['A01', '007']);
  });

  it('reads a city month of 400,000 lines in one pass, correctly', () => {
    // 8,000 PINs x 25 days x 2 punches, in device order; on days 10 and 20 the check-in of PIN 5000 has
    // an impossible date. One day is a template; the days are filled in by replaceAll (fast to build).
    const two = (n: number) => String(n).padStart(2, '0');
    const template: string[] = [];
    for (let pin = 1; pin <= 8000; pin++)
      for (const hour of ['07', '16'])
        template.push(`${String(pin).padStart(9, ' ')}\tDATE ${hour}:${two(pin % 60)}:SS\t0\t1\t0\t0`);
    const day = template.join('\r\n') + '\r\n';
    const badPin = `${String(5000).padStart(9, ' ')}\t`;
    const chunks: string[] = [];
    for (let d = 1; d <= 25; d++) {
      let chunk = day.replaceAll('DATE', `2026-03-${two(d)}`).replaceAll(':SS', `:${two(d)}`);
      if (d % 10 === 0) chunk = chunk.replace(`${badPin}2026-03-${two(d)}`, `${badPin}2026-02-30`);
      chunks.push(chunk);
    }
    const lineOf = (d: number, pin: number, hour: '07' | '16') =>
      (d - 1) * 16_000 + (pin - 1) * 2 + (hour === '07' ? 1 : 2);
    const { punches, problems } = parseAttlog(chunks.join(''));
    expect(punches).toHaveLength(400_000 - 2);
    expect(problems).toEqual([
      { line: lineOf(10, 5000, '07'), reason: 'Tanggal 2026-02-30 tidak ada di kalender' },
      { line: lineOf(20, 5000, '07'), reason: 'Tanggal 2026-02-30 tidak ada di kalender' },
    ]);
    expect(punches[0]).toEqual({
      line: 1,
      pin: '1',
      localDateTime: '2026-03-01 07:01:01',
      status: '0',
      verify: '1',
    });
    expect(punches[punches.length - 1]).toEqual({
      line: 400_000,
      pin: '8000',
      localDateTime: '2026-03-25 16:20:25',
      status: '0',
      verify: '1',
    });
    // Spot checks through the file: line numbers and fields line up.
    for (const i of [1234, 99_999, 250_000, 333_333]) {
      const p = punches[i];
      const [d, pin, hour] = [
        Number(p.localDateTime.slice(8, 10)),
        Number(p.pin),
        p.localDateTime.slice(11, 13),
      ];
      expect(p.line).toBe(lineOf(d, pin, hour as '07' | '16'));
      expect(p.localDateTime).toBe(`2026-03-${two(d)} ${hour}:${two(pin % 60)}:${two(d)}`);
    }
    // Every punch is distinct; a re-sent tail of the file is recognised.
    const { unique, duplicates } = dedupePunches([...punches, ...punches.slice(-1000)]);
    expect(unique).toHaveLength(punches.length);
    expect(duplicates).toHaveLength(1000);
  });
});

describe('parseDeviceDateTime', () => {
  it.each([
    ['2026-04-06 00:00:00', true],
    ['2026-04-06 23:59:59', true],
    ['2028-02-29 12:00:00', true],
    ['2026-04-06 23:60:00', false],
    ['2026-04-06 23:59:60', false],
    ['2026-04-31 08:00:00', false],
    ['2026-00-10 08:00:00', false],
    ['2026-04-06  08:00:00', false],
    ['2026-04-06 08:00', false],
    ['２026-04-06 08:00:00', false],
  ])('%s -> %s', (value, ok) => expect(parseDeviceDateTime(value).ok).toBe(ok));
});

describe('punchKey and dedupePunches', () => {
  const p = (line: number, pin: string, at: string, status = '0'): Punch => ({
    line,
    pin,
    localDateTime: at,
    status,
    verify: '1',
  });

  it('keys a punch by PIN and time', () => {
    expect(punchKey(p(1, '23', '2026-04-06 07:42:10'))).toBe('23|2026-04-06 07:42:10');
  });

  it('keeps the first copy, also when the status differs, and leaves out what is already stored', () => {
    const punches = [
      p(1, '1', '2026-04-06 07:00:00'),
      p(2, '1', '2026-04-06 07:00:00', '1'),
      p(3, '2', '2026-04-06 07:00:00'),
      p(4, '1', '2026-04-06 07:00:01'),
      p(5, '1', '2026-04-06 07:00:00'),
      p(6, '3', '2026-04-06 08:00:00'),
    ];
    expect(dedupePunches(punches, new Set(['3|2026-04-06 08:00:00']))).toEqual({
      unique: [punches[0], punches[2], punches[3]],
      duplicates: [
        { line: 2, firstLine: 1 },
        { line: 5, firstLine: 1 },
        { line: 6, firstLine: null },
      ],
    });
  });

  it('counts overlapping files once: the second file adds only its new punches', () => {
    const march = parseAttlog('1\t2026-03-30 07:10:00\n1\t2026-03-31 07:10:00').punches;
    const overlap = parseAttlog('1\t2026-03-31 07:10:00\n1\t2026-04-01 07:10:00').punches;
    const stored = new Set(march.map(punchKey));
    expect(dedupePunches(overlap, stored).unique.map((x) => x.localDateTime)).toEqual([
      '2026-04-01 07:10:00',
    ]);
    // The same file twice changes nothing.
    expect(dedupePunches(march, stored).unique).toEqual([]);
  });
});

describe('parseDateAs and parseTimeOfDay', () => {
  it.each([
    ['2026-04-06', 'YYYY-MM-DD', '2026-04-06'],
    ['2026-4-6', 'YYYY-MM-DD', '2026-04-06'],
    ['06/04/2026', 'DD/MM/YYYY', '2026-04-06'],
    ['6/4/2026', 'DD/MM/YYYY', '2026-04-06'],
    ['06-04-2026', 'DD-MM-YYYY', '2026-04-06'],
    [' 29-02-2028 ', 'DD-MM-YYYY', '2028-02-29'],
  ] as const)('reads %s as %s', (raw, format, value) =>
    expect(parseDateAs(raw, format)).toEqual({ ok: true, value }),
  );

  it.each([
    ['', 'YYYY-MM-DD', 'Tanggal kosong'],
    ['06/04/2026', 'YYYY-MM-DD', 'Tanggal "06/04/2026" tidak sesuai format TTTT-BB-HH (2026-01-05)'],
    ['2026-04-06', 'DD/MM/YYYY', 'Tanggal "2026-04-06" tidak sesuai format HH/BB/TTTT (05/01/2026)'],
    ['06-04-26', 'DD-MM-YYYY', 'Tanggal "06-04-26" tidak sesuai format HH-BB-TTTT (05-01-2026)'],
    ['30/02/2026', 'DD/MM/YYYY', 'Tanggal 2026-02-30 tidak ada di kalender'],
    ['1/2/3/2026', 'DD/MM/YYYY', 'Tanggal "1/2/3/2026" tidak sesuai format HH/BB/TTTT (05/01/2026)'],
    ['aa/04/2026', 'DD/MM/YYYY', 'Tanggal "aa/04/2026" tidak sesuai format HH/BB/TTTT (05/01/2026)'],
    ['006/04/2026', 'DD/MM/YYYY', 'Tanggal "006/04/2026" tidak sesuai format HH/BB/TTTT (05/01/2026)'],
  ] as const)('refuses %j as %s', (raw, format, reason) =>
    expect(parseDateAs(raw, format)).toEqual({ ok: false, reason }),
  );

  it.each([
    ['07:42', '07:42:00'],
    ['7:42', '07:42:00'],
    ['07:42:10', '07:42:10'],
    ['07.42', '07:42:00'],
    ['07.42.10', '07:42:10'],
    ['23:59:59', '23:59:59'],
  ])('reads the time %s', (raw, value) => expect(parseTimeOfDay(raw)).toEqual({ ok: true, value }));

  it.each([
    ['', 'Jam kosong'],
    ['24:00', 'Jam 24:00:00 tidak valid'],
    ['07:60', 'Jam 07:60:00 tidak valid'],
    ['0742', 'Jam "0742" tidak sesuai format JJ:MM atau JJ:MM:DD'],
    ['07:4', 'Jam "07:4" tidak sesuai format JJ:MM atau JJ:MM:DD'],
    ['07:42:1', 'Jam "07:42:1" tidak sesuai format JJ:MM atau JJ:MM:DD'],
    ['07:42 AM', 'Jam "07:42 AM" tidak sesuai format JJ:MM atau JJ:MM:DD'],
    ['7:4a', 'Jam "7:4a" tidak sesuai format JJ:MM atau JJ:MM:DD'],
  ])('refuses the time %j', (raw, reason) => expect(parseTimeOfDay(raw)).toEqual({ ok: false, reason }));
});

describe('validatePunchMapping', () => {
  const headers = ['No', 'NIP', 'Nama', 'Tanggal', 'Jam', 'Waktu', 'Status'];
  const base: PunchColumnMapping = { nip: 'NIP', date: 'Tanggal', time: 'Jam', dateFormat: 'DD/MM/YYYY' };

  it('accepts an identifier with a date and a time column, or with one date-time column', () => {
    expect(validatePunchMapping(headers, base)).toEqual([]);
    expect(validatePunchMapping(headers, { pin: 'no', datetime: 'WAKTU', dateFormat: 'YYYY-MM-DD' })).toEqual(
      [],
    );
  });

  it('refuses no identifier or both, missing or doubled times, unknown columns and formats, a column used twice', () => {
    expect(validatePunchMapping(headers, { ...base, nip: null })).toEqual([
      { path: 'pin', message: 'Pilih tepat satu kolom identitas: PIN mesin atau NIP' },
    ]);
    expect(validatePunchMapping(headers, { ...base, pin: 'No' })).toEqual([
      { path: 'pin', message: 'Pilih tepat satu kolom identitas: PIN mesin atau NIP' },
    ]);
    expect(validatePunchMapping(headers, { nip: 'NIP', dateFormat: 'DD/MM/YYYY' })).toEqual([
      { path: 'date', message: 'Kolom tanggal wajib dipilih' },
      { path: 'time', message: 'Kolom jam wajib dipilih' },
    ]);
    expect(validatePunchMapping(headers, { ...base, datetime: 'Waktu' })).toEqual([
      {
        path: 'datetime',
        message: 'Pilih kolom tanggal dan kolom jam, atau satu kolom tanggal-jam, jangan keduanya',
      },
    ]);
    expect(
      validatePunchMapping(headers, {
        ...base,
        time: 'Pukul',
        status: 'Tanggal',
        dateFormat: 'MM/DD/YYYY' as never,
      }),
    ).toEqual([
      {
        path: 'dateFormat',
        message: 'Format tanggal tidak dikenal (pilih YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY)',
      },
      { path: 'time', message: 'Kolom "Pukul" tidak ada pada baris judul' },
      { path: 'status', message: 'Kolom "Tanggal" sudah dipakai untuk tanggal' },
    ]);
    expect(validatePunchMapping(['Jam', 'jam', 'NIP', 'Tgl'], { ...base, date: 'Tgl', time: 'JAM' })).toEqual(
      [{ path: 'time', message: 'Kolom "JAM" muncul lebih dari sekali pada baris judul' }],
    );
  });
});

describe('mapPunchRows', () => {
  const table: PunchTable = {
    headers: ['No', 'NIP', 'Nama', 'Tanggal', 'Jam', 'Status'],
    rows: [
      { line: 2, cells: ['1', '19800101 200501 1 001', 'Budi', '06/04/2026', '07.42.10', 'C/In'] },
      { line: 3, cells: ['2', '198001012005011001', 'Budi', '6/4/2026', '16:05', 'C/Out'] },
      { line: 4, cells: ['', '', '', '', '', ''] },
      { line: 5, cells: ['3', '1.98001E+17', 'Sari', '06/04/2026', '07:30', ''] },
      { line: 6, cells: ['4', '19800101200501100', 'Sari', '31/04/2026', '7:3', ''] },
      { line: 7, cells: ['5', '198001012005011001'] },
    ],
  };

  it('turns rows into punches with the confirmed mapping and lists every bad row', () => {
    const mapping: PunchColumnMapping = {
      nip: 'NIP',
      date: 'Tanggal',
      time: 'Jam',
      dateFormat: 'DD/MM/YYYY',
      status: 'Status',
    };
    expect(mapPunchRows(table, mapping)).toEqual({
      identifier: 'nip',
      punches: [
        {
          line: 2,
          pin: '198001012005011001',
          localDateTime: '2026-04-06 07:42:10',
          status: 'C/In',
          verify: '',
        },
        {
          line: 3,
          pin: '198001012005011001',
          localDateTime: '2026-04-06 16:05:00',
          status: 'C/Out',
          verify: '',
        },
      ],
      problems: [
        {
          line: 5,
          reason:
            'NIP "1.98001E+17" terbaca sebagai angka berpangkat: format kolom NIP sebagai teks lalu ekspor ulang',
        },
        { line: 6, reason: 'NIP "19800101200501100" harus 18 digit angka' },
        { line: 6, reason: 'Tanggal 2026-04-31 tidak ada di kalender' },
        { line: 6, reason: 'Jam "7:3" tidak sesuai format JJ:MM atau JJ:MM:DD' },
        { line: 7, reason: 'Tanggal kosong' },
        { line: 7, reason: 'Jam kosong' },
      ],
    });
  });

  it('reads one date-time column, ISO T included, with PINs', () => {
    const result = mapPunchRows(
      {
        headers: ['AC-No.', 'Time'],
        rows: [
          { line: 2, cells: ['  15', '2026-04-06 07:42:10'] },
          { line: 3, cells: ['15', '2026-04-06T16:05'] },
          { line: 4, cells: ['16', '2026-04-06'] },
          { line: 5, cells: ['', ''] },
          { line: 6, cells: ['17', ''] },
        ],
      },
      { pin: 'AC-No.', datetime: 'Time', dateFormat: 'YYYY-MM-DD' },
    );
    expect(result.identifier).toBe('pin');
    expect(result.punches.map((p) => [p.line, p.pin, p.localDateTime])).toEqual([
      [2, '15', '2026-04-06 07:42:10'],
      [3, '15', '2026-04-06 16:05:00'],
    ]);
    expect(result.problems).toEqual([
      { line: 4, reason: 'Kolom tanggal-jam "2026-04-06" tidak memuat jam' },
      { line: 6, reason: 'Tanggal kosong' },
      { line: 6, reason: 'Jam kosong' },
    ]);
  });

  it('refuses a mapping that does not fit the headers', () => {
    expect(() =>
      mapPunchRows(table, { pin: 'PIN', date: 'Tanggal', time: 'Jam', dateFormat: 'DD/MM/YYYY' }),
    ).toThrow(RangeError);
  });

  it('gives the same dedupe keys as the attlog of the same punches', () => {
    const fromCsv = mapPunchRows(
      { headers: ['PIN', 'Tanggal', 'Jam'], rows: [{ line: 2, cells: ['23', '06-04-2026', '07:42:10'] }] },
      { pin: 'PIN', date: 'Tanggal', time: 'Jam', dateFormat: 'DD-MM-YYYY' },
    ).punches;
    const fromAttlog = parseAttlog('       23\t2026-04-06 07:42:10\t0\t1').punches;
    expect(fromCsv.map(punchKey)).toEqual(fromAttlog.map(punchKey));
  });
});

describe('suggestPunchMapping', () => {
  it('prefers NIP and a single date-time column, and guesses the date format from samples', () => {
    expect(
      suggestPunchMapping(
        ['No', 'NIP', 'Nama', 'Waktu'],
        [['1', '198001012005011001', 'Budi', '06/04/2026 07:42']],
      ),
    ).toEqual({
      pin: null,
      nip: 'NIP',
      date: null,
      time: null,
      datetime: 'Waktu',
      dateFormat: 'DD/MM/YYYY',
      status: null,
      verify: null,
    });
  });

  it('falls back to PIN, date and time columns, and to YYYY-MM-DD without samples', () => {
    expect(suggestPunchMapping(['User ID', 'Tanggal', 'Jam'])).toEqual({
      pin: 'User ID',
      nip: null,
      date: 'Tanggal',
      time: 'Jam',
      datetime: null,
      dateFormat: 'YYYY-MM-DD',
      status: null,
      verify: null,
    });
    expect(suggestPunchMapping(['PIN', 'Date', 'Time'], [['1', '06-04-2026', '07:00']]).dateFormat).toBe(
      'DD-MM-YYYY',
    );
  });
});
