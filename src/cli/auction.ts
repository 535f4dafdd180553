import type { Command } from 'commander';
import { expireOverdueNegotiations } from '../server/modules/auction/negotiation.service.js';
import { regionsBySlug, withDatabase } from './context.js';

export function auctionCommands(program: Command) {
  const auction = program.command('auction').description('Lelang kinerja');
  auction
    .command('expire')
    .description('Akhiri negosiasi yang lewat batas waktu (tawaran terakhir panel dianggap ditolak)')
    .option('-r, --region <slug>', 'hanya daerah ini')
    .action(async (opts: { region?: string }) => {
      await withDatabase(async (database) => {
        for (const region of await regionsBySlug(database, opts.region)) {
          const ended = await expireOverdueNegotiations(database, region.id);
          console.log(`${region.slug}: ${ended} negosiasi diakhiri karena lewat batas waktu`);
        }
      });
    });
}
