import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../src/server/db/schema.js';
import { deliverEmails, notifyUnit } from '../../src/server/modules/monitoring/notifications.service.js';
import { createMailer, type Mailer } from '../../src/server/platform/mail.js';
import { setupWorld, type World } from '../support/harness.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let w: World;
let server: SMTPServer;
let port: number;
let mailer: Mailer;
const inbox: Received[] = [];

beforeAll(async () => {
  w = await setupWorld();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  mailer = createMailer({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'Lelang Kinerja <noreply@kota-a.go.id>',
  })!;
  // The operator has an address; the head of the unit has none.
  await w.database.db
    .update(users)
    .set({ email: 'operator1@kota-a.go.id' })
    .where(and(eq(users.regionId, w.a.id), eq(users.id, w.a.users.operator1)));
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await w.close();
});

const reminder = (n: number) => ({
  kind: 'report_returned' as const,
  title: `Laporan dikembalikan ${n}`,
  body: `Realisasi Triwulan I dikembalikan verifikator: bukti belum ditandatangani (${n}).`,
  link: `/monev/contoh/aki/2026-Q${n}`,
  dedupeKey: `mail-test:${n}`,
});

/** Decodes the quoted-printable body of a plain-text message. */
const bodyOf = (raw: string) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('e-mail copies of reminders', () => {
  it('is off without SMTP_URL', () => {
    expect(createMailer({ MAIL_FROM: 'x <x@y.z>' })).toBeNull();
  });

  it('sends each reminder once to the users with an address, with a link into the app', async () => {
    const created = await notifyUnit(
      w.database.db,
      w.a.id,
      w.a.units.u1,
      ['opd_head', 'opd_operator'],
      [reminder(1)],
    );
    expect(created).toBe(2);
    const result = await deliverEmails(w.database, mailer, 'https://kinerja.kota-a.go.id/');
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toEqual(['operator1@kota-a.go.id']);
    expect(inbox[0].from).toBe('noreply@kota-a.go.id');
    expect(inbox[0].raw).toMatch(/^Subject: \[Lelang Kinerja\] Laporan dikembalikan 1$/m);
    const body = bodyOf(inbox[0].raw);
    expect(body).toContain('bukti belum ditandatangani (1)');
    expect(body).toContain('Buka: https://kinerja.kota-a.go.id/monev/contoh/aki/2026-Q1');
    // Sent once: the next sweep has nothing to do; the in-app copy records the time.
    expect(await deliverEmails(w.database, mailer, 'https://kinerja.kota-a.go.id')).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(inbox).toHaveLength(1);
    const [row] = await w.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.a.users.operator1), eq(notifications.dedupeKey, 'mail-test:1')));
    expect(row.emailedAt).toBeInstanceOf(Date);
    expect(row.emailAttempts).toBe(1);
  });

  it('two sweeps at once send each reminder once', async () => {
    await notifyUnit(w.database.db, w.a.id, w.a.units.u1, ['opd_operator'], [reminder(2), reminder(3)]);
    const before = inbox.length;
    const results = await Promise.all([
      deliverEmails(w.database, mailer, 'https://kinerja.kota-a.go.id'),
      deliverEmails(w.database, mailer, 'https://kinerja.kota-a.go.id'),
    ]);
    expect(results.reduce((a, r) => a + r.sent, 0)).toBe(2);
    expect(
      inbox
        .slice(before)
        .map((m) => /Subject: (.*)/.exec(m.raw)![1])
        .sort(),
    ).toEqual(['[Lelang Kinerja] Laporan dikembalikan 2', '[Lelang Kinerja] Laporan dikembalikan 3']);
  });

  it('keeps a failed one for a later sweep, at most five tries, and never mails reminders older than two days', async () => {
    await notifyUnit(w.database.db, w.a.id, w.a.units.u1, ['opd_operator'], [reminder(4)]);
    const down = createMailer({ SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'x <x@kota-a.go.id>' })!;
    const failed = await deliverEmails(w.database, down, 'https://kinerja.kota-a.go.id');
    down.close();
    expect(failed).toEqual({ sent: 0, failed: 1 });
    const mine = and(
      eq(notifications.userId, w.a.users.operator1),
      eq(notifications.dedupeKey, 'mail-test:4'),
    );
    const [after] = await w.database.db.select().from(notifications).where(mine);
    expect(after.emailedAt).toBeNull();
    expect(after.emailAttempts).toBe(1);
    expect(after.emailError).toMatch(/ECONNREFUSED|connect/i);
    // The server is back: the next sweep sends it.
    expect(await deliverEmails(w.database, mailer, 'https://kinerja.kota-a.go.id')).toEqual({
      sent: 1,
      failed: 0,
    });

    // After five failed tries it is left alone; one three days old is never mailed.
    await notifyUnit(w.database.db, w.a.id, w.a.units.u1, ['opd_operator'], [reminder(5), reminder(6)]);
    await w.database.db
      .update(notifications)
      .set({ emailAttempts: 5 })
      .where(and(eq(notifications.userId, w.a.users.operator1), eq(notifications.dedupeKey, 'mail-test:5')));
    await w.database.db
      .update(notifications)
      .set({ createdAt: new Date(Date.now() - 3 * 86_400_000) })
      .where(and(eq(notifications.userId, w.a.users.operator1), eq(notifications.dedupeKey, 'mail-test:6')));
    const count = inbox.length;
    expect(await deliverEmails(w.database, mailer, 'https://kinerja.kota-a.go.id')).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(inbox).toHaveLength(count);
  });
});
