import { Command } from 'commander';
import { attendanceCommands } from './attendance.js';
import { auctionCommands } from './auction.js';
import { auditCommands } from './audit.js';
import { dbCommands } from './db.js';
import { disciplineCommands } from './discipline.js';
import { monitoringCommands } from './monitoring.js';

/** `npm run cli -- <command>`: operations that do not need the web server. */
const program = new Command('lelang-kinerja').description('Alat baris perintah Lelang Kinerja');
dbCommands(program);
auditCommands(program);
auctionCommands(program);
monitoringCommands(program);
attendanceCommands(program);
disciplineCommands(program);
program.parseAsync(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
