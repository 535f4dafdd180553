import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase } from './db/client.js';
import { DEMO_USERS, seedDemo } from './seed/demo.js';
import { regions } from './db/schema.js';
import { expireOverdueNegotiations } from './modules/auction/negotiation.service.js';
import { deliverEmails, sendReminders } from './modules/monitoring/notifications.service.js';
import { advanceSanctions } from './modules/discipline/cases.service.js';
import { scheduledEvaluation } from './modules/discipline/evaluation.service.js';
import { ensureDefaultRulesEverywhere } from './modules/discipline/rules.service.js';
import { warmLatenessMonths } from './modules/discipline/dashboard.service.js';
import { createMailer, type Mailer } from './platform/mail.js';
import type { Database } from './db/client.js';

/** Starts the server: migrations on start, the demo region with --seed-demo, graceful shutdown. */
async function main() {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  await database.migrate();
  await ensureDefaultRulesEverywhere(database.db);
  if (process.argv.includes('--seed-demo')) {
    const result = await seedDemo(database, new Date(), { evidenceDir: config.EVIDENCE_DIR });
    if (result.created) console.log(`Data demo Kota Malang dimuat (${result.civilServants} ASN).`);
  }
  const app = await buildApp({ database, config });
  // E-mail copies of the reminders, every minute, when SMTP is configured.
  const mailer = createMailer(config);
  const mail = setInterval(() => {
    if (mailer)
      sendMail(database, mailer, config.PUBLIC_URL).catch((err) =>
        app.log.error({ err }, 'mail sweep failed'),
      );
  }, 60_000);
  mail.unref();
  // The platform's own moves that are due by the clock (negotiation deadlines), every few minutes.
  const sweep = setInterval(() => {
    sweepDeadlines(database, config.DISCIPLINE_SCHEDULE).catch((err) =>
      app.log.error({ err }, 'deadline sweep failed'),
    );
  }, 5 * 60_000);
  sweep.unref();
  // Once right after the start too, so reminders due while the server was down are not held back.
  setTimeout(() => {
    sweepDeadlines(database, config.DISCIPLINE_SCHEDULE).catch((err) =>
      app.log.error({ err }, 'deadline sweep failed'),
    );
  }, 2_000).unref();
  // The discipline dashboard's lateness per month, worked out once in the background.
  setTimeout(() => {
    void (async () => {
      for (const r of await database.db.select({ id: regions.id }).from(regions))
        await warmLatenessMonths(database.db, r.id);
    })().catch((err) => app.log.error({ err }, 'lateness warm-up failed'));
  }, 5_000).unref();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(sweep);
    clearInterval(mail);
    mailer?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.HOST, port: config.PORT });
  const url = `http://localhost:${config.PORT}`;
  console.log(
    `\nLelang Kinerja siap di ${url} (basis data: ${database.engine}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (process.argv.includes('--seed-demo')) {
    console.log('\nAkun demo (daerah: Pemerintah Kota Malang):');
    for (const u of DEMO_USERS) console.log(`  ${u.label.padEnd(34)} ${u.username.padEnd(16)} ${u.password}`);
    console.log('');
  }
}

/**
 * Ends the negotiations whose deadline has passed, sends the monitoring reminders now due, moves the
 * sanctions whose appeal window or serving days are over, and (when DISCIPLINE_SCHEDULE=monthly) commits
 * the evaluation of the month (and quarter, year) just ended, once.
 */
async function sweepDeadlines(database: Database, schedule: 'off' | 'monthly') {
  for (const r of await database.db.select({ id: regions.id }).from(regions)) {
    await expireOverdueNegotiations(database, r.id);
    await sendReminders(database, r.id);
    if (schedule === 'monthly') await scheduledEvaluation(database, r.id);
    await advanceSanctions(database, r.id);
  }
}

/** Sends the waiting e-mail copies, batch after batch while they go out. */
async function sendMail(database: Database, mailer: Mailer, publicUrl: string) {
  for (;;) {
    const { sent } = await deliverEmails(database, mailer, publicUrl);
    if (sent === 0) return;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
