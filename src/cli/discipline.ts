import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { advanceSanctions } from '../server/modules/discipline/cases.service.js';
import { commit, preview } from '../server/modules/discipline/evaluation.service.js';
import { AppError } from '../server/platform/errors.js';
import { regionsBySlug, withDatabase } from './context.js';

/**
 * `discipline evaluate <period>`: the evaluation of the rules for a month (2026-M10), a quarter
 * (2026-Q3) or a year (2026), as on the web page: a dry run lists the hits, a commit creates the
 * proposals (a second commit creates nothing new). `discipline advance`: the platform's daily moves of
 * the sanctions (activation after the appeal window, completion). Names are not printed (logs).
 */
export function disciplineCommands(program: Command) {
  const discipline = program.command('discipline').description('Penghargaan dan sanksi');
  discipline
    .command('evaluate <period>')
    .description('Evaluasi aturan untuk bulan (2026-M10), triwulan (2026-Q3) atau tahun (2026)')
    .option('-r, --region <slug>', 'daerah (wajib bila ada lebih dari satu)')
    .option('--dry-run', 'uji coba saja: tidak menyimpan apa pun')
    .action(async (period: string, flags: { region?: string; dryRun?: boolean }) => {
      process.exitCode = await withDatabase(async (database) => {
        const all = await regionsBySlug(database, flags.region);
        if (all.length !== 1)
          throw new Error(
            `Pilih daerah dengan --region (${all.map((r) => r.slug).join(', ') || 'belum ada daerah'})`,
          );
        const region = all[0];
        try {
          if (flags.dryRun) {
            const p = await preview(database.db, region.id, period);
            for (const n of p.notes) console.log(`Catatan: ${n}`);
            for (const r of p.rules) console.log(`  ${r.code} v${r.version}: ${r.hits} temuan`);
            console.log(
              `${p.periodLabel}: ${p.hits.length} temuan, ${p.newSanctions} usulan sanksi baru, ${p.newRewards} usulan penghargaan baru (uji coba, tidak disimpan).`,
            );
            return 0;
          }
          const bar = new cliProgress.SingleBar(
            { format: '  {stage} [{bar}] {value}/{total}', hideCursor: true, stream: process.stderr },
            cliProgress.Presets.shades_classic,
          );
          let started = false;
          let stage = '';
          const run = await commit(database, null, region.id, period, {
            trigger: 'cli',
            progress: (s, done, total) => {
              if (s !== stage) {
                if (started) bar.stop();
                bar.start(total, done, { stage: s.padEnd(18) });
                started = true;
                stage = s;
              } else bar.update(done);
            },
          });
          if (started) bar.stop();
          console.log(
            `Evaluasi ${run.periodLabel} (${region.slug}): ${run.hits} temuan, ${run.sanctionsCreated} usulan sanksi dan ${run.rewardsCreated} usulan penghargaan dibuat (evaluasi ${run.id}).`,
          );
          return 0;
        } catch (e) {
          if (e instanceof AppError) {
            console.error(e.fields?.map((f) => f.message).join('; ') || e.message);
            return 1;
          }
          throw e;
        }
      });
    });
  discipline
    .command('advance')
    .description(
      'Jalankan langkah sistem atas sanksi: mulai setelah masa keberatan, selesai setelah hari terakhir',
    )
    .option('-r, --region <slug>', 'daerah (semua bila tidak diisi)')
    .action(async (flags: { region?: string }) => {
      process.exitCode = await withDatabase(async (database) => {
        for (const r of await regionsBySlug(database, flags.region)) {
          const n = await advanceSanctions(database, r.id);
          console.log(`${r.slug}: ${n} sanksi berpindah status.`);
        }
        return 0;
      });
    });
}
