import { FIXTURE_INDICATORS, FIXTURE_TERM, FIXTURE_TERMS } from './fixtures.js';
import { describe, expect, it } from 'vitest';
import {
  agreedTerms,
  appendRound,
  expire,
  negotiationStates,
  negotiationTransitions,
  offeredTerms,
  open,
  respond,
  stateOf,
  validateCounterOffer,
  type ClosingAnswer,
  type NegotiationIndicator,
  type NegotiationResponse,
  type NegotiationState,
  type Offer,
  type OfferContent,
  type Side,
} from './negotiation.domain.js';
import type { Terms } from './terms.js';

const term = FIXTURE_TERM;
const indicators: NegotiationIndicator[] = FIXTURE_INDICATORS;
const original: Terms = FIXTURE_TERMS;

const T0 = new Date('2025-11-13T10:00:00Z');
const deadline = new Date('2025-11-30T16:59:59Z');
const later = (ms: number) => new Date(deadline.getTime() + ms);

const content = (o: Partial<OfferContent> = {}): OfferContent => ({
  targets: [],
  milestoneDeadlines: [],
  reason: 'Data 2025 menunjukkan ruang perbaikan yang lebih besar',
  ...o,
});
const round = (n: number, by: Side, o: Partial<OfferContent> = {}): Offer => ({
  ...content(o),
  round: n,
  by,
  createdAt: new Date(T0.getTime() + n * 3_600_000),
});
const aki2027 = (value: number) => ({ indicatorKey: 'aki', year: 2027, value });
const k42030 = (value: number) => ({ indicatorKey: 'k4', year: 2030, value });
const rawat2026 = (lower: number, upper: number) => ({ indicatorKey: 'rawat', year: 2026, lower, upper });

const panelFirst = (o: Partial<OfferContent>) =>
  validateCounterOffer(indicators, { term, original, standing: null }, content(o), 'panel');

describe('negotiation state machine', () => {
  const allowed = [
    'awaiting_opd accept opd -> accepted',
    'awaiting_opd counter opd -> awaiting_panel',
    'awaiting_opd refuse opd -> refused',
    'awaiting_panel accept panel -> accepted',
    'awaiting_panel counter panel -> awaiting_opd',
  ];
  const responses: NegotiationResponse[] = [
    { kind: 'accept' },
    { kind: 'counter', offer: content({ targets: [aki2027(78)] }) },
    { kind: 'refuse', reason: 'Anggaran tidak mencukupi untuk target tersebut' },
  ];
  const sides: Side[] = ['panel', 'opd'];
  const combos = negotiationStates.flatMap((state) =>
    responses.flatMap((response) => sides.map((side) => ({ state, response, side, kind: response.kind }))),
  );

  it('walks all combinations of state, answer and side', () => {
    expect(combos).toHaveLength(5 * 3 * 2);
  });

  it.each(combos)('$state --$kind--> by $side', ({ state, response, side }) => {
    const spec = allowed.find((a) => a.startsWith(`${state} ${response.kind} ${side} -> `));
    const result = respond(state, response, side, deadline, deadline);
    if (spec) expect(result).toEqual({ ok: true, to: spec.split(' -> ')[1] });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/tidak tersedia untuk negosiasi|tawarannya sendiri/);
    }
  });

  it('has exactly the specified answers plus expiry by the system from the open states', () => {
    const fromTable = negotiationTransitions.flatMap((r) =>
      r.roles.map((role) => `${r.from} ${r.action} ${role} -> ${r.to}`),
    );
    expect([...fromTable].sort()).toEqual(
      [...allowed, 'awaiting_opd expire system -> expired', 'awaiting_panel expire system -> expired'].sort(),
    );
  });

  it('lets nobody answer their own offer', () => {
    expect(respond('awaiting_opd', { kind: 'accept' }, 'panel', T0, deadline)).toEqual({
      ok: false,
      message: 'Tawaran yang berlaku berasal dari panel: panel tidak dapat menanggapi tawarannya sendiri',
    });
    expect(respond('awaiting_panel', { kind: 'accept' }, 'opd', T0, deadline)).toEqual({
      ok: false,
      message: 'Tawaran yang berlaku berasal dari OPD: OPD tidak dapat menanggapi tawarannya sendiri',
    });
  });

  it('lets an offer be answered once: after the answer the state no longer waits for it', () => {
    const first = respond('awaiting_opd', { kind: 'accept' }, 'opd', T0, deadline);
    expect(first).toEqual({ ok: true, to: 'accepted' });
    expect(respond((first as { to: NegotiationState }).to, { kind: 'accept' }, 'opd', T0, deadline)).toEqual({
      ok: false,
      message: 'Tindakan "Terima" tidak tersedia untuk negosiasi berstatus "Disepakati"',
    });
  });

  it('does not let the panel refuse a counter', () => {
    expect(respond('awaiting_panel', { kind: 'refuse', reason: 'Tidak' }, 'panel', T0, deadline)).toEqual({
      ok: false,
      message: 'Tindakan "Tolak" tidak tersedia untuk negosiasi berstatus "Menunggu jawaban panel"',
    });
  });

  it('takes answers up to exactly the deadline, not one millisecond later', () => {
    expect(respond('awaiting_opd', { kind: 'accept' }, 'opd', deadline, deadline).ok).toBe(true);
    expect(respond('awaiting_opd', { kind: 'accept' }, 'opd', later(1), deadline)).toEqual({
      ok: false,
      message: 'Batas waktu negosiasi sudah lewat',
    });
  });

  it('needs a reason for a refusal and for a counter', () => {
    expect(respond('awaiting_opd', { kind: 'refuse', reason: '  ' }, 'opd', T0, deadline)).toEqual({
      ok: false,
      message: 'Alasan penolakan wajib diisi',
    });
    expect(
      respond('awaiting_opd', { kind: 'counter', offer: content({ reason: '' }) }, 'opd', T0, deadline),
    ).toEqual({
      ok: false,
      message: 'Alasan tawaran balik wajib diisi',
    });
  });

  describe('expire', () => {
    it.each(negotiationStates)('from %s one millisecond after the deadline', (state) => {
      const r = expire(state, later(1), deadline);
      if (state === 'awaiting_opd' || state === 'awaiting_panel')
        expect(r).toEqual({ ok: true, to: 'expired' });
      else
        expect(r).toEqual({ ok: false, message: expect.stringContaining('tidak tersedia untuk negosiasi') });
    });

    it('not at exactly the deadline', () => {
      expect(expire('awaiting_opd', deadline, deadline)).toEqual({
        ok: false,
        message: 'Batas waktu negosiasi belum lewat',
      });
    });
  });

  describe('open', () => {
    it('waits for the OPD after the first panel offer, up to exactly the deadline', () => {
      expect(open(deadline, deadline)).toEqual({ ok: true, to: 'awaiting_opd' });
      expect(open(later(1), deadline)).toEqual({ ok: false, message: 'Batas waktu negosiasi sudah lewat' });
    });
  });
});

describe('stateOf', () => {
  it('is no negotiation before the first offer', () => {
    expect(stateOf([], null)).toBeNull();
  });
  it('awaits the side that did not make the last offer', () => {
    expect(stateOf([{ by: 'panel' }], null)).toBe('awaiting_opd');
    expect(stateOf([{ by: 'panel' }, { by: 'opd' }], null)).toBe('awaiting_panel');
    expect(stateOf([{ by: 'panel' }, { by: 'opd' }, { by: 'panel' }], null)).toBe('awaiting_opd');
  });
  it('lets the closing answer decide', () => {
    const r = [{ by: 'panel' as const }];
    expect(stateOf(r, { kind: 'accept' })).toBe('accepted');
    expect(stateOf(r, { kind: 'refuse' })).toBe('refused');
    expect(stateOf(r, { kind: 'expire' })).toBe('expired');
    // Agreed as is: an acceptance without any round.
    expect(stateOf([], { kind: 'accept' })).toBe('accepted');
  });
});

describe('appendRound', () => {
  it('starts with the panel', () => {
    expect(appendRound([], 'opd', content(), T0)).toEqual({
      ok: false,
      message: 'Negosiasi dibuka oleh tawaran panel',
    });
  });

  it('numbers the rounds, alternates the sides and leaves the given list alone', () => {
    const r1 = appendRound([], 'panel', content({ targets: [aki2027(76)] }), T0);
    if (!r1.ok) throw new Error(r1.message);
    expect(r1.offer).toMatchObject({ round: 1, by: 'panel', createdAt: T0 });
    expect(appendRound(r1.rounds, 'panel', content(), T0)).toEqual({
      ok: false,
      message: 'Panel tidak dapat menanggapi tawarannya sendiri',
    });
    const r2 = appendRound(r1.rounds, 'opd', content({ targets: [aki2027(78)] }), T0);
    if (!r2.ok) throw new Error(r2.message);
    expect(r2.rounds.map((r) => [r.round, r.by])).toEqual([
      [1, 'panel'],
      [2, 'opd'],
    ]);
    expect(r1.rounds).toHaveLength(1);
  });

  it('freezes what it writes, down to the targets', () => {
    const given = content({ targets: [aki2027(76)] });
    const r = appendRound([], 'panel', given, T0);
    if (!r.ok) throw new Error(r.message);
    expect(Object.isFrozen(r.rounds)).toBe(true);
    expect(() => {
      (r.offer as { reason: string }).reason = 'diubah';
    }).toThrow(TypeError);
    expect(() => {
      (r.offer.targets[0] as { value: number }).value = 1;
    }).toThrow(TypeError);
    // The caller's own object stays writable and separate.
    (given.targets[0] as { value: number }).value = 1;
    expect(r.offer.targets[0].value).toBe(76);
  });

  it('refuses to extend a log whose numbering is broken', () => {
    expect(() => appendRound([round(2, 'panel')], 'opd', content(), T0)).toThrow(/Urutan putaran/);
  });
});

describe('validateCounterOffer', () => {
  describe('panel', () => {
    it.each([
      ['a lower target for lower is better', { targets: [aki2027(78)] }],
      ['a higher target for higher is better', { targets: [k42030(99)] }],
      ['a narrower range', { targets: [rawat2026(3.5, 5)] }],
      ['a range down to one value (lower == upper)', { targets: [rawat2026(4, 4)] }],
      ['an earlier milestone', { milestoneDeadlines: [{ milestoneKey: 'pendataan', date: '2026-02-28' }] }],
      ['a target down to the next year (equal is fine)', { targets: [aki2027(75)] }],
      ['unchanged entries next to a tougher one', { targets: [aki2027(80), k42030(99)] }],
    ])('accepts %s', (_, o) => {
      expect(panelFirst(o)).toEqual([]);
    });

    it('requires at least one tougher value', () => {
      const message =
        'Tawaran panel harus lebih berat daripada tawaran yang berlaku pada setidaknya satu target atau tenggat';
      expect(panelFirst({})).toEqual([{ path: '', message }]);
      expect(panelFirst({ targets: [aki2027(80), rawat2026(3, 5)] })).toEqual([{ path: '', message }]);
    });

    it.each([
      [
        'a higher target for lower is better',
        [aki2027(80.5), k42030(99)],
        'targets.0.value',
        'Target Angka kematian ibu tahun 2027 (80,5) lebih ringan daripada tawaran yang berlaku (80)',
      ],
      [
        'a wider range',
        [rawat2026(2.5, 5), k42030(99)],
        'targets.0.lower',
        'Batas bawah target Lama rawat tahun 2026 (2,5) lebih ringan daripada tawaran yang berlaku (3)',
      ],
      [
        'a range that moves (one bound tighter, the other looser)',
        [rawat2026(4, 6), k42030(99)],
        'targets.0.upper',
        'Batas atas target Lama rawat tahun 2026 (6) lebih ringan daripada tawaran yang berlaku (5)',
      ],
    ])('rejects %s', (_, targets, path, message) => {
      expect(panelFirst({ targets })).toEqual([{ path, message }]);
    });

    it('rejects a later milestone', () => {
      expect(
        panelFirst({
          targets: [k42030(99)],
          milestoneDeadlines: [{ milestoneKey: 'kelas_ibu', date: '2027-07-01' }],
        }),
      ).toEqual([
        {
          path: 'milestoneDeadlines.0.date',
          message:
            'Tenggat tahapan "kelas_ibu" (2027-07-01) lebih ringan daripada tawaran yang berlaku (2027-06-30)',
        },
      ]);
    });

    it('keeps the targets moving the right way over the years', () => {
      expect(panelFirst({ targets: [{ indicatorKey: 'k4', year: 2027, value: 95 }] })).toEqual([
        {
          path: 'targets',
          message:
            'Cakupan K4: Target tahun 2028 (94) lebih rendah dari target tahun 2027 (95): indikator makin tinggi makin baik tidak boleh turun',
        },
      ]);
    });

    it('after an OPD counter: may meet it half way, may not ask less than the counter', () => {
      // Round 1 (panel) asked AKI 2027 76 and K4 2030 100; the OPD countered with AKI 78 only, so
      // K4 2030 is back at the bid, 98.
      const r2 = round(2, 'opd', { targets: [aki2027(78)] });
      const ctx = { term, original, standing: r2 };
      expect(
        validateCounterOffer(indicators, ctx, content({ targets: [aki2027(77), k42030(99)] }), 'panel'),
      ).toEqual([]);
      // Leaving K4 out means the bid (98), which equals the counter: fine, AKI 77 is tougher.
      expect(validateCounterOffer(indicators, ctx, content({ targets: [aki2027(77)] }), 'panel')).toEqual([]);
      expect(
        validateCounterOffer(indicators, ctx, content({ targets: [aki2027(79), k42030(99)] }), 'panel'),
      ).toEqual([
        {
          path: 'targets.0.value',
          message:
            'Target Angka kematian ibu tahun 2027 (79) lebih ringan daripada tawaran yang berlaku (78)',
        },
      ]);
    });

    it('reports a value the panel drops back to the bid on the list as a whole', () => {
      const r2 = round(2, 'opd', { targets: [aki2027(78)] });
      // The panel offer omits AKI 2027, which means the bid (80): easier than the counter's 78.
      expect(
        validateCounterOffer(
          indicators,
          { term, original, standing: r2 },
          content({ targets: [k42030(99)] }),
          'panel',
        ),
      ).toEqual([
        {
          path: 'targets',
          message:
            'Target Angka kematian ibu tahun 2027 (80) lebih ringan daripada tawaran yang berlaku (78)',
        },
      ]);
    });
  });

  describe('OPD counter', () => {
    const r1 = round(1, 'panel', {
      targets: [aki2027(76), k42030(100), rawat2026(4, 4.5)],
      milestoneDeadlines: [{ milestoneKey: 'pendataan', date: '2026-02-28' }],
    });
    const counter = (o: Partial<OfferContent>) =>
      validateCounterOffer(indicators, { term, original, standing: r1 }, content(o), 'opd');

    it.each([
      [
        'values between the bid and the panel offer',
        { targets: [aki2027(78), k42030(99), rawat2026(3.5, 5)] },
      ],
      ['the bid itself (an empty counter)', {}],
      ['the panel value on some, the bid on others', { targets: [aki2027(76)] }],
      ['a milestone between', { milestoneDeadlines: [{ milestoneKey: 'pendataan', date: '2026-03-15' }] }],
    ])('accepts %s', (_, o) => {
      expect(counter(o)).toEqual([]);
    });

    it('rejects a counter identical to the panel offer: that is an acceptance', () => {
      expect(counter({ targets: r1.targets, milestoneDeadlines: r1.milestoneDeadlines })).toEqual([
        { path: '', message: 'Tawaran balik sama dengan tawaran panel: gunakan Terima untuk menyetujuinya' },
      ]);
    });

    it('rejects a value easier than the bid or tougher than the panel', () => {
      expect(
        counter({
          targets: [aki2027(81), k42030(101), rawat2026(3.5, 4.2)],
          milestoneDeadlines: [{ milestoneKey: 'pendataan', date: '2026-04-01' }],
        }),
      ).toEqual([
        {
          path: 'targets.0.value',
          message: 'Target Angka kematian ibu tahun 2027 (81) lebih ringan daripada usulan awal (80)',
        },
        {
          path: 'targets.1.value',
          message: 'Target Cakupan K4 tahun 2030 (101) lebih berat daripada tawaran panel (100)',
        },
        {
          path: 'targets.2.upper',
          message: 'Batas atas target Lama rawat tahun 2026 (4,2) lebih berat daripada tawaran panel (4,5)',
        },
        {
          path: 'milestoneDeadlines.0.date',
          message: 'Tenggat tahapan "pendataan" (2026-04-01) lebih ringan daripada usulan awal (2026-03-31)',
        },
      ]);
    });

    it('rejects a milestone earlier than the panel asked', () => {
      expect(counter({ milestoneDeadlines: [{ milestoneKey: 'pendataan', date: '2026-02-27' }] })).toEqual([
        {
          path: 'milestoneDeadlines.0.date',
          message: 'Tenggat tahapan "pendataan" (2026-02-27) lebih berat daripada tawaran panel (2026-02-28)',
        },
      ]);
    });

    it('is only possible as an answer to a panel offer', () => {
      expect(validateCounterOffer(indicators, { term, original, standing: null }, content(), 'opd')).toEqual([
        { path: '', message: 'OPD hanya dapat mengajukan tawaran balik atas tawaran panel' },
      ]);
      expect(
        validateCounterOffer(indicators, { term, original, standing: round(2, 'opd') }, content(), 'opd'),
      ).toEqual([{ path: '', message: 'OPD tidak dapat menanggapi tawarannya sendiri' }]);
    });
  });

  describe('structure', () => {
    it('requires a reason', () => {
      expect(panelFirst({ targets: [k42030(99)], reason: ' ' })).toEqual([
        { path: 'reason', message: 'Alasan tawaran wajib diisi' },
      ]);
    });

    it('names unknown indicators, years and milestones, duplicates, wrong shapes and dates', () => {
      expect(
        panelFirst({
          targets: [
            { indicatorKey: 'imunisasi', year: 2027, value: 1 },
            { indicatorKey: 'aki', year: 2031, value: 60 },
            aki2027(78),
            aki2027(77),
            { indicatorKey: 'rawat', year: 2027, value: 4 },
            { indicatorKey: 'k4', year: 2026, value: null },
            rawat2026(5, 4),
          ],
          milestoneDeadlines: [
            { milestoneKey: 'peluncuran', date: '2026-01-01' },
            { milestoneKey: 'pendataan', date: '2026-02-30' },
            { milestoneKey: 'pendataan', date: '2026-02-01' },
            { milestoneKey: 'kelas_ibu', date: '2025-12-31' },
          ],
        }),
      ).toEqual([
        { path: 'targets.0.indicatorKey', message: 'Indikator "imunisasi" tidak ada pada usulan' },
        { path: 'targets.1.year', message: 'Indikator Angka kematian ibu tidak memiliki target tahun 2031' },
        {
          path: 'targets.3.year',
          message: 'Target Angka kematian ibu tahun 2027 tercantum lebih dari sekali',
        },
        { path: 'targets.4.lower', message: 'Batas bawah target Lama rawat tahun 2027 belum diisi' },
        { path: 'targets.4.upper', message: 'Batas atas target Lama rawat tahun 2027 belum diisi' },
        {
          path: 'targets.4.value',
          message: 'Target Lama rawat tahun 2027 berupa rentang: isi batas bawah dan batas atas',
        },
        { path: 'targets.5.value', message: 'Target Cakupan K4 tahun 2026 belum diisi' },
        {
          path: 'targets.6.lower',
          message: 'Lama rawat: Batas bawah target tahun 2026 (5) lebih besar dari batas atas (4)',
        },
        {
          path: 'milestoneDeadlines.0.milestoneKey',
          message: 'Tahapan "peluncuran" tidak ada pada jadwal kerja',
        },
        { path: 'milestoneDeadlines.1.date', message: 'Tenggat tahapan harus tanggal yang valid' },
        {
          path: 'milestoneDeadlines.2.milestoneKey',
          message: 'Tahapan "pendataan" tercantum lebih dari sekali',
        },
        { path: 'milestoneDeadlines.3.date', message: 'Tenggat tahapan harus dalam periode 2026-2030' },
      ]);
    });

    it('accepts a milestone moved to exactly the first day of the term', () => {
      expect(panelFirst({ milestoneDeadlines: [{ milestoneKey: 'pendataan', date: '2026-01-01' }] })).toEqual(
        [],
      );
    });
  });
});

describe('agreedTerms', () => {
  const r1 = round(1, 'panel', { targets: [aki2027(76), k42030(100)] });
  const r2 = round(2, 'opd', { targets: [aki2027(78)] });
  const answer = (n: number, by: Side, kind: 'accept' | 'refuse' = 'accept'): ClosingAnswer => ({
    round: n,
    by,
    kind,
    reason: kind === 'refuse' ? 'Tidak sanggup' : null,
    createdAt: T0,
  });
  const target = (terms: Terms | null, key: string, year: number) =>
    terms?.targets.find((t) => t.indicatorKey === key && t.year === year);

  it('is null until an offer is accepted, and after a refusal', () => {
    expect(agreedTerms(original, [r1], [])).toBeNull();
    expect(agreedTerms(original, [r1], [answer(1, 'opd', 'refuse')])).toBeNull();
  });

  it('is the accepted panel offer applied over the bid', () => {
    const terms = agreedTerms(original, [r1], [answer(1, 'opd')]);
    expect(target(terms, 'aki', 2027)?.value).toBe(76);
    expect(target(terms, 'k4', 2030)?.value).toBe(100);
    expect(target(terms, 'aki', 2028)?.value).toBe(75);
    expect(terms?.budget).toEqual(original.budget);
  });

  it('is the accepted counter applied over the bid: what the counter leaves out is the bid', () => {
    const terms = agreedTerms(original, [r1, r2], [answer(2, 'panel')]);
    expect(target(terms, 'aki', 2027)?.value).toBe(78);
    expect(target(terms, 'k4', 2030)?.value).toBe(98);
    expect(terms).toEqual(offeredTerms(original, r2));
  });

  it('refuses a log that contradicts itself', () => {
    expect(() => agreedTerms(original, [r1], [answer(1, 'panel')])).toThrow(/pihak yang mengajukannya/);
    expect(() => agreedTerms(original, [r1], [answer(3, 'opd')])).toThrow(/tidak ada/);
    expect(() => agreedTerms(original, [r1, r2], [answer(1, 'opd'), answer(2, 'panel')])).toThrow(
      /lebih dari satu/,
    );
  });

  it('does not change the bid', () => {
    const before = structuredClone(original);
    agreedTerms(original, [r1], [answer(1, 'opd')]);
    expect(original).toEqual(before);
  });
});
