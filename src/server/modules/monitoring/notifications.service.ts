import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { notifications, regions, userRoles, users } from '../../db/schema.js';
import { offsetOf } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { AppError } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail.js';
import { loadYear } from './dashboards.service.js';
import { deadlineOf, periodsOf, type Frequency } from './periods.domain.js';
import { workingDaysBetween, workingDaysLate } from './working-days.domain.js';

/**
 * In-app reminders: a realization due within three working days, a report past its deadline, a
 * report returned by the verifier, a milestone overdue. Each reminder has a dedupe key, so the sweep
 * can run as often as it likes and a user never gets the same reminder twice.
 */

export interface Reminder {
  kind: 'deadline_soon' | 'report_overdue' | 'report_returned' | 'milestone_overdue';
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
}

/** Sends a reminder to the users holding one of `roles` for the unit (active users only). */
export async function notifyUnit(
  tx: DbOrTx,
  regionId: string,
  unitId: string,
  roles: ('opd_head' | 'opd_operator')[],
  reminders: Reminder[],
): Promise<number> {
  if (!reminders.length) return 0;
  const recipients = await tx
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, and(eq(users.regionId, userRoles.regionId), eq(users.id, userRoles.userId)))
    .where(
      and(
        eq(userRoles.regionId, regionId),
        eq(userRoles.workUnitId, unitId),
        inArray(userRoles.role, roles),
        eq(users.active, true),
      ),
    );
  if (!recipients.length) return 0;
  const rows = await tx
    .insert(notifications)
    .values(recipients.flatMap((u) => reminders.map((r) => ({ ...r, regionId, userId: u.id }))))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

const SOON = 3;

/**
 * The reminders due now for the region: deadlines within three working days with nothing
 * submitted, reports past their deadline, milestones past their due date. Returns how many
 * notifications were created (0 when everything was already sent).
 */
export async function sendReminders(database: Database, regionId: string, now = new Date()): Promise<number> {
  const byUnit = new Map<string, Reminder[]>();
  const add = (unitId: string, r: Reminder) => byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), r]);
  const current = await loadYear(database.db, regionId, undefined, now);
  // Last year's periods too: December's and the fourth quarter's deadlines fall in January.
  for (const data of [await loadYear(database.db, regionId, current.year - 1, now), current]) {
    const contractOf = new Map(data.contracts.map((c) => [c.id, c]));
    for (const ind of data.indicators) {
      const c = contractOf.get(ind.contractId);
      if (!c) continue;
      const reported = new Set(
        (data.realizations.get(`${ind.contractId}\u0000${ind.key}`) ?? [])
          .filter((r) => r.status !== 'draft' && r.status !== 'returned')
          .map((r) => r.periodKey),
      );
      for (const p of periodsOf(ind.frequency as Frequency, data.year)) {
        if (reported.has(p.key) || data.today < p.end) continue;
        const deadline = deadlineOf(p, { dayOfFollowingMonth: data.deadlineDay });
        const link = `/monev/${c.id}/${ind.key}/${p.key}`;
        if (data.today <= deadline && workingDaysBetween(data.calendar, data.today, deadline) <= SOON)
          add(c.workUnitId, {
            kind: 'deadline_soon',
            title: `Batas laporan ${p.label}: ${deadline}`,
            body: `Realisasi ${ind.name} (${c.title}) untuk ${p.label} belum diajukan; batas waktunya ${deadline}.`,
            link,
            dedupeKey: `deadline:${c.id}:${ind.key}:${p.key}`,
          });
        else if (data.today > deadline)
          add(c.workUnitId, {
            kind: 'report_overdue',
            title: `Laporan ${p.label} terlambat`,
            body: `Realisasi ${ind.name} (${c.title}) untuk ${p.label} belum diajukan; batas waktunya ${deadline} sudah lewat ${workingDaysLate(data.calendar, deadline, data.today)} hari kerja.`,
            link,
            dedupeKey: `overdue:${c.id}:${ind.key}:${p.key}`,
          });
      }
    }
    if (data !== current) continue;
    for (const m of data.milestones) {
      const c = contractOf.get(m.contractId);
      if (!c || m.doneOn || data.today <= m.dueDate) continue;
      const late = workingDaysLate(data.calendar, m.dueDate, data.today);
      if (late < 1) continue;
      add(c.workUnitId, {
        kind: 'milestone_overdue',
        title: 'Tahapan lewat tenggat',
        body: `Tahapan program "${c.title}" bertenggat ${m.dueDate} belum ditandai selesai.`,
        link: `/kontrak/${c.id}`,
        dedupeKey: `milestone:${c.id}:${m.dueDate}:${m.key}`,
      });
    }
  }
  let created = 0;
  for (const [unitId, reminders] of byUnit) {
    const heads = reminders.filter((r) => r.kind === 'milestone_overdue');
    const both = reminders.filter((r) => r.kind !== 'milestone_overdue');
    await database.db.transaction(async (tx) => {
      created += await notifyUnit(tx, regionId, unitId, ['opd_head', 'opd_operator'], both);
      created += await notifyUnit(tx, regionId, unitId, ['opd_head'], heads);
    });
  }
  return created;
}

export async function listNotifications(db: DbOrTx, actor: Actor, page: number, pageSize: number) {
  const mine = and(eq(notifications.regionId, actor.regionId), eq(notifications.userId, actor.userId));
  const [{ total }] = await db.select({ total: count() }).from(notifications).where(mine);
  const [{ unread }] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  const rows = await db
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize));
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    })),
    total,
    unread,
    page,
    pageSize,
  };
}

/** Marks one of the caller's notifications read (another user's answers 404), or all of them. */
export async function markRead(database: Database, actor: Actor, id: string | null) {
  await database.db.transaction(async (tx: Tx) => {
    const mine = and(eq(notifications.regionId, actor.regionId), eq(notifications.userId, actor.userId));
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(id ? and(mine, eq(notifications.id, id)) : mine)
      .returning({ id: notifications.id });
    if (id && rows.length === 0) throw new AppError('NOT_FOUND');
  });
  return { ok: true as const };
}

/** How long an unsent reminder stays worth an e-mail, how often it is tried, how long a claim holds. */
const MAIL_WINDOW_HOURS = 48;
const MAIL_MAX_ATTEMPTS = 5;
const MAIL_LEASE_MINUTES = 10;
const MAIL_BATCH = 50;

/**
 * Sends the e-mail copy of in-app reminders to users with an address (active users only): each
 * notification once. A batch is first claimed in one short statement (attempts counted, a ten-minute
 * lease, rows another process holds skipped), then sent outside any transaction, then marked sent or
 * given the error. A failed one is tried again by a later sweep, at most five times, and only within
 * two days of its creation, so switching mail on later does not flood inboxes with old reminders.
 */
export async function deliverEmails(
  database: Database,
  mailer: Mailer,
  publicUrl: string,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  const { db } = database;
  const since = new Date(now.getTime() - MAIL_WINDOW_HOURS * 3_600_000);
  const leaseOver = new Date(now.getTime() - MAIL_LEASE_MINUTES * 60_000);
  const claimed = await db.execute(sql`
    update notifications n set email_attempts = n.email_attempts + 1, email_claimed_at = ${now}
    where (n.region_id, n.id) in (
      select x.region_id, x.id from notifications x
      join users u on u.region_id = x.region_id and u.id = x.user_id
      where x.emailed_at is null and x.created_at > ${since}
        and x.email_attempts < ${MAIL_MAX_ATTEMPTS}
        and (x.email_claimed_at is null or x.email_claimed_at < ${leaseOver})
        and u.active and u.email is not null and u.email <> ''
      order by x.created_at
      limit ${MAIL_BATCH}
      for update of x skip locked)
    returning n.region_id, n.id, n.user_id`);
  const rows = (claimed as unknown as { rows: { region_id: string; id: string }[] }).rows;
  if (!rows.length) return { sent: 0, failed: 0 };
  const items = await db
    .select({
      regionId: notifications.regionId,
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      email: users.email,
      fullName: users.fullName,
      regionName: regions.name,
    })
    .from(notifications)
    .innerJoin(users, and(eq(users.regionId, notifications.regionId), eq(users.id, notifications.userId)))
    .innerJoin(regions, eq(regions.id, notifications.regionId))
    .where(
      inArray(
        notifications.id,
        rows.map((r) => r.id),
      ),
    );
  let sent = 0;
  let failed = 0;
  const base = publicUrl.replace(/\/+$/, '');
  for (const n of items) {
    const mine = and(eq(notifications.regionId, n.regionId), eq(notifications.id, n.id));
    try {
      await mailer.send({
        to: n.email!,
        subject: `[Lelang Kinerja] ${n.title}`,
        text: [
          `Yth. ${n.fullName},`,
          '',
          n.body,
          ...(n.link ? ['', `Buka: ${base}${n.link}`] : []),
          '',
          `Lelang Kinerja - ${n.regionName}`,
          'Surel ini dikirim otomatis; pengingat yang sama juga ada di aplikasi (ikon lonceng).',
        ].join('\n'),
      });
      await db.update(notifications).set({ emailedAt: new Date(), emailError: null }).where(mine);
      sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db
        .update(notifications)
        .set({ emailError: message.slice(0, 500), emailClaimedAt: null })
        .where(mine);
      failed++;
    }
  }
  return { sent, failed };
}
