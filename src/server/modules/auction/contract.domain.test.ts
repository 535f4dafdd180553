import { FIXTURE_INDICATORS, FIXTURE_TERM, FIXTURE_TERMS, FIXTURE_YEARS } from './fixtures.js';
import { describe, expect, it } from 'vitest';
import { roles } from '../../../contract/common.js';
import {
  amendmentActions,
  amendmentStates,
  amendmentTransitions,
  approveAmendment,
  diffTerms,
  transitionAmendment,
  validateAmendment,
  type AmendmentContext,
  type ContractIndicator,
  type ContractVersion,
} from './contract.domain.js';
import type { ActorRole } from './state-machine.js';
import type { Terms, TermsPatch } from './terms.js';

const years = FIXTURE_YEARS;
const indicators: ContractIndicator[] = FIXTURE_INDICATORS;
const signedTerms: Terms = FIXTURE_TERMS;
const signedAt = new Date('2025-12-08T03:00:00Z');
const v1: ContractVersion = { version: 1, terms: signedTerms, createdAt: signedAt, amendmentId: null };
const context: AmendmentContext = {
  term: FIXTURE_TERM,
  indicators,
  current: v1,
  hasOpenAmendment: false,
};
const reason = 'Realokasi anggaran setelah perubahan APBD 2027';
const propose = (changes: TermsPatch, o: Partial<AmendmentContext> = {}, actor: ActorRole[] = ['opd_head']) =>
  validateAmendment({ ...context, ...o }, { changes, reason }, actor);

describe('amendment lifecycle', () => {
  const allowed = [
    'proposed approve head_of_region other -> approved',
    'proposed reject head_of_region other -> rejected',
    'proposed withdraw opd_head proposer -> withdrawn',
    'proposed withdraw region_admin proposer -> withdrawn',
    'proposed withdraw head_of_region proposer -> withdrawn',
  ];
  const actorRoles: ActorRole[] = [...roles, 'system'];
  const who = ['proposer', 'other'] as const;
  const combos = amendmentStates.flatMap((state) =>
    amendmentActions.flatMap((action) =>
      actorRoles.flatMap((role) => who.map((actor) => ({ state, action, role, actor }))),
    ),
  );

  it('walks all combinations of state, action, role and proposer', () => {
    expect(combos).toHaveLength(4 * 3 * 10 * 2);
  });

  it.each(combos)('$state --$action--> as $role ($actor)', ({ state, action, role, actor }) => {
    const spec = allowed.find((a) => a.startsWith(`${state} ${action} ${role} ${actor} -> `));
    const userId = actor === 'proposer' ? 'u-proposer' : 'u-other';
    const result = transitionAmendment(
      state,
      action,
      { userId, roles: [role] },
      'u-proposer',
      'Tidak beralasan',
    );
    if (spec) expect(result).toEqual({ ok: true, to: spec.split(' -> ')[1] });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(
        /^(Tindakan "|Usulan perubahan (tidak dapat|hanya dapat))/,
      );
    }
  });

  it('has exactly the specified rows', () => {
    const fromTable = amendmentTransitions.flatMap((r) =>
      r.roles.map(
        (role) => `${r.from} ${r.action} ${role} ${r.guard === 'proposer' ? 'proposer' : 'other'} -> ${r.to}`,
      ),
    );
    expect([...fromTable].sort()).toEqual([...allowed].sort());
  });

  it('never lets the proposer decide, even as head of region', () => {
    expect(
      transitionAmendment('proposed', 'approve', { userId: 'u1', roles: ['head_of_region'] }, 'u1'),
    ).toEqual({ ok: false, message: 'Usulan perubahan tidak dapat diputuskan oleh pengusulnya sendiri' });
  });

  it('lets only the proposer withdraw', () => {
    expect(transitionAmendment('proposed', 'withdraw', { userId: 'u2', roles: ['opd_head'] }, 'u1')).toEqual({
      ok: false,
      message: 'Usulan perubahan hanya dapat ditarik oleh pengusulnya',
    });
  });

  it('needs a reason to reject, not to approve', () => {
    const head = { userId: 'u2', roles: ['head_of_region'] as ActorRole[] };
    for (const r of [null, ' '])
      expect(transitionAmendment('proposed', 'reject', head, 'u1', r)).toEqual({
        ok: false,
        message: 'Alasan penolakan wajib diisi',
      });
    expect(transitionAmendment('proposed', 'approve', head, 'u1')).toEqual({ ok: true, to: 'approved' });
  });

  it('explains a decided amendment', () => {
    expect(
      transitionAmendment('approved', 'reject', { userId: 'u2', roles: ['head_of_region'] }, 'u1', 'x'),
    ).toEqual({
      ok: false,
      message: 'Tindakan "Tolak" tidak tersedia untuk usulan perubahan berstatus "Disetujui"',
    });
  });
});

describe('validateAmendment', () => {
  it.each([
    ['a tougher target', { targets: [{ indicatorKey: 'aki', year: 2028, value: 76 }] }],
    [
      'an easier target (an amendment may relax; the head of region decides)',
      { targets: [{ indicatorKey: 'k4', year: 2030, value: 97 }] },
    ],
    ['a new range', { targets: [{ indicatorKey: 'rawat', year: 2029, lower: 3.5, upper: 3.5 }] }],
    [
      'a later milestone on the last day of the term',
      { milestones: [{ milestoneKey: 'kelas_ibu', date: '2030-12-31' }] },
    ],
    ['a budget line down to 0', { budget: [{ year: 2027, amount: 0 }] }],
  ])('accepts %s', (_, changes) => {
    expect(propose(changes)).toEqual([]);
  });

  it.each(['opd_head', 'region_admin', 'head_of_region'] as const)('may be proposed by %s', (role) => {
    expect(propose({ budget: [{ year: 2027, amount: 1 }] }, {}, [role])).toEqual([]);
  });

  it('may not be proposed by other roles, nor while another is open, nor without a reason', () => {
    expect(
      propose({ budget: [{ year: 2027, amount: 1 }] }, { hasOpenAmendment: true }, ['panelist']),
    ).toEqual([
      {
        path: '',
        message: 'Perubahan kontrak hanya dapat diusulkan oleh Kepala OPD, Admin Daerah, atau Kepala Daerah',
      },
      { path: '', message: 'Masih ada usulan perubahan yang belum diputuskan' },
    ]);
    expect(
      validateAmendment(context, { changes: { budget: [{ year: 2027, amount: 1 }] }, reason: '' }, [
        'opd_head',
      ]),
    ).toEqual([{ path: 'reason', message: 'Alasan perubahan wajib diisi' }]);
  });

  it('requires at least one value that actually changes', () => {
    const message = 'Usulan perubahan tidak mengubah nilai apa pun';
    expect(propose({})).toEqual([{ path: '', message }]);
    expect(
      propose({
        targets: [
          { indicatorKey: 'aki', year: 2026, value: 85 },
          { indicatorKey: 'rawat', year: 2026, lower: 3, upper: 5 },
        ],
        milestones: [{ milestoneKey: 'pendataan', date: '2026-03-31' }],
        budget: [{ year: 2026, amount: 1_000_000_000 }],
      }),
    ).toEqual([{ path: '', message }]);
  });

  it('names unknown, repeated and malformed changes', () => {
    expect(
      propose({
        targets: [
          { indicatorKey: 'imunisasi', year: 2027, value: 1 },
          { indicatorKey: 'aki', year: 2031, value: 60 },
          { indicatorKey: 'aki', year: 2028, value: 74 },
          { indicatorKey: 'aki', year: 2028, value: 73 },
          { indicatorKey: 'k4', year: 2028, lower: 1, upper: 2 },
          { indicatorKey: 'rawat', year: 2028, lower: 5, upper: 4 },
        ],
        milestones: [
          { milestoneKey: 'peluncuran', date: '2026-01-01' },
          { milestoneKey: 'pendataan', date: '2026-02-30' },
          { milestoneKey: 'pendataan', date: '2026-02-01' },
          { milestoneKey: 'kelas_ibu', date: '2031-01-01' },
        ],
        budget: [
          { year: 2031, amount: 1 },
          { year: 2027, amount: -1 },
          { year: 2027, amount: 2 },
          { year: 2028, amount: 0.5 },
        ],
      }),
    ).toEqual([
      { path: 'changes.targets.0.indicatorKey', message: 'Indikator "imunisasi" tidak ada pada kontrak' },
      {
        path: 'changes.targets.1.year',
        message: 'Indikator Angka kematian ibu tidak memiliki target tahun 2031',
      },
      {
        path: 'changes.targets.3.year',
        message: 'Target Angka kematian ibu tahun 2028 tercantum lebih dari sekali',
      },
      { path: 'changes.targets.4.value', message: 'Target Cakupan K4 tahun 2028 belum diisi' },
      {
        path: 'changes.targets.4.lower',
        message: 'Target Cakupan K4 tahun 2028 bukan rentang: isi satu nilai target saja',
      },
      {
        path: 'changes.targets.5.lower',
        message: 'Lama rawat: Batas bawah target tahun 2028 (5) lebih besar dari batas atas (4)',
      },
      { path: 'changes.milestones.0.milestoneKey', message: 'Tahapan "peluncuran" tidak ada pada kontrak' },
      { path: 'changes.milestones.1.date', message: 'Tanggal tahapan harus tanggal yang valid' },
      {
        path: 'changes.milestones.2.milestoneKey',
        message: 'Tahapan "pendataan" tercantum lebih dari sekali',
      },
      { path: 'changes.milestones.3.date', message: 'Tanggal tahapan harus dalam periode 2026-2030' },
      { path: 'changes.budget.0.year', message: 'Kontrak tidak memiliki anggaran tahun 2031' },
      { path: 'changes.budget.1.amount', message: 'Anggaran harus bilangan bulat Rupiah yang tidak negatif' },
      { path: 'changes.budget.2.year', message: 'Anggaran tahun 2027 tercantum lebih dari sekali' },
      { path: 'changes.budget.3.amount', message: 'Anggaran harus bilangan bulat Rupiah yang tidak negatif' },
    ]);
  });

  it('keeps targets moving the right way, on the changed entry or on the list', () => {
    expect(propose({ targets: [{ indicatorKey: 'k4', year: 2030, value: 95 }] })).toEqual([
      {
        path: 'changes.targets.0.value',
        message:
          'Cakupan K4: Target tahun 2030 (95) lebih rendah dari target tahun 2029 (96): indikator makin tinggi makin baik tidak boleh turun',
      },
    ]);
    expect(propose({ targets: [{ indicatorKey: 'k4', year: 2027, value: 95 }] })).toEqual([
      {
        path: 'changes.targets',
        message:
          'Cakupan K4: Target tahun 2028 (94) lebih rendah dari target tahun 2027 (95): indikator makin tinggi makin baik tidak boleh turun',
      },
    ]);
  });

  it('checks against the current version, not the signed one', () => {
    const v2: ContractVersion = {
      version: 2,
      terms: { ...signedTerms, budget: years.map((year) => ({ year, amount: 5 })) },
      createdAt: signedAt,
      amendmentId: 'a1',
    };
    expect(propose({ budget: [{ year: 2027, amount: 5 }] }, { current: v2 })).toEqual([
      { path: '', message: 'Usulan perubahan tidak mengubah nilai apa pun' },
    ]);
  });
});

describe('approveAmendment', () => {
  const now = new Date('2027-03-01T02:00:00Z');
  const changes: TermsPatch = {
    budget: [{ year: 2027, amount: 800_000_000 }],
    milestones: [{ milestoneKey: 'kelas_ibu', date: '2027-09-30' }],
  };

  it('creates version n+1 with the changes applied and leaves version n as it was', () => {
    const before = structuredClone(v1);
    const r = approveAmendment(v1, { id: 'a1', baseVersion: 1, changes }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.version).toMatchObject({ version: 2, createdAt: now, amendmentId: 'a1' });
    expect(r.version.terms.budget.find((b) => b.year === 2027)?.amount).toBe(800_000_000);
    expect(r.version.terms.milestones).toEqual([
      { milestoneKey: 'pendataan', date: '2026-03-31' },
      { milestoneKey: 'kelas_ibu', date: '2027-09-30' },
    ]);
    expect(r.version.terms.targets).toEqual(v1.terms.targets);
    expect(v1).toEqual(before);
  });

  it('refuses an amendment proposed against an older version', () => {
    const r = approveAmendment(v1, { id: 'a1', baseVersion: 1, changes }, now);
    if (!r.ok) throw new Error(r.message);
    expect(approveAmendment(r.version, { id: 'a2', baseVersion: 1, changes }, now)).toEqual({
      ok: false,
      message: 'Usulan perubahan dibuat untuk versi 1, sedangkan kontrak sudah versi 2',
    });
  });
});

describe('diffTerms', () => {
  it('finds nothing between identical terms', () => {
    expect(diffTerms(signedTerms, structuredClone(signedTerms))).toEqual([]);
  });

  it('lists changed targets, milestone dates and budget lines with before and after', () => {
    const after: Terms = {
      targets: signedTerms.targets.map((t) =>
        t.indicatorKey === 'aki' && t.year === 2028
          ? { ...t, value: 76 }
          : t.indicatorKey === 'rawat' && t.year === 2030
            ? { ...t, upper: 4 }
            : t,
      ),
      milestones: [
        { milestoneKey: 'pendataan', date: '2026-03-31' },
        { milestoneKey: 'kelas_ibu', date: '2027-09-30' },
      ],
      budget: signedTerms.budget.map((b) => (b.year === 2027 ? { ...b, amount: 800_000_000 } : b)),
    };
    expect(diffTerms(signedTerms, after)).toEqual([
      { kind: 'target', indicatorKey: 'aki', year: 2028, before: { value: 75 }, after: { value: 76 } },
      {
        kind: 'target',
        indicatorKey: 'rawat',
        year: 2030,
        before: { lower: 3, upper: 5 },
        after: { lower: 3, upper: 4 },
      },
      { kind: 'milestone', milestoneKey: 'kelas_ibu', before: '2027-06-30', after: '2027-09-30' },
      { kind: 'budget', year: 2027, before: 1_000_000_000, after: 800_000_000 },
    ]);
  });

  it('shows values present on one side only with null on the other, in order of first appearance', () => {
    const a: Terms = {
      targets: [{ indicatorKey: 'x', year: 2026, value: 1 }],
      milestones: [{ milestoneKey: 'lama', date: '2026-05-01' }],
      budget: [{ year: 2026, amount: 1 }],
    };
    const b: Terms = {
      targets: [{ indicatorKey: 'y', year: 2026, value: 2 }],
      milestones: [],
      budget: [
        { year: 2027, amount: 3 },
        { year: 2026, amount: 1 },
      ],
    };
    expect(diffTerms(a, b)).toEqual([
      { kind: 'target', indicatorKey: 'x', year: 2026, before: { value: 1 }, after: null },
      { kind: 'target', indicatorKey: 'y', year: 2026, before: null, after: { value: 2 } },
      { kind: 'milestone', milestoneKey: 'lama', before: '2026-05-01', after: null },
      { kind: 'budget', year: 2027, before: null, after: 3 },
    ]);
  });

  it('treats a missing field and null alike, and ignores the order of entries', () => {
    const a: Terms = {
      targets: [{ indicatorKey: 'x', year: 2026, value: 1, lower: null }],
      milestones: [],
      budget: [],
    };
    const b: Terms = { targets: [{ indicatorKey: 'x', year: 2026, value: 1 }], milestones: [], budget: [] };
    expect(diffTerms(a, b)).toEqual([]);
    expect(diffTerms(signedTerms, { ...signedTerms, budget: [...signedTerms.budget].reverse() })).toEqual([]);
  });

  it('shows the change between consecutive versions after an approval', () => {
    const r = approveAmendment(
      v1,
      { id: 'a1', baseVersion: 1, changes: { budget: [{ year: 2030, amount: 2 }] } },
      signedAt,
    );
    if (!r.ok) throw new Error(r.message);
    expect(diffTerms(v1.terms, r.version.terms)).toEqual([
      { kind: 'budget', year: 2030, before: 1_000_000_000, after: 2 },
    ]);
  });
});
