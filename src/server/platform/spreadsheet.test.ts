import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  readTable,
  SpreadsheetError,
  toCsv,
  type SpreadsheetErrorCode,
  type TableLimits,
} from './spreadsheet';

async function expectError(
  promise: Promise<unknown>,
  code: SpreadsheetErrorCode,
  message?: string | RegExp,
): Promise<SpreadsheetError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpreadsheetError);
  const se = err as SpreadsheetError;
  expect(se.code).toBe(code);
  if (typeof message === 'string') expect(se.message).toBe(message);
  else if (message) expect(se.message).toMatch(message);
  return se;
}

const csv = (text: string, limits?: Partial<TableLimits>) =>
  readTable(Buffer.from(text, 'utf8'), 'data.csv', limits);

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ZipSpec = { name: string; data: Buffer; deflate?: boolean; claimedSize?: number };

/** A minimal zip; `claimedSize` overrides the uncompressed size written in both headers. */
function makeZip(specs: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const s of specs) {
    const name = Buffer.from(s.name, 'utf8');
    const body = s.deflate ? deflateRawSync(s.data) : s.data;
    const size = s.claimedSize ?? s.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(s.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(s.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(specs.length, 8);
  eocd.writeUInt16LE(specs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('readTable: CSV', () => {
  it('reads comma-separated values, normalising headers and trimming cells', async () => {
    const t = await csv('Kode Unit, Nama-Lengkap ,NIP\r\n A1 , Budi ,199001012015031001\r\nB2,Sari,\r\n');
    expect(t.headers).toEqual(['kode_unit', 'nama_lengkap', 'nip']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['A1', 'Budi', '199001012015031001'] },
      { line: 3, cells: ['B2', 'Sari', ''] },
    ]);
  });

  it('detects semicolons (Indonesian Excel) even when values contain commas', async () => {
    const t = await csv('kode;nilai;catatan\n1;2,5;"a;b"\n');
    expect(t.headers).toEqual(['kode', 'nilai', 'catatan']);
    expect(t.rows).toEqual([{ line: 2, cells: ['1', '2,5', 'a;b'] }]);
  });

  it('detects tabs', async () => {
    const t = await csv('kode\tnama\n7\tAni, S.Pd\n');
    expect(t.headers).toEqual(['kode', 'nama']);
    expect(t.rows).toEqual([{ line: 2, cells: ['7', 'Ani, S.Pd'] }]);
  });

  it('strips a UTF-8 BOM and keeps non-ASCII text', async () => {
    const t = await readTable(Buffer.from('\uFEFFnama,kota\nPé,Sörabaya\n', 'utf8'), 'x.CSV');
    expect(t.headers).toEqual(['nama', 'kota']);
    expect(t.rows[0].cells).toEqual(['Pé', 'Sörabaya']);
  });

  it('decodes invalid UTF-8 as windows-1252', async () => {
    const bytes = Buffer.concat([
      Buffer.from('nama;harga\n', 'ascii'),
      Buffer.from([0x50, 0xe9, 0x3b, 0x80, 0x35, 0x0a]),
    ]);
    const t = await readTable(bytes, 'ekspor.csv');
    expect(t.rows).toEqual([{ line: 2, cells: ['Pé', '€5'] }]);
  });

  it('counts a quoted multi-line cell as one row and blank lines as rows, like Excel', async () => {
    const t = await csv('a,b\r\n1,"baris satu\r\nbaris dua"\r\n\r\n3,4\n5,6\r7,8');
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'baris satu\r\nbaris dua'] },
      { line: 4, cells: ['3', '4'] },
      { line: 5, cells: ['5', '6'] },
      { line: 6, cells: ['7', '8'] },
    ]);
  });

  it('skips entirely empty rows, pads short rows and keeps extra cells', async () => {
    const t = await csv('a,b,c\n,,\n 1 \n1,2,3,4\n');
    expect(t.rows).toEqual([
      { line: 3, cells: ['1', '', ''] },
      { line: 4, cells: ['1', '2', '3', '4'] },
    ]);
  });

  it('keeps literal quotes inside unquoted fields', async () => {
    const t = await csv('a,b\nmonitor 24",x\n');
    expect(t.rows[0].cells).toEqual(['monitor 24"', 'x']);
  });

  it('reports an unclosed quote as MALFORMED with its row number', async () => {
    await expectError(
      csv('a,b\n1,2\n3,"tidak ditutup\n4,5\n'),
      'MALFORMED',
      'Baris 3: tanda kutip tidak tertutup',
    );
  });

  it('rejects an empty file', async () => {
    await expectError(readTable(Buffer.alloc(0), 'a.csv'), 'EMPTY', 'Berkas kosong');
    await expectError(csv(' \r\n\r\n'), 'EMPTY');
    await expectError(csv(',,\n , \n'), 'EMPTY', 'Baris judul kolom tidak ditemukan');
  });

  it('accepts a header without data rows', async () => {
    const t = await csv('kode_unit;nama\r\n');
    expect(t).toEqual({ headers: ['kode_unit', 'nama'], rows: [] });
  });

  it('drops trailing empty header columns', async () => {
    const t = await csv('a;b;;\n1;2;;\n');
    expect(t).toEqual({ headers: ['a', 'b'], rows: [{ line: 2, cells: ['1', '2'] }] });
  });

  it('refuses NUL bytes, UTF-16 and zip content in a .csv', async () => {
    await expectError(readTable(Buffer.from('a,b\n1,\0\n'), 'a.csv'), 'UNSUPPORTED_TYPE', /tidak sesuai/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]);
    await expectError(readTable(utf16, 'a.csv'), 'ENCODING', /UTF-8/);
    const book = await xlsx((wb) => wb.addWorksheet('S').addRow(['a']));
    await expectError(readTable(book, 'a.csv'), 'UNSUPPORTED_TYPE');
  });

  it('enforces maxRows counting only non-empty data rows', async () => {
    const text = 'a\n1\n\n2\n3\n';
    expect((await csv(text, { maxRows: 3 })).rows).toHaveLength(3);
    await expectError(csv(text, { maxRows: 2 }), 'TOO_LARGE', 'Berkas memuat lebih dari 2 baris');
    const many = 'a\n' + '1\n'.repeat(100_001);
    await expectError(csv(many), 'TOO_LARGE', 'Berkas memuat lebih dari 100.000 baris');
  });

  it('enforces maxBytes', async () => {
    await expectError(csv('a,b\n1,2\n', { maxBytes: 5 }), 'TOO_LARGE', /^Berkas terlalu besar/);
    await expectError(
      readTable(Buffer.alloc(20 * 1024 * 1024 + 1, 0x61), 'a.csv'),
      'TOO_LARGE',
      'Berkas terlalu besar (maksimal 20 MB)',
    );
  });
});

describe('readTable: type checks', () => {
  it('rejects other extensions', async () => {
    for (const name of ['a.pdf', 'a.xls', 'a', 'csv', 'a.csv.exe']) {
      await expectError(
        readTable(Buffer.from('a,b\n'), name),
        'UNSUPPORTED_TYPE',
        'Jenis berkas tidak didukung: gunakan CSV atau XLSX',
      );
    }
  });

  it('rejects CSV content in an .xlsx', async () => {
    await expectError(
      readTable(Buffer.from('a,b\n1,2\n'), 'a.xlsx'),
      'UNSUPPORTED_TYPE',
      'Isi berkas tidak sesuai dengan ekstensinya',
    );
  });

  it('rejects an old XLS / password-protected workbook (OLE container)', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expectError(readTable(ole, 'a.xlsx'), 'UNSUPPORTED_TYPE', /XLS/);
  });
});

describe('readTable: XLSX', () => {
  it('reads the first worksheet with every kind of cell value', async () => {
    const book = await xlsx((wb) => {
      const ws = wb.addWorksheet('Data');
      wb.addWorksheet('Lain').addRow(['bukan', 'ini']);
      ws.addRow([
        'Kode Unit',
        'Angka',
        'Pecahan',
        'NIP',
        'Tanggal',
        'Rich',
        'Rumus',
        'Tautan',
        'Benar',
        'Galat',
        'Besar',
        'Kecil',
      ]);
      ws.addRow([
        ' U-01 ',
        12,
        0.5,
        '199001012015031001',
        new Date(Date.UTC(2024, 0, 15)),
        { richText: [{ text: 'Dinas ', font: { bold: true } }, { text: 'Kesehatan' }] },
        { formula: 'B2*2', result: 24 },
        { text: 'situs', hyperlink: 'https://example.go.id' },
        true,
        { error: '#N/A' },
        1e21,
        1e-7,
      ]);
      ws.addRow([]); // row 3 stays empty
      ws.getCell('A4').value = 'U-02';
      ws.getCell('C4').value = { formula: 'B2/8', result: 1.5 };
      ws.getCell('I4').value = false;
      ws.getCell('E4').value = { formula: 'DATE(2023,12,31)', result: new Date(Date.UTC(2023, 11, 31)) };
    });
    const t = await readTable(book, 'Laporan.XLSX');
    expect(t.headers).toEqual([
      'kode_unit',
      'angka',
      'pecahan',
      'nip',
      'tanggal',
      'rich',
      'rumus',
      'tautan',
      'benar',
      'galat',
      'besar',
      'kecil',
    ]);
    expect(t.rows).toEqual([
      {
        line: 2,
        cells: [
          'U-01',
          '12',
          '0.5',
          '199001012015031001',
          '2024-01-15',
          'Dinas Kesehatan',
          '24',
          'situs',
          'true',
          '#N/A',
          '1000000000000000000000',
          '0.0000001',
        ],
      },
      { line: 4, cells: ['U-02', '', '1.5', '', '2023-12-31', '', '', '', 'false', '', '', ''] },
    ]);
  });

  it('keeps an 18-digit NIP stored as text exact, and shows a numeric one as Excel does', async () => {
    const book = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['nip', 'nip_angka']);
      ws.addRow(['199001012015031001', 199001012015031001]);
      ws.addRow(['0012345', 0.1 + 0.2]);
    });
    const t = await readTable(book, 'pegawai.xlsx');
    expect(t.rows[0].cells).toEqual(['199001012015031001', '199001012015031000']);
    expect(t.rows[1].cells).toEqual(['0012345', '0.3']);
  });

  it('uses Excel row numbers when the header is not on row 1 and leaves covered merged cells empty', async () => {
    const book = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A3').value = 'Kode';
      ws.getCell('B3').value = 'Nama';
      ws.getCell('A5').value = 'X';
      ws.getCell('B5').value = 'Y';
      ws.mergeCells('A5:B5');
    });
    const t = await readTable(book, 'a.xlsx');
    expect(t).toEqual({ headers: ['kode', 'nama'], rows: [{ line: 5, cells: ['X', ''] }] });
  });

  it('rejects a workbook whose first sheet is empty', async () => {
    const book = await xlsx((wb) => {
      wb.addWorksheet('Kosong');
      wb.addWorksheet('Isi').addRow(['a']);
    });
    await expectError(readTable(book, 'a.xlsx'), 'EMPTY', 'Baris judul kolom tidak ditemukan');
  });

  it('enforces maxRows', async () => {
    const book = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a']);
      for (let i = 0; i < 5; i++) ws.addRow([i]);
    });
    expect((await readTable(book, 'a.xlsx', { maxRows: 5 })).rows).toHaveLength(5);
    await expectError(
      readTable(book, 'a.xlsx', { maxRows: 4 }),
      'TOO_LARGE',
      'Berkas memuat lebih dari 4 baris',
    );
  });

  it('enforces the entry-count limit from the central directory', async () => {
    const book = await xlsx((wb) => wb.addWorksheet('S').addRow(['a']));
    await expectError(
      readTable(book, 'a.xlsx', { maxXlsxEntries: 3 }),
      'TOO_LARGE',
      /terlalu besar setelah diekstrak/,
    );
    const many = makeZip(
      Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })),
    );
    await expectError(readTable(many, 'a.xlsx'), 'TOO_LARGE');
  });

  it('enforces the uncompressed-size limit from the central directory', async () => {
    const book = await xlsx((wb) => wb.addWorksheet('S').addRow(['a']));
    await expectError(
      readTable(book, 'a.xlsx', { maxXlsxUncompressedBytes: 1000 }),
      'TOO_LARGE',
      'Berkas XLSX terlalu besar setelah diekstrak',
    );
    // A tiny archive whose directory claims ~4 GB: refused before anything is inflated.
    const bomb = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), deflate: true, claimedSize: 0xfffffff0 },
    ]);
    expect(bomb.length).toBeLessThan(200);
    await expectError(readTable(bomb, 'a.xlsx'), 'TOO_LARGE');
  });

  it('treats ZIP64 size markers as too large', async () => {
    const z64 = makeZip([{ name: 'a.xml', data: Buffer.alloc(10), claimedSize: 0xffffffff }]);
    await expectError(
      readTable(z64, 'a.xlsx', { maxXlsxUncompressedBytes: Number.MAX_SAFE_INTEGER }),
      'TOO_LARGE',
    );
  });

  it('does not trust a directory that understates the size: inflation is capped', async () => {
    const lying = makeZip([
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(1024 * 1024), deflate: true, claimedSize: 100 },
    ]);
    await expectError(readTable(lying, 'a.xlsx'), 'TOO_LARGE');
  });

  it('reports truncated, garbage or non-workbook zips as MALFORMED', async () => {
    const book = await xlsx((wb) => wb.addWorksheet('S').addRow(['a', 'b']));
    await expectError(readTable(book.subarray(0, Math.floor(book.length / 2)), 'a.xlsx'), 'MALFORMED');
    await expectError(readTable(book.subarray(0, book.length - 10), 'a.xlsx'), 'MALFORMED');
    const garbage = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 0x5a)]);
    await expectError(readTable(garbage, 'a.xlsx'), 'MALFORMED');
    await expectError(readTable(Buffer.from('PK\x03\x04', 'latin1'), 'a.xlsx'), 'MALFORMED');
    const notBook = makeZip([{ name: 'hello.txt', data: Buffer.from('halo'), deflate: true }]);
    await expectError(readTable(notBook, 'a.xlsx'), 'MALFORMED');
    const badDeflate = makeZip([{ name: 'a.xml', data: Buffer.alloc(50) }]);
    badDeflate.writeUInt16LE(8, 8); // local header says deflate
    badDeflate.writeUInt16LE(8, 30 + 5 + 50 + 10); // central header says deflate: data is not a deflate stream
    await expectError(readTable(badDeflate, 'a.xlsx'), 'MALFORMED');
  });

  it('only ever throws SpreadsheetError on corrupted workbooks', async () => {
    const book = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['kode', 'nama']);
      for (let i = 0; i < 20; i++) ws.addRow([i, `nama ${i}`]);
    });
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 60; i++) {
      const copy = Buffer.from(book);
      for (let j = 0; j < 8; j++) copy[4 + Math.floor(rand() * (copy.length - 4))] = Math.floor(rand() * 256);
      const err = await readTable(copy, 'a.xlsx').then(
        () => null,
        (e: unknown) => e,
      );
      if (err !== null) expect(err).toBeInstanceOf(SpreadsheetError);
    }
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 with CRLF and quotes when needed', () => {
    expect(
      toCsv(
        ['kode', 'catatan'],
        [
          ['A', 'biasa'],
          ['B', 'koma, "kutip"\nbaris'],
          ['C', 'titik;koma'],
          ['D', null],
        ],
      ),
    ).toBe('kode,catatan\r\nA,biasa\r\nB,"koma, ""kutip""\nbaris"\r\nC,"titik;koma"\r\nD,\r\n');
  });

  it('neutralises formula injection in strings but writes numbers as they are', () => {
    const out = toCsv(
      ['v'],
      [['=1+1'], ['+62811'], ['-5'], ['@SUM(A1)'], ['\tx'], ['\rx'], [-5], [0.25], ['a=b']],
    );
    expect(out.split('\r\n')).toEqual([
      'v',
      "'=1+1",
      "'+62811",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      '-5',
      '0.25',
      'a=b',
      '',
    ]);
    expect(toCsv(['=HYPERLINK("x")'], [])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });

  it('round-trips through readTable', async () => {
    const text = toCsv(
      ['Kode Unit', 'Nama'],
      [
        ['U1', 'Dinas "Pendidikan", Kota'],
        ['U2', 'baris\r\nbaru'],
      ],
    );
    const t = await readTable(Buffer.from(text), 'x.csv');
    expect(t.headers).toEqual(['kode_unit', 'nama']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['U1', 'Dinas "Pendidikan", Kota'] },
      { line: 3, cells: ['U2', 'baris\r\nbaru'] },
    ]);
  });
});
