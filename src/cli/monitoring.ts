import type { Command } from 'commander';
import { sendReminders } from '../server/modules/monitoring/notifications.service.js';
import { regionsBySlug, withDatabase } from './context.js';

export function monitoringCommands(program: Command) {
  const monitoring = program.command('monitoring').description('Pemantauan kontrak');
  monitoring
    .command('remind')
    .description(
      'Kirim pengingat batas laporan, laporan terlambat dan tahapan lewat tenggat (tanpa duplikat)',
    )
    .option('-r, --region <slug>', 'hanya daerah ini')
    .action(async (opts: { region?: string }) => {
      await withDatabase(async (database) => {
        for (const region of await regionsBySlug(database, opts.region)) {
          const created = await sendReminders(database, region.id);
          console.log(`${region.slug}: ${created} pengingat baru`);
        }
      });
    });
}
