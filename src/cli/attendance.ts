import { readFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { AttendancePreview } from '../contract/attendance.js';
import {
  getImport,
  loggableError,
  previewImport,
  startImport,
  type ImportOptions,
} from '../server/modules/attendance/import.service.js';
import type { DateFormat, PunchColumnMapping } from '../server/modules/discipline/attlog.domain.js';
import { AppError } from '../server/platform/errors.js';
import { maskUrl } from '../server/platform/logging.js';
import { regionsBySlug, withDatabase } from './context.js';

interface ImportFlags {
  region?: string;
  device?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  pinColumn?: string;
  nipColumn?: string;
  dateColumn?: string;
  timeColumn?: string;
  datetimeColumn?: string;
  dateFormat?: DateFormat;
}

const SHOWN = 10;
const fmt = (n: number) => n.toLocaleString('id-ID');

/**
 * `attendance import <file>`: the same import as the web page (preview, then all or nothing), for
 * files too large to upload or for a scheduled job. The summary goes to stdout and the progress bar
 * to stderr; NIPs are masked in what is printed, since the output of a job ends up in logs.
 */
export function attendanceCommands(program: Command) {
  const attendance = program.command('attendance').description('Data kehadiran');
  attendance
    .command('import <file>')
    .description(
      'Impor attlog ZKTeco (.dat/.txt), CSV atau XLSX: semua baris atau tidak sama sekali; berkas yang sama dua kali tidak mengubah apa pun',
    )
    .option('-r, --region <slug>', 'daerah (wajib bila ada lebih dari satu)')
    .option('-d, --device <name>', 'nama mesin asal berkas (memilih pemetaan PIN mesin itu)')
    .option('--skip-invalid', 'impor baris yang baik dan lewati baris bermasalah (dicatat pada impor)')
    .option('--dry-run', 'pratinjau saja: tidak menyimpan apa pun')
    .option('--pin-column <header>', 'CSV/XLSX: kolom PIN mesin')
    .option('--nip-column <header>', 'CSV/XLSX: kolom NIP')
    .option('--date-column <header>', 'CSV/XLSX: kolom tanggal')
    .option('--time-column <header>', 'CSV/XLSX: kolom jam')
    .option('--datetime-column <header>', 'CSV/XLSX: satu kolom tanggal dan jam')
    .option('--date-format <format>', 'CSV/XLSX: YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY')
    .action(async (file: string, flags: ImportFlags) => {
      const data = readFileSync(file);
      const name = path.basename(file);
      process.exitCode = await withDatabase(async (database) => {
        const all = await regionsBySlug(database, flags.region);
        if (all.length !== 1)
          throw new Error(
            `Pilih daerah dengan --region (${all.map((r) => r.slug).join(', ') || 'belum ada daerah'})`,
          );
        const region = all[0];
        const importer = { regionId: region.id, userId: null, fullName: null };
        const opts: ImportOptions = {
          device: flags.device ?? null,
          mapping: mappingOf(flags),
          skipInvalid: !!flags.skipInvalid,
        };
        process.stderr.write(`Membaca ${name} …\n`);
        let preview = await previewImport(database, importer, { name, data }, opts);
        if (preview.needsMapping && !opts.mapping && preview.suggestedMapping) {
          // No columns named: take the suggestion and say so (override with the --*-column options).
          opts.mapping = preview.suggestedMapping;
          console.log(`Pemetaan kolom (usulan, ubah dengan --*-column): ${describeMapping(opts.mapping)}`);
          preview = await previewImport(database, importer, { name, data }, opts);
        }
        printPreview(region.slug, preview);
        if (preview.needsMapping) return 1;
        if (flags.dryRun) return 0;

        const bar = new cliProgress.SingleBar(
          { format: '  menyimpan [{bar}] {value}/{total} catatan', hideCursor: true, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        try {
          const run = await startImport(database, importer, { name, data }, opts, {
            onProgress: (done, total) => {
              if (!started) {
                bar.start(total, 0);
                started = true;
              }
              bar.update(done);
            },
          });
          if (!run.created) {
            console.log(
              `Berkas ini sudah diimpor ${run.import.createdAt.slice(0, 10)} (impor ${run.import.id}): tidak ada yang berubah.`,
            );
            return 0;
          }
          await run.done.finally(() => started && bar.stop());
          const done = await getImport(database.db, region.id, run.import.id);
          if (done.status !== 'committed') {
            console.error(
              `Impor gagal: ${done.failureMessage ?? 'tidak diketahui'}; tidak ada yang disimpan.`,
            );
            return 1;
          }
          console.log(
            `Impor ${name} (${region.slug}): ${fmt(done.punchesAdded)} catatan baru, ${fmt(done.duplicates)} duplikat` +
              (done.problemCount ? `, ${fmt(done.problemCount)} baris dilewati` : '') +
              ` (impor ${done.id}).`,
          );
          return 0;
        } catch (e) {
          if (started) bar.stop();
          if (e instanceof AppError) {
            console.error(maskUrl(e.message));
            for (const f of e.fields ?? []) console.error(`  ${maskUrl(f.message)}`);
            return 1;
          }
          console.error(`Impor gagal: ${JSON.stringify(loggableError(e))}; tidak ada yang disimpan.`);
          return 1;
        }
      });
    });
}

function mappingOf(f: ImportFlags): PunchColumnMapping | null {
  if (!f.pinColumn && !f.nipColumn && !f.dateColumn && !f.timeColumn && !f.datetimeColumn) return null;
  return {
    pin: f.pinColumn ?? null,
    nip: f.nipColumn ?? null,
    date: f.dateColumn ?? null,
    time: f.timeColumn ?? null,
    datetime: f.datetimeColumn ?? null,
    dateFormat: f.dateFormat ?? 'YYYY-MM-DD',
  };
}

const describeMapping = (m: PunchColumnMapping) =>
  [
    m.pin && `PIN=${m.pin}`,
    m.nip && `NIP=${m.nip}`,
    m.datetime && `tanggal-jam=${m.datetime}`,
    m.date && `tanggal=${m.date}`,
    m.time && `jam=${m.time}`,
    `format=${m.dateFormat}`,
  ]
    .filter(Boolean)
    .join(', ');

function printPreview(region: string, p: AttendancePreview) {
  if (p.needsMapping) {
    console.log(`Kolom berkas: ${p.headers.join(', ')}`);
    for (const e of p.mappingErrors) console.log(`  ${e.message}`);
    console.log(
      'Sebutkan kolomnya dengan --pin-column/--nip-column, --date-column, --time-column atau --datetime-column.',
    );
    return;
  }
  console.log(
    `${p.fileName} (${p.kind}, ${region}): ${fmt(p.rowsRead)} baris, ${fmt(p.punchesRead)} catatan terbaca, ` +
      `${fmt(p.civilServants)} ASN, ${p.dateFrom ?? '-'} s.d. ${p.dateTo ?? '-'}`,
  );
  console.log(
    `  baru ${fmt(p.toAdd)}, duplikat dalam berkas ${fmt(p.duplicatesInFile)}, sudah tersimpan ${fmt(p.duplicatesInDatabase)}`,
  );
  if (p.problemLines) {
    console.log(`  ${fmt(p.problemLines)} baris bermasalah:`);
    for (const x of p.problems.slice(0, SHOWN)) console.log(`    baris ${x.line}: ${maskUrl(x.reason)}`);
  }
  if (p.unknownPunches) {
    console.log(
      `  ${fmt(p.unknownPunches)} catatan dari ${fmt(p.unknownIdentifiers)} PIN/NIP yang tidak dikenal:`,
    );
    for (const u of p.unknown.slice(0, SHOWN))
      console.log(`    ${maskUrl(u.identifier)}: ${fmt(u.punches)} catatan, pertama di baris ${u.firstLine}`);
  }
  if (p.alreadyImported) console.log(`  Berkas ini sudah diimpor (impor ${p.alreadyImported.id}).`);
}
