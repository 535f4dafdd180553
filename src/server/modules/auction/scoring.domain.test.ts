import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './cycle.domain.js';
import {
  aggregate,
  panelistScore,
  rank,
  scorePerBillion,
  type CriterionScore,
  type PanelEntry,
} from './scoring.domain.js';

const codes = DEFAULT_RUBRIC.map((c) => c.code);
/** Scores in rubric order: data 25, ambition 25, alignment 20, feasibility 15, integration 15. */
const scores = (...values: number[]): CriterionScore[] =>
  values.map((score, i) => ({ criterionCode: codes[i], score, note: null }));
const all = (n: number) => scores(n, n, n, n, n);
const entry = (panelistId: string, s: CriterionScore[], o: Partial<PanelEntry> = {}): PanelEntry => ({
  panelistId,
  conflict: false,
  submitted: true,
  scores: s,
  ...o,
});

describe('panelistScore', () => {
  it.each([
    { s: all(0), total: 0 },
    { s: all(100), total: 100 },
    { s: scores(80, 70, 90, 60, 100), total: 79.5 },
    // 81*25 + 80*25 + 79*20 + 80*15 + 80*15 = 8005 hundredths: exact, never rounded.
    { s: scores(81, 80, 79, 80, 80), total: 80.05 },
    { s: scores(1, 0, 0, 0, 0), total: 0.25 },
  ])('weights the scores to a total of $total', ({ s, total }) => {
    expect(panelistScore(DEFAULT_RUBRIC, s)).toEqual({ ok: true, total });
  });

  it.each([101, -1, Number.NaN, 50.5, Number.POSITIVE_INFINITY])('rejects a score of %s', (bad) => {
    expect(panelistScore(DEFAULT_RUBRIC, scores(80, bad, 80, 80, 80))).toEqual({
      ok: false,
      errors: [{ path: 'scores.1.score', message: 'Nilai harus bilangan bulat 0-100' }],
    });
  });

  it('requires every criterion, once, and nothing else', () => {
    const s = [
      ...scores(80, 80, 80),
      { criterionCode: codes[0], score: 90 },
      { criterionCode: 'gaya', score: 70 },
    ];
    expect(panelistScore(DEFAULT_RUBRIC, s)).toEqual({
      ok: false,
      errors: [
        {
          path: 'scores.3.criterionCode',
          message: 'Kriteria "baseline_data_quality" dinilai lebih dari sekali',
        },
        { path: 'scores.4.criterionCode', message: 'Kriteria "gaya" tidak ada pada rubrik' },
        { path: 'scores', message: 'Kriteria "Kelayakan dan kewajaran anggaran" belum dinilai' },
        { path: 'scores', message: 'Kriteria "Integrasi dengan unit lain" belum dinilai' },
      ],
    });
  });

  it('does not care about the order of the criteria or the notes', () => {
    const s = scores(80, 70, 90, 60, 100)
      .reverse()
      .map((x) => ({ ...x, note: 'Data dasar lengkap' }));
    expect(panelistScore(DEFAULT_RUBRIC, s)).toEqual({ ok: true, total: 79.5 });
  });
});

describe('aggregate', () => {
  it('has no score and is not complete with no panel', () => {
    expect(aggregate(DEFAULT_RUBRIC, [])).toEqual({
      score: null,
      complete: false,
      scoredBy: 0,
      expected: 0,
      min: null,
      max: null,
      stdDev: null,
    });
  });

  it('is complete when every panelist without a conflict submitted; spread over their totals', () => {
    const r = aggregate(DEFAULT_RUBRIC, [entry('a', all(70)), entry('b', all(80)), entry('c', all(90))]);
    // Population standard deviation of 70, 80, 90: sqrt(200/3) = 8.1649... -> 8.16.
    expect(r).toEqual({
      score: 80,
      complete: true,
      scoredBy: 3,
      expected: 3,
      min: 70,
      max: 90,
      stdDev: 8.16,
    });
  });

  it('gives a provisional mean while someone has not submitted', () => {
    const r = aggregate(DEFAULT_RUBRIC, [
      entry('a', all(70)),
      entry('b', all(90)),
      entry('c', [], { submitted: false }),
    ]);
    expect(r).toMatchObject({ score: 80, complete: false, scoredBy: 2, expected: 3 });
  });

  it('leaves out a conflicted panelist entirely, even one who submitted scores (valid or not)', () => {
    const r = aggregate(DEFAULT_RUBRIC, [
      entry('a', all(60)),
      entry('b', all(100), { conflict: true }),
      entry('c', scores(500), { conflict: true, submitted: true }),
    ]);
    expect(r).toEqual({ score: 60, complete: true, scoredBy: 1, expected: 1, min: 60, max: 60, stdDev: 0 });
  });

  it('is not complete when every panelist has a conflict', () => {
    expect(aggregate(DEFAULT_RUBRIC, [entry('a', all(80), { conflict: true })])).toMatchObject({
      score: null,
      complete: false,
      expected: 0,
    });
  });

  it('rounds the mean half up from exact hundredths (70.05 and 70.10 give 70.08, not 70.07)', () => {
    // 71*25 + 70*25 + 69*20 + 70*15 + 70*15 = 7005 and 71*25 + 70*25 + 70*20 + 69*15 + 70*15 = 7010.
    // In floats ((70.05 + 70.1) / 2) * 100 is 7007.4999..., which would round down.
    const r = aggregate(DEFAULT_RUBRIC, [
      entry('a', scores(71, 70, 69, 70, 70)),
      entry('b', scores(71, 70, 70, 69, 70)),
    ]);
    expect(r.score).toBe(70.08);
    expect(r.stdDev).toBe(0.03); // 2.5 hundredths, half up
    expect([r.min, r.max]).toEqual([70.05, 70.1]);
  });

  it('rounds the mean down below the half (three panelists: 80.0166... -> 80.02; 80.0333... -> 80.03)', () => {
    expect(
      aggregate(DEFAULT_RUBRIC, [
        entry('a', scores(81, 80, 79, 80, 80)),
        entry('b', all(80)),
        entry('c', all(80)),
      ]).score,
    ).toBe(80.02);
    expect(
      aggregate(DEFAULT_RUBRIC, [
        entry('a', scores(81, 80, 79, 80, 80)),
        entry('b', scores(81, 80, 79, 80, 80)),
        entry('c', all(80)),
      ]).score,
    ).toBe(80.03);
  });

  it('refuses stored scores that break the rubric and panelists listed twice', () => {
    expect(() => aggregate(DEFAULT_RUBRIC, [entry('a', scores(80))])).toThrow(
      /Nilai panelis a tidak sesuai rubrik/,
    );
    expect(() => aggregate(DEFAULT_RUBRIC, [entry('a', all(80)), entry('a', all(70))])).toThrow(
      /tercantum dua kali/,
    );
  });

  it('ignores the unsubmitted draft scores of a panelist, whatever they hold', () => {
    const r = aggregate(DEFAULT_RUBRIC, [entry('a', all(80)), entry('b', scores(101), { submitted: false })]);
    expect(r).toMatchObject({ score: 80, scoredBy: 1, expected: 2 });
  });
});

describe('rank', () => {
  const items = [
    { id: 'p-d', score: 70 },
    { id: 'p-b', score: 80.5 },
    { id: 'p-x', score: null },
    { id: 'p-c', score: 80.5 },
    { id: 'p-a', score: 90 },
    { id: 'p-e', score: 70 },
    { id: 'p-w', score: null },
  ];
  const ranked = (list: typeof items) =>
    rank(
      list,
      (i) => i.score,
      (i) => i.id,
    ).map((r) => [r.item.id, r.rank]);

  it('gives equal scores the same rank and skips the next ones (1, 2, 2, 4, 5, 5)', () => {
    expect(ranked(items)).toEqual([
      ['p-a', 1],
      ['p-b', 2],
      ['p-c', 2],
      ['p-d', 4],
      ['p-e', 4],
      ['p-w', null],
      ['p-x', null],
    ]);
  });

  it('does not depend on the input order', () => {
    expect(ranked([...items].reverse())).toEqual(ranked(items));
  });

  it('orders ties by the tie key in code-unit order, not by locale', () => {
    const r = rank(
      [
        { id: 'b', score: 1 },
        { id: 'B', score: 1 },
        { id: 'a', score: 1 },
      ],
      (i) => i.score,
      (i) => i.id,
    );
    expect(r.map((x) => [x.item.id, x.rank])).toEqual([
      ['B', 1],
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('handles an empty list and a list without scores', () => {
    expect(rank([], () => null, String)).toEqual([]);
    expect(ranked(items.filter((i) => i.score === null))).toEqual([
      ['p-w', null],
      ['p-x', null],
    ]);
  });

  it('treats 0 as a score', () => {
    expect(
      rank(
        [{ id: 'z', score: 0 }],
        (i) => i.score,
        (i) => i.id,
      )[0].rank,
    ).toBe(1);
  });
});

describe('scorePerBillion', () => {
  const budget = (...amounts: number[]) => amounts.map((amount, i) => ({ year: 2026 + i, amount }));

  it('divides the score by the total request in billions of Rupiah, over all years', () => {
    expect(scorePerBillion(80, budget(1_000_000_000, 1_000_000_000))).toBe(40);
    expect(scorePerBillion(80, budget(500_000_000))).toBe(160);
  });

  it('rounds to 4 decimals, half up, exactly', () => {
    expect(scorePerBillion(80, budget(3_000_000_000))).toBe(26.6667);
    expect(scorePerBillion(1, budget(16_000_000_000))).toBe(0.0625);
    // 0.11 / 1.6 billion is 0.06875, a true half: 0.0688. In floats 0.11 / 1.6 * 1e4 is 687.4999...
    expect(scorePerBillion(0.11, budget(1_600_000_000))).toBe(0.0688);
  });

  it('is null without a score or without a request', () => {
    expect(scorePerBillion(null, budget(1_000_000_000))).toBeNull();
    expect(scorePerBillion(80, budget(0, 0))).toBeNull();
    expect(scorePerBillion(80, [])).toBeNull();
  });

  it('gives 0 for a score of 0 with a request', () => {
    expect(scorePerBillion(0, budget(1))).toBe(0);
  });

  it('refuses a negative or inexact total', () => {
    expect(() => scorePerBillion(80, budget(-1))).toThrow(RangeError);
    expect(() => scorePerBillion(80, budget(1.5))).toThrow(RangeError);
  });
});
