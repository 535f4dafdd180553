import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { auditCount, verifyChain } from '../server/platform/audit.js';
import { regionsBySlug, withDatabase } from './context.js';

export function auditCommands(program: Command) {
  const audit = program.command('audit').description('Jejak audit');
  audit
    .command('verify')
    .description('Periksa rantai hash jejak audit; melaporkan entri pertama yang rusak')
    .option('-r, --region <slug>', 'hanya daerah ini')
    .action(async (opts: { region?: string }) => {
      const broken = await withDatabase(async (database) => {
        let bad = 0;
        for (const region of await regionsBySlug(database, opts.region)) {
          const total = await auditCount(database.db, region.id);
          const bar = new cliProgress.SingleBar(
            { format: `  ${region.slug} [{bar}] {value}/{total}`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          if (process.stdout.isTTY) bar.start(total, 0);
          const result = await verifyChain(
            database.db,
            region.id,
            (n) => process.stdout.isTTY && bar.update(n),
          );
          if (process.stdout.isTTY) bar.stop();
          if (result.ok) {
            console.log(
              `OK   ${region.slug}: ${result.entries} entri, kepala ${result.headHash.slice(0, 16)}…`,
            );
          } else {
            bad++;
            console.log(
              `RUSAK ${region.slug}: entri #${result.brokenAt} — ${result.reason} (${result.entries} entri sebelumnya utuh)`,
            );
          }
        }
        return bad;
      });
      process.exitCode = broken ? 2 : 0;
    });
}
