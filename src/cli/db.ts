import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { seedDemo } from '../server/seed/demo.js';
import { withDatabase } from './context.js';

export function dbCommands(program: Command) {
  const db = program.command('db').description('Basis data');
  db.command('migrate')
    .description('Terapkan migrasi')
    .action(async () => {
      await withDatabase(async (database) => console.log(`Migrasi diterapkan (${database.engine}).`));
    });
  db.command('seed-demo')
    .description('Muat data demo Kota Malang (tidak berbuat apa-apa bila sudah ada)')
    .action(async () => {
      await withDatabase(async (database) => {
        const r = await seedDemo(database, new Date(), { evidenceDir: loadConfig().EVIDENCE_DIR });
        console.log(r.created ? `Data demo dimuat (${r.civilServants} ASN).` : 'Data demo sudah ada.');
      });
    });
}
