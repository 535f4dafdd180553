import { describe, expect, it } from 'vitest';
import {
  currentPhase,
  budgetAgainstCeiling,
  DEFAULT_RUBRIC,
  phaseOrder,
  phaseWindow,
  submissionOpen,
  termYears,
  validateBudgetCeilings,
  validateCycle,
  validateExtension,
  validatePhases,
  validateRubric,
  validateTerm,
  type Cycle,
  type CyclePhases,
  type RubricCriterion,
} from './cycle.domain.js';

/** Lelang Kinerja 2026-2030 with the calendar of the first Malang auction moved by seven years. */
const phases: CyclePhases = {
  draftingStart: new Date('2025-09-01T00:00:00+07:00'),
  submissionDeadline: new Date('2025-10-31T23:59:59+07:00'),
  sessionsStart: new Date('2025-11-12T08:00:00+07:00'),
  sessionsEnd: new Date('2025-11-13T17:00:00+07:00'),
  negotiationDeadline: new Date('2025-11-30T23:59:59+07:00'),
  signingDeadline: new Date('2025-12-08T23:59:59+07:00'),
};
const cycle: Cycle = {
  startYear: 2026,
  endYear: 2030,
  phases,
  rubric: DEFAULT_RUBRIC,
  budgetCeilings: [{ year: 2026, amount: 500_000_000_000 }],
  themes: [],
};
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe('DEFAULT_RUBRIC', () => {
  it('is the rubric of the domain: 25, 25, 20, 15, 15 and valid', () => {
    expect(DEFAULT_RUBRIC.map((c) => [c.code, c.weight])).toEqual([
      ['baseline_data_quality', 25],
      ['target_ambition', 25],
      ['mission_alignment', 20],
      ['feasibility_budget', 15],
      ['integration', 15],
    ]);
    expect(validateRubric(DEFAULT_RUBRIC)).toEqual([]);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_RUBRIC)).toBe(true);
    expect(DEFAULT_RUBRIC.every((c) => Object.isFrozen(c))).toBe(true);
  });
});

describe('validateTerm', () => {
  it.each([
    [2026, 2026],
    [2026, 2030],
    [2000, 2004],
    [2100, 2104],
  ])('accepts %s-%s', (start, end) => expect(validateTerm(start, end)).toEqual([]));

  it('rejects a term of 6 years and one that ends before it starts', () => {
    expect(validateTerm(2026, 2031)).toEqual([
      { path: 'endYear', message: 'Periode paling lama 5 tahun (terisi 6 tahun)' },
    ]);
    expect(validateTerm(2026, 2025)).toEqual([
      { path: 'endYear', message: 'Tahun akhir periode tidak boleh sebelum tahun awal' },
    ]);
  });

  it.each([1999, 2101, 2026.5, Number.NaN])('rejects the start year %s', (start) => {
    expect(validateTerm(start, 2030)).toEqual([
      { path: 'startYear', message: 'Tahun awal periode harus tahun antara 2000 dan 2100' },
    ]);
  });

  it('rejects an end year that is not a year', () => {
    expect(validateTerm(2026, 2030.5)).toEqual([
      { path: 'endYear', message: 'Tahun akhir periode harus berupa tahun' },
    ]);
  });

  it('lists the years of the term', () => {
    expect(termYears({ startYear: 2026, endYear: 2030 })).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(termYears({ startYear: 2026, endYear: 2026 })).toEqual([2026]);
  });
});

describe('validatePhases', () => {
  it('accepts phases in order inside the window', () => {
    expect(validatePhases(2026, phases)).toEqual([]);
  });

  it('accepts phases that coincide (a one-day session, no separate negotiation window)', () => {
    const day = new Date('2025-11-12T08:00:00+07:00');
    expect(
      validatePhases(2026, { ...phases, sessionsStart: day, sessionsEnd: day, negotiationDeadline: day }),
    ).toEqual([]);
  });

  it.each(phaseOrder.slice(1).map((key, i) => [key, phaseOrder[i]] as const))(
    'reports %s one millisecond before %s',
    (key, previous) => {
      const errors = validatePhases(2026, { ...phases, [key]: ms(phases[previous], -1) });
      expect(errors).toContainEqual({
        path: `phases.${key}`,
        message: expect.stringContaining('tidak boleh sebelum'),
      });
    },
  );

  it('names both phases in the message', () => {
    expect(validatePhases(2026, { ...phases, sessionsEnd: ms(phases.sessionsStart, -1) })).toEqual([
      { path: 'phases.sessionsEnd', message: 'Akhir sidang lelang tidak boleh sebelum mulai sidang lelang' },
    ]);
  });

  it('holds dates to 1 January of the year before the term through 31 December of its first year (UTC)', () => {
    const w = phaseWindow(2026);
    expect(w).toEqual({
      from: new Date('2025-01-01T00:00:00.000Z'),
      to: new Date('2026-12-31T23:59:59.999Z'),
    });
    const all = (d: Date): CyclePhases => ({
      draftingStart: d,
      submissionDeadline: d,
      sessionsStart: d,
      sessionsEnd: d,
      negotiationDeadline: d,
      signingDeadline: d,
    });
    expect(validatePhases(2026, all(w.from))).toEqual([]);
    expect(validatePhases(2026, all(w.to))).toEqual([]);
    const message = 'harus antara 1 Januari 2025 dan 31 Desember 2026';
    expect(validatePhases(2026, { ...phases, draftingStart: ms(w.from, -1) })).toEqual([
      { path: 'phases.draftingStart', message: `Mulai penyusunan usulan ${message}` },
    ]);
    expect(validatePhases(2026, { ...phases, signingDeadline: ms(w.to, 1) })).toEqual([
      { path: 'phases.signingDeadline', message: `Batas penandatanganan ${message}` },
    ]);
  });

  it('reports a missing or invalid date and compares the next one with the last valid date', () => {
    const errors = validatePhases(2026, {
      ...phases,
      sessionsStart: new Date('bukan tanggal'),
      sessionsEnd: undefined as unknown as Date,
    });
    expect(errors).toEqual([
      { path: 'phases.sessionsStart', message: 'Mulai sidang lelang wajib diisi dengan tanggal yang valid' },
      { path: 'phases.sessionsEnd', message: 'Akhir sidang lelang wajib diisi dengan tanggal yang valid' },
    ]);
  });

  it('skips the window when the start year is invalid (the term error says it)', () => {
    expect(validatePhases(1999, phases)).toEqual([]);
  });
});

describe('validateRubric', () => {
  const rubric = (...weights: number[]): RubricCriterion[] =>
    weights.map((weight, i) => ({ code: `k${i + 1}`, name: `Kriteria ${i + 1}`, weight }));

  it.each([
    [[25, 25, 20, 15, 14], 'Jumlah bobot kriteria harus 100 (saat ini 99)'],
    [[25, 25, 20, 15, 15], null],
    [[25, 25, 20, 15, 16], 'Jumlah bobot kriteria harus 100 (saat ini 101)'],
  ])('weights %j', (weights, message) => {
    expect(validateRubric(rubric(...weights))).toEqual(message ? [{ path: 'rubric', message }] : []);
  });

  it.each([
    [[100], true],
    [[1, 99], true],
    [[0, 100], false],
    [[101], false],
    [[50.5, 49.5], false],
    [[Number.NaN, 100], false],
  ])('weights %j are individually valid: %s', (weights, ok) => {
    const errors = validateRubric(rubric(...weights));
    if (ok) expect(errors).toEqual([]);
    // A bad weight makes the total meaningless, so only the weight is reported.
    else {
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors)
        expect(e).toEqual({
          path: expect.stringMatching(/^rubric\.\d\.weight$/),
          message: 'Bobot kriteria harus bilangan bulat 1-100',
        });
    }
  });

  it('accepts 1 and 10 criteria, rejects 0 and 11', () => {
    expect(validateRubric(rubric(100))).toEqual([]);
    expect(validateRubric(rubric(10, 10, 10, 10, 10, 10, 10, 10, 10, 10))).toEqual([]);
    expect(validateRubric([])).toEqual([
      { path: 'rubric', message: 'Rubrik penilaian harus memiliki minimal 1 kriteria' },
    ]);
    expect(validateRubric(rubric(10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5))).toEqual([
      { path: 'rubric', message: 'Rubrik penilaian paling banyak 10 kriteria (terisi 11)' },
    ]);
  });

  it('requires unique well-formed codes and a name', () => {
    const r = rubric(40, 30, 20, 10);
    r[1] = { ...r[1], code: 'k1' };
    r[2] = { ...r[2], code: 'Kualitas Data' };
    r[3] = { ...r[3], name: ' ' };
    expect(validateRubric(r)).toEqual([
      { path: 'rubric.1.code', message: 'Kode kriteria "k1" sudah dipakai pada kriteria ke-1' },
      {
        path: 'rubric.2.code',
        message:
          'Kode kriteria harus huruf kecil, angka, atau garis bawah, diawali huruf (maks. 40 karakter)',
      },
      { path: 'rubric.3.name', message: 'Nama kriteria wajib diisi' },
    ]);
  });
});

describe('validateBudgetCeilings', () => {
  const term = { startYear: 2026, endYear: 2030 };

  it('accepts no ceilings, some years, 0 and the largest exact integer', () => {
    expect(validateBudgetCeilings(term, [])).toEqual([]);
    expect(
      validateBudgetCeilings(term, [
        { year: 2026, amount: 0 },
        { year: 2030, amount: Number.MAX_SAFE_INTEGER },
      ]),
    ).toEqual([]);
  });

  it('rejects years outside the term, repeated years and amounts that are not whole non-negative Rupiah', () => {
    expect(
      validateBudgetCeilings(term, [
        { year: 2025, amount: 1 },
        { year: 2031, amount: 1 },
        { year: 2027, amount: -1 },
        { year: 2027, amount: 1.5 },
        { year: 2028, amount: Number.MAX_SAFE_INTEGER + 1 },
      ]),
    ).toEqual([
      { path: 'budgetCeilings.0.year', message: 'Pagu hanya untuk tahun periode 2026-2030' },
      { path: 'budgetCeilings.1.year', message: 'Pagu hanya untuk tahun periode 2026-2030' },
      { path: 'budgetCeilings.2.amount', message: 'Pagu harus bilangan bulat Rupiah yang tidak negatif' },
      { path: 'budgetCeilings.3.year', message: 'Pagu tahun 2027 sudah diisi' },
      { path: 'budgetCeilings.3.amount', message: 'Pagu harus bilangan bulat Rupiah yang tidak negatif' },
      { path: 'budgetCeilings.4.amount', message: 'Pagu harus bilangan bulat Rupiah yang tidak negatif' },
    ]);
  });
});

describe('validateCycle', () => {
  it('accepts the example cycle', () => {
    expect(validateCycle(cycle)).toEqual([]);
  });

  it('collects term, phase, rubric and ceiling problems together', () => {
    const errors = validateCycle({
      ...cycle,
      endYear: 2031,
      phases: { ...phases, sessionsEnd: ms(phases.sessionsStart, -1) },
      rubric: [{ code: 'a', name: 'A', weight: 99 }],
    });
    expect(errors.map((e) => e.path)).toEqual(['endYear', 'phases.sessionsEnd', 'rubric']);
  });

  it('checks ceilings against the term only when the term is valid', () => {
    const ceilings = [{ year: 2031, amount: 1 }];
    expect(validateCycle({ ...cycle, budgetCeilings: ceilings }).map((e) => e.path)).toEqual([
      'budgetCeilings.0.year',
    ]);
    expect(validateCycle({ ...cycle, endYear: 2020, budgetCeilings: ceilings }).map((e) => e.path)).toEqual([
      'endYear',
    ]);
  });
});

describe('validateExtension', () => {
  it('accepts one millisecond after the cycle deadline up to exactly the end of the sessions', () => {
    expect(validateExtension(cycle, ms(phases.submissionDeadline, 1))).toEqual([]);
    expect(validateExtension(cycle, phases.sessionsEnd)).toEqual([]);
  });

  it('rejects a deadline that is not later, one past the sessions, and an invalid date', () => {
    expect(validateExtension(cycle, phases.submissionDeadline)).toEqual([
      { path: 'deadline', message: 'Batas baru harus setelah batas pengajuan siklus' },
    ]);
    expect(validateExtension(cycle, ms(phases.sessionsEnd, 1))).toEqual([
      { path: 'deadline', message: 'Batas baru tidak boleh melewati akhir sidang lelang' },
    ]);
    expect(validateExtension(cycle, new Date(Number.NaN))).toEqual([
      { path: 'deadline', message: 'Batas baru wajib diisi dengan tanggal yang valid' },
    ]);
  });
});

describe('submissionOpen', () => {
  const deadline = phases.submissionDeadline;

  it('is closed before drafting starts and open from exactly its start', () => {
    expect(submissionOpen(cycle, null, ms(phases.draftingStart, -1))).toEqual({
      open: false,
      deadline,
      message: 'Pengajuan usulan belum dibuka',
    });
    expect(submissionOpen(cycle, null, phases.draftingStart)).toEqual({ open: true, deadline });
  });

  it('is open at exactly the deadline and closed one millisecond later', () => {
    expect(submissionOpen(cycle, null, deadline)).toEqual({ open: true, deadline });
    expect(submissionOpen(cycle, null, ms(deadline, 1))).toEqual({
      open: false,
      deadline,
      message: 'Batas waktu pengajuan usulan sudah lewat',
    });
  });

  it("uses a unit's later deadline, inclusive", () => {
    const extended = { deadline: ms(deadline, 3 * 86_400_000) };
    expect(submissionOpen(cycle, extended, ms(deadline, 1))).toEqual({
      open: true,
      deadline: extended.deadline,
    });
    expect(submissionOpen(cycle, extended, extended.deadline).open).toBe(true);
    expect(submissionOpen(cycle, extended, ms(extended.deadline, 1)).open).toBe(false);
  });

  it('never lets an extension shorten the deadline', () => {
    const earlier = { deadline: ms(deadline, -86_400_000) };
    expect(submissionOpen(cycle, earlier, deadline)).toEqual({ open: true, deadline });
  });
});

describe('budgetAgainstCeiling', () => {
  it('sums requests per term year against the ceiling, null without one, negative remaining when over', () => {
    const c = {
      startYear: 2026,
      endYear: 2028,
      budgetCeilings: [
        { year: 2026, amount: 100 },
        { year: 2027, amount: 50 },
      ],
    };
    const requests = [
      [
        { year: 2026, amount: 60 },
        { year: 2027, amount: 30 },
        { year: 2028, amount: 5 },
      ],
      [
        { year: 2026, amount: 40 },
        { year: 2027, amount: 21 },
        { year: 2031, amount: 999 },
      ],
    ];
    expect(budgetAgainstCeiling(c, requests)).toEqual([
      { year: 2026, requested: 100, ceiling: 100, remaining: 0, over: false },
      { year: 2027, requested: 51, ceiling: 50, remaining: -1, over: true },
      { year: 2028, requested: 5, ceiling: null, remaining: null, over: false },
    ]);
  });
});

describe('currentPhase', () => {
  const p = {
    draftingStart: new Date('2026-01-01T00:00:00Z'),
    submissionDeadline: new Date('2026-02-01T00:00:00Z'),
    sessionsStart: new Date('2026-03-01T00:00:00Z'),
    sessionsEnd: new Date('2026-03-10T00:00:00Z'),
    negotiationDeadline: new Date('2026-04-01T00:00:00Z'),
    signingDeadline: new Date('2026-05-01T00:00:00Z'),
  };
  it.each([
    ['2025-12-31T23:59:59Z', 'not_started'],
    ['2026-01-01T00:00:00Z', 'drafting'],
    ['2026-02-01T00:00:00Z', 'drafting'],
    ['2026-02-01T00:00:01Z', 'waiting_sessions'],
    ['2026-03-01T00:00:00Z', 'sessions'],
    ['2026-03-10T00:00:00Z', 'sessions'],
    ['2026-03-10T00:00:01Z', 'negotiation'],
    ['2026-04-01T00:00:01Z', 'signing'],
    ['2026-05-01T00:00:00Z', 'signing'],
    ['2026-05-01T00:00:01Z', 'monitoring'],
  ])('at %s the cycle is in %s', (at, phase) => {
    expect(currentPhase(p, new Date(at))).toBe(phase);
  });
});
