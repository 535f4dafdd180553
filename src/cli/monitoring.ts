import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { deliverEmails, sendReminders } from '../server/modules/monitoring/notifications.service.js';
import { createMailer } from '../server/platform/mail.js';
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
        const config = loadConfig();
        const mailer = createMailer(config);
        if (!mailer) {
          console.log('Surel tidak dikirim: SMTP_URL belum diatur (pengingat tetap ada di aplikasi).');
          return;
        }
        try {
          let total = { sent: 0, failed: 0 };
          for (;;) {
            const batch = await deliverEmails(database, mailer, config.PUBLIC_URL);
            total = { sent: total.sent + batch.sent, failed: total.failed + batch.failed };
            if (batch.sent === 0) break;
          }
          console.log(`Surel: ${total.sent} terkirim, ${total.failed} gagal (dicoba lagi nanti)`);
        } finally {
          mailer.close();
        }
      });
    });
}
