import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, Negotiation, Pact } from '../../src/contract/agreements.js';
import type { CycleDto, Theme } from '../../src/contract/cycles.js';
import {
  auditEntries,
  contractMilestones,
  contractTargets,
  contracts,
  negotiationRounds,
  proposals,
} from '../../src/server/db/schema.js';
import { pactHash } from '../../src/server/modules/auction/pact.domain.js';
import {
  expireOverdueNegotiations,
  getNegotiation,
} from '../../src/server/modules/auction/negotiation.service.js';
import { openCycleWithTheme, scoredProposal } from '../support/auction.js';
import { PASSWORD, setupWorld, type Client, type World } from '../support/harness.js';
import { compact, pdfCompact, pdfText } from '../support/pdf.js';

let w: World;
let admin: Client;
let chair: Client;
let head: Client;
let operator: Client;
let cycle: CycleDto;
let theme: Theme;
let panel: { id: string; client: Client }[];
let y0: number;

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  chair = await w.login('kepala');
  head = await w.login('kaopd1');
  operator = await w.login('operator1');
  ({ cycle, theme } = await openCycleWithTheme(admin, 'Siklus negosiasi'));
  y0 = cycle.startYear;
  const res = await admin.post('/api/users', {
    username: 'akademisi',
    fullName: 'Panelis Akademisi',
    password: 'kalimat sandi panelis uji',
    roles: [{ role: 'panelist' }],
  });
  expect(res.statusCode).toBe(201);
  panel = [
    { id: w.a.users.panelis, client: await w.login('panelis') },
    { id: res.json().id, client: await w.login('akademisi', { password: 'kalimat sandi panelis uji' }) },
  ];
});
afterAll(() => w.close());

const neg = async (c: Client, id: string) => {
  const res = await c.get(`/api/proposals/${id}/negotiation`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Negotiation;
};
const offer = (
  c: Client,
  id: string,
  value: number,
  rounds: number,
  reason = 'Data kohort memungkinkan target lebih berat',
) =>
  c.post(`/api/proposals/${id}/negotiation/offers`, {
    targets: [{ indicatorKey: 'aki', year: y0, value }],
    milestoneDeadlines: [],
    reason,
    rounds,
  });

async function auditActions(entityId: string) {
  const rows = await w.database.db
    .select({ action: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.entityId, entityId));
  return rows.map((r) => r.action);
}

describe('negotiation rounds', () => {
  let id: string;
  let pact: Pact;

  it('panel offers, the OPD head counters, the panel accepts: the proposal is agreed with the counter', async () => {
    id = (await scoredProposal(w, cycle, theme, 'Usulan negosiasi', panel)).id;
    const before = await neg(head, id);
    expect(before).toMatchObject({ status: 'scored', state: null, side: 'opd' });
    expect(before.score).not.toBeNull();
    expect(before.can).toMatchObject({ offer: false, counter: false, accept: false });
    expect((await neg(chair, id)).can).toMatchObject({ offer: true, agreeAsIs: true });

    // The OPD does not open a negotiation.
    expect((await offer(head, id, 109, 0)).statusCode).toBe(403);
    const first = await offer(chair, id, 108, 0);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in_negotiation', state: 'awaiting_opd' });

    // Nobody answers their own offer.
    expect((await chair.post(`/api/proposals/${id}/negotiation/accept`, { round: 1 })).statusCode).toBe(403);
    // A counter tougher than the panel's offer is not a counter.
    const tooTough = await offer(head, id, 107, 1);
    expect(tooTough.statusCode).toBe(400);
    expect(tooTough.json().error.fields[0].path).toBe('targets.0.value');
    expect(tooTough.json().error.fields[0].message).toMatch(/lebih berat daripada tawaran panel/);
    // Seen state is stale: a round was made meanwhile.
    expect((await offer(head, id, 109, 0)).statusCode).toBe(409);

    const counter = await offer(head, id, 109, 1, 'Sebagian puskesmas belum memiliki bidan koordinator');
    expect(counter.statusCode, counter.body).toBe(200);
    expect(counter.json()).toMatchObject({ state: 'awaiting_panel' });
    const seen = counter.json() as Negotiation;
    expect(seen.rounds.map((r) => [r.round, r.side])).toEqual([
      [1, 'panel'],
      [2, 'opd'],
    ]);
    expect(seen.rounds[1].createdByName).not.toBe('');

    const accepted = await chair.post(`/api/proposals/${id}/negotiation/accept`, { round: 2 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = accepted.json() as Negotiation;
    expect(after).toMatchObject({
      status: 'agreed',
      state: 'accepted',
      answer: { round: 2, side: 'panel', kind: 'accept' },
    });
    expect(after.agreed?.targets.find((t) => t.year === y0)).toMatchObject({ value: 109 });
    expect(after.agreed?.targets.find((t) => t.year === y0 + 1)).toMatchObject({ value: 105 });
    // An answered offer cannot be answered again.
    expect((await head.post(`/api/proposals/${id}/negotiation/accept`, { round: 2 })).statusCode).toBe(409);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['negotiation.offer', 'negotiation.counter', 'negotiation.accept']),
    );
  });

  it('keeps every round as written: the database refuses to change or delete one', async () => {
    await expect(
      w.database.db
        .update(negotiationRounds)
        .set({ reason: 'diubah' })
        .where(eq(negotiationRounds.proposalId, id)),
    ).rejects.toThrow();
    await expect(
      w.database.db.delete(negotiationRounds).where(eq(negotiationRounds.proposalId, id)),
    ).rejects.toThrow();
  });

  it('draws up a numbered pact whose hash the public verification shows, and a PDF that prints it', async () => {
    const res = await head.get(`/api/proposals/${id}/pact`);
    expect(res.statusCode, res.body).toBe(200);
    pact = res.json();
    expect(pact.number).toMatch(/^001\/PI-LK\/1\.01\.01\/\d{4}$/);
    expect(pact.outcome).toBe('agreed');
    expect(pact.contentHash).toBe(pactHash(pact.content));
    expect(pact.content.indicators[0].targets.find((t) => t.year === y0)).toMatchObject({ value: 109 });
    expect(pact.content.indicators[0].baseline).toMatchObject({ value: 120, source: 'Dinas Kesehatan' });
    expect(pact.canSignAs).toEqual(['opd_head']);
    expect(pact.verificationUrl).toBe(
      `${w.config.PUBLIC_URL.replace(/\/$/, '')}/verifikasi/${pact.verificationCode}`,
    );

    const pub = await w.anonymous().get(`/api/public/pacts/${pact.verificationCode}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      number: pact.number,
      contentHash: pact.contentHash,
      timezone: 'Asia/Jakarta',
      outcome: 'agreed',
      programTitle: 'Usulan negosiasi',
      signatures: { opdHeadSignedAt: null, headOfRegionSignedAt: null },
    });
    expect(pub.json().parties.map((p: { role: string }) => p.role)).toEqual(['opd_head', 'head_of_region']);
    expect((await w.anonymous().get('/api/public/pacts/AAAA-BBBB-CCCC')).statusCode).toBe(404);
    expect((await w.anonymous().get('/api/public/pacts/bukan-kode')).statusCode).toBe(400);

    const pdf = await head.get(`/api/proposals/${id}/pact.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('PAKTA INTEGRITAS KESANGGUPAN');
    expect(pdfCompact(pdf.rawPayload)).toContain(compact(pact.number));
    expect(text).toContain(pact.contentHash);
    expect(pdfCompact(pdf.rawPayload)).toContain(pact.verificationCode);
    expect(text).toContain('Usulan negosiasi');
  });

  it('signing needs the signer password; the second signature makes the contract', async () => {
    const wrong = await head.post(`/api/proposals/${id}/pact/sign`, {
      as: 'opd_head',
      password: 'salah sekali',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ path: 'password', message: 'Kata sandi salah' }]);
    // The head of region cannot sign as the unit head, nor the operator at all.
    expect(
      (await chair.post(`/api/proposals/${id}/pact/sign`, { as: 'opd_head', password: PASSWORD })).statusCode,
    ).toBe(404);
    expect(
      (await operator.post(`/api/proposals/${id}/pact/sign`, { as: 'opd_head', password: PASSWORD }))
        .statusCode,
    ).toBe(403);

    const one = await head.post(`/api/proposals/${id}/pact/sign`, { as: 'opd_head', password: PASSWORD });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().signatures.opdHead.signedAt).toBeTruthy();
    expect(one.json().contractId).toBeNull();
    expect(
      (await head.post(`/api/proposals/${id}/pact/sign`, { as: 'opd_head', password: PASSWORD })).statusCode,
    ).toBe(409);

    const two = await chair.post(`/api/proposals/${id}/pact/sign`, {
      as: 'head_of_region',
      password: PASSWORD,
    });
    expect(two.statusCode, two.body).toBe(200);
    const signed = two.json() as Pact;
    expect(signed.contractId).not.toBeNull();
    // Signatures are not part of the content: the hash printed before signing still verifies.
    expect(signed.contentHash).toBe(pact.contentHash);
    const [row] = await w.database.db.select().from(proposals).where(eq(proposals.id, id));
    expect(row.status).toBe('signed');
    const pub = await w.anonymous().get(`/api/public/pacts/${pact.verificationCode}`);
    expect(pub.json().signatures.opdHeadSignedAt).toBeTruthy();
    expect(pub.json().signatures.headOfRegionSignedAt).toBeTruthy();
    expect(await auditActions(pact.id)).toEqual(
      expect.arrayContaining(['pact.create', 'pact.sign_failed', 'pact.sign']),
    );

    const targets = await w.database.db
      .select()
      .from(contractTargets)
      .where(eq(contractTargets.contractId, signed.contractId!));
    expect(targets).toHaveLength(5);
    expect(targets.find((t) => t.year === y0)?.value).toBe(109);
  });

  it('the contract is read-only; an amendment approved by the head of region makes version 2 with a diff', async () => {
    const [c] = await w.database.db.select().from(contracts).where(eq(contracts.proposalId, id));
    const read = await operator.get(`/api/contracts/${c.id}`);
    expect(read.statusCode).toBe(200);
    const before = read.json() as Contract;
    expect(before).toMatchObject({ currentVersion: 1, can: { amend: false } });
    expect(before.versions).toHaveLength(1);
    expect(before.indicators[0]).toMatchObject({ key: 'aki', baseline: { value: 120 } });
    // The operator may not ask for an amendment (policy), nor the head of another region's unit (404).
    const body = {
      changes: {
        targets: [{ indicatorKey: 'aki', year: y0 + 1, value: 104 }],
        milestones: [{ milestoneKey: 'm1', date: `${y0}-03-15` }],
      },
      reason: 'Hasil evaluasi triwulan pertama',
    };
    expect((await operator.post(`/api/contracts/${c.id}/amendments`, body)).statusCode).toBe(403);
    expect(
      (await (await w.login('kaopd1', { region: 'b' })).post(`/api/contracts/${c.id}/amendments`, body))
        .statusCode,
    ).toBe(404);

    const empty = await head.post(`/api/contracts/${c.id}/amendments`, { changes: {}, reason: 'Tidak ada' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/tidak mengubah nilai/);
    const wrongWay = await head.post(`/api/contracts/${c.id}/amendments`, {
      changes: { targets: [{ indicatorKey: 'aki', year: y0 + 1, value: 130 }] },
      reason: 'Arah salah',
    });
    expect(wrongWay.statusCode).toBe(400);

    const proposed = await head.post(`/api/contracts/${c.id}/amendments`, body);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const open = (proposed.json() as Contract).amendments[0];
    expect(open).toMatchObject({
      status: 'proposed',
      baseVersion: 1,
      can: { approve: false, withdraw: true },
    });
    expect(open.changes).toEqual([
      { kind: 'target', indicatorKey: 'aki', year: y0 + 1, before: { value: 105 }, after: { value: 104 } },
      { kind: 'milestone', milestoneKey: 'm1', before: `${y0}-03-31`, after: `${y0}-03-15` },
    ]);
    // One open amendment at a time.
    expect((await head.post(`/api/contracts/${c.id}/amendments`, body)).statusCode).toBe(400);

    // A rejection needs a reason; a stale version answers 409.
    const noReason = await chair.post(`/api/contracts/${c.id}/amendments/${open.id}/reject`, {
      version: open.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await chair.post(`/api/contracts/${c.id}/amendments/${open.id}/approve`, {
          version: open.version + 5,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await head.post(`/api/contracts/${c.id}/amendments/${open.id}/approve`, { version: open.version }))
        .statusCode,
    ).toBe(403);

    const approved = await chair.post(`/api/contracts/${c.id}/amendments/${open.id}/approve`, {
      version: open.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = approved.json() as Contract;
    expect(after.currentVersion).toBe(2);
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(after.versions[0].changes).toEqual(open.changes);
    expect(after.versions[1].terms.targets.find((t) => t.year === y0 + 1)).toMatchObject({ value: 105 });
    expect(after.amendments[0]).toMatchObject({ status: 'approved', decidedByName: expect.any(String) });
    const [t] = await w.database.db
      .select()
      .from(contractTargets)
      .where(and(eq(contractTargets.contractId, c.id), eq(contractTargets.year, y0 + 1)));
    expect(t.value).toBe(104);
    const [m] = await w.database.db
      .select()
      .from(contractMilestones)
      .where(eq(contractMilestones.contractId, c.id));
    expect(m.dueDate).toBe(`${y0}-03-15`);
    // Approving twice is refused.
    expect(
      (
        await chair.post(`/api/contracts/${c.id}/amendments/${open.id}/approve`, {
          version: open.version + 1,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('the head of region cannot approve an amendment they proposed; the proposer may withdraw it', async () => {
    const [c] = await w.database.db.select().from(contracts).where(eq(contracts.proposalId, id));
    const proposed = await chair.post(`/api/contracts/${c.id}/amendments`, {
      changes: { budget: [{ year: y0, amount: 900_000_000 }] },
      reason: 'Penyesuaian APBD',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const a = (proposed.json() as Contract).amendments[0];
    expect(a.can).toEqual({ approve: false, reject: false, withdraw: true });
    const own = await chair.post(`/api/contracts/${c.id}/amendments/${a.id}/approve`, { version: a.version });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.message).toMatch(/pengusulnya sendiri/);
    expect(
      (await head.post(`/api/contracts/${c.id}/amendments/${a.id}/withdraw`, { version: a.version }))
        .statusCode,
    ).toBe(403);
    const withdrawn = await chair.post(`/api/contracts/${c.id}/amendments/${a.id}/withdraw`, {
      version: a.version,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((withdrawn.json() as Contract).amendments[0].status).toBe('withdrawn');
  });

  it('lists contracts in scope: the region for the admin, none for another region', async () => {
    const mine = await operator.get('/api/contracts');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((c: { proposalId: string }) => c.proposalId)).toContain(id);
    const other = await (await w.login('admin', { region: 'b' })).get('/api/contracts');
    expect(other.json().total).toBe(0);
    const search = await admin.get(`/api/contracts?q=${encodeURIComponent(pact.number)}`);
    expect(search.json().total).toBe(1);
  });
});

describe('ending without agreement', () => {
  it('the OPD head refuses with a reason: refused, and the pact records the refusal', async () => {
    const id = (await scoredProposal(w, cycle, theme, 'Usulan ditolak', panel)).id;
    expect((await offer(chair, id, 107, 0)).statusCode).toBe(200);
    const noReason = await head.post(`/api/proposals/${id}/negotiation/refuse`, { round: 1, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const refused = await head.post(`/api/proposals/${id}/negotiation/refuse`, {
      round: 1,
      reason: 'Target tidak realistis dengan anggaran yang tersedia',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', state: 'refused', agreed: null });
    const pact = (await head.get(`/api/proposals/${id}/pact`)).json() as Pact;
    expect(pact).toMatchObject({ outcome: 'refused', canSignAs: [] });
    expect(pact.content.refusalReason).toBe('Target tidak realistis dengan anggaran yang tersedia');
    expect(pact.content.indicators[0].targets.find((t) => t.year === y0)).toMatchObject({ value: 107 });
    expect(
      (await head.post(`/api/proposals/${id}/pact/sign`, { as: 'opd_head', password: PASSWORD })).statusCode,
    ).toBe(409);
    const text = pdfText((await head.get(`/api/proposals/${id}/pact.pdf`)).rawPayload);
    expect(text).toContain('MENOLAK');
  });

  it('after the deadline the last panel offer stands as refused', async () => {
    const id = (await scoredProposal(w, cycle, theme, 'Usulan lewat waktu', panel)).id;
    expect((await offer(chair, id, 107, 0)).statusCode).toBe(200);
    const actor = await w.actorOf(head);
    const late = new Date(Date.parse((await neg(head, id)).deadline) + 1000);
    const atDeadline = await getNegotiation(
      w.database,
      actor,
      id,
      new Date(Date.parse((await neg(head, id)).deadline)),
    );
    expect(atDeadline.state).toBe('awaiting_opd');
    const expired = await getNegotiation(w.database, actor, id, late);
    expect(expired).toMatchObject({
      status: 'refused',
      state: 'expired',
      answer: { side: 'system', kind: 'expire' },
    });
    expect(expired.can).toMatchObject({ accept: false, counter: false, refuse: false });
    const pact = (await head.get(`/api/proposals/${id}/pact`)).json() as Pact;
    expect(pact.outcome).toBe('refused');
    expect(await auditActions(id)).toContain('negotiation.expire');
  });

  it('the admin may extend one negotiation before its deadline; the extension then governs expiry', async () => {
    const id = (await scoredProposal(w, cycle, theme, 'Usulan diperpanjang', panel)).id;
    expect((await offer(chair, id, 107, 0)).statusCode).toBe(200);
    const n = await neg(admin, id);
    expect(n.can.extend).toBe(true);
    expect((await neg(chair, id)).can.extend).toBe(false);
    const cycleDeadline = Date.parse(n.deadline);
    const day = (offset: number) =>
      new Date(cycleDeadline + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const path = `/api/proposals/${id}/negotiation/extension`;
    const body = {
      deadline: day(7),
      reason: 'Menunggu data kohort hasil verifikasi lapangan',
      version: n.version,
    };
    expect((await chair.post(path, body)).statusCode).toBe(403);
    const early = await admin.post(path, { ...body, deadline: day(0) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ path: 'deadline' });
    const tooLate = await admin.post(path, { ...body, deadline: `${cycle.startYear + 1}-01-05` });
    expect(tooLate.statusCode).toBe(400);
    expect((await admin.post(path, { ...body, version: n.version - 1 })).statusCode).toBe(409);
    const ok = await admin.post(path, body);
    expect(ok.statusCode, ok.body).toBe(200);
    const extended = ok.json() as Negotiation;
    expect(extended.extension).toEqual({ deadline: day(7), reason: body.reason });
    expect(Date.parse(extended.deadline)).toBeGreaterThan(cycleDeadline + 6 * 86_400_000);
    expect(await auditActions(id)).toContain('negotiation.extend');

    const actor = await w.actorOf(head);
    // Past the cycle's deadline but within the extension: still open and answerable.
    const between = await getNegotiation(w.database, actor, id, new Date(cycleDeadline + 3 * 86_400_000));
    expect(between.state).toBe('awaiting_opd');
    expect(between.can.counter).toBe(true);
    const after = await getNegotiation(w.database, actor, id, new Date(Date.parse(extended.deadline) + 1000));
    expect(after.state).toBe('expired');
    // Once ended, no extension revives it.
    const revived = await admin.post(path, { ...body, deadline: day(8), version: after.version });
    expect(revived.statusCode).toBe(409);
  });

  it('the sweep ends overdue negotiations nobody opened, and only those', async () => {
    const overdue = (await scoredProposal(w, cycle, theme, 'Usulan tak dibuka', panel)).id;
    expect((await offer(chair, overdue, 107, 0)).statusCode).toBe(200);
    const deadline = Date.parse((await neg(chair, overdue)).deadline);
    expect(await expireOverdueNegotiations(w.database, w.a.id, new Date(deadline))).toBe(0);
    const ended = await expireOverdueNegotiations(w.database, w.a.id, new Date(deadline + 1000));
    expect(ended).toBeGreaterThanOrEqual(1);
    const [row] = await w.database.db.select().from(proposals).where(eq(proposals.id, overdue));
    expect(row.status).toBe('refused');
    expect((await head.get(`/api/proposals/${overdue}/pact`)).json().outcome).toBe('refused');
    // Nothing else is touched: another region's negotiations and running ones are not in scope.
    expect(await expireOverdueNegotiations(w.database, w.b.id, new Date(deadline + 1000))).toBe(0);
  });

  it('the panel may take a bid as it is', async () => {
    const p = await scoredProposal(w, cycle, theme, 'Usulan diterima apa adanya', panel);
    expect((await head.post(`/api/proposals/${p.id}/agree`, { version: p.version })).statusCode).toBe(403);
    const stale = await chair.post(`/api/proposals/${p.id}/agree`, { version: p.version - 1 });
    expect(stale.statusCode).toBe(409);
    const ok = await chair.post(`/api/proposals/${p.id}/agree`, { version: p.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'agreed', state: null, rounds: [] });
    const pact = (await head.get(`/api/proposals/${p.id}/pact`)).json() as Pact;
    expect(pact.content.rounds).toBe(0);
    expect(pact.content.indicators[0].targets.find((t) => t.year === y0)).toMatchObject({ value: 110 });
  });
});

describe('concurrency and scope', () => {
  it('two answers to one offer at once: exactly one wins', async () => {
    const id = (await scoredProposal(w, cycle, theme, 'Usulan serentak', panel)).id;
    expect((await offer(chair, id, 108, 0)).statusCode).toBe(200);
    const results = await Promise.all([
      head.post(`/api/proposals/${id}/negotiation/accept`, { round: 1 }),
      offer(head, id, 109, 1),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rounds = await w.database.db
      .select()
      .from(negotiationRounds)
      .where(eq(negotiationRounds.proposalId, id));
    const state = (await neg(head, id)).state;
    expect(
      state === 'accepted' ? rounds.length === 1 : rounds.length === 2 && state === 'awaiting_panel',
    ).toBe(true);
  });

  it('another region answers 404; the operator reads but does not answer; an outside panelist does not see it', async () => {
    const id = (await scoredProposal(w, cycle, theme, 'Usulan lingkup', panel)).id;
    const b = await w.login('kaopd1', { region: 'b' });
    for (const res of [
      await b.get(`/api/proposals/${id}/negotiation`),
      await offer(b, id, 100, 0),
      await b.get(`/api/proposals/${id}/pact`),
    ])
      expect(res.statusCode).toBe(404);
    expect((await operator.get(`/api/proposals/${id}/negotiation`)).statusCode).toBe(200);
    expect((await operator.post(`/api/proposals/${id}/negotiation/accept`, { round: 1 })).statusCode).toBe(
      403,
    );
    expect((await panel[0].client.get(`/api/proposals/${id}/negotiation`)).statusCode).toBe(200);
    const res = await admin.post('/api/users', {
      username: 'luar',
      fullName: 'Panelis Luar',
      password: 'kalimat sandi panelis uji',
      roles: [{ role: 'panelist' }],
    });
    expect(res.statusCode).toBe(201);
    const outsider = await w.login('luar', { password: 'kalimat sandi panelis uji' });
    expect((await outsider.get(`/api/proposals/${id}/negotiation`)).statusCode).toBe(404);
  });
});

describe('another unit of the same region', () => {
  it('cannot answer for the lead unit: a stranger sees nothing, a collaborator reads but does not answer', async () => {
    const res = await admin.post('/api/users', {
      username: 'kaopd2',
      fullName: 'Kepala Dinas Dua',
      password: 'kalimat sandi kepala dua',
      roles: [{ role: 'opd_head', workUnitId: w.a.units.u2 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const other = await w.login('kaopd2', { password: 'kalimat sandi kepala dua' });
    const id = (await scoredProposal(w, cycle, theme, 'Usulan unit satu', panel)).id;
    expect((await offer(chair, id, 108, 0)).statusCode).toBe(200);
    for (const r of [
      await other.get(`/api/proposals/${id}/negotiation`),
      await offer(other, id, 109, 1),
      await other.post(`/api/proposals/${id}/negotiation/accept`, { round: 1 }),
      await other.post(`/api/proposals/${id}/negotiation/refuse`, { round: 1, reason: 'Bukan urusan kami' }),
    ])
      expect(r.statusCode, r.body).toBe(404);

    // As a contributing unit the other head reads the negotiation, and still cannot answer it.
    await w.database.db
      .update(proposals)
      .set({ collaboratorUnitIds: [w.a.units.u2] })
      .where(eq(proposals.id, id));
    const read = await other.get(`/api/proposals/${id}/negotiation`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      side: null,
      can: { offer: false, counter: false, accept: false, refuse: false },
    });
    expect((await other.post(`/api/proposals/${id}/negotiation/accept`, { round: 1 })).statusCode).toBe(404);
    expect((await neg(head, id)).state).toBe('awaiting_opd');
  });
});
