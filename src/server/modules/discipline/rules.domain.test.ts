import { describe, expect, it } from 'vitest';
import { seededCalendar } from '../../seed/holidays.js';
import {
  BAND_CODES,
  DEFAULT_LATENESS_RULES,
  defaultScheduleSet,
  evaluateDays,
  monthRange,
  recapDays,
  type FlaggedDay,
} from './lateness.domain.js';
import {
  DEFAULT_RULES,
  describeFact,
  evaluateRules,
  isExampleLegalBasis,
  validateRule,
  validateRuleSet,
  type AttendanceFact,
  type EvaluationContext,
  type EvaluationFacts,
  type Rule,
  type RuleCondition,
} from './rules.domain.js';

const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code)!;
const april: EvaluationContext = { asOf: '2026-04-30', periodKey: '2026-M04' };
const q3: EvaluationContext = { asOf: '2026-09-30', periodKey: '2026-Q3' };
const subjects = (rules: readonly Rule[], facts: EvaluationFacts, ctx: EvaluationContext) =>
  evaluateRules(rules, facts, ctx).map(
    (h) => `${h.ruleCode} ${h.subject.kind === 'asn' ? h.subject.asnId : h.subject.unitId}`,
  );

/** A month's recap fact from flagged days only. */
const month = (
  asnId: string,
  m: string,
  days: FlaggedDay[],
  unitId = 'dinkes',
  daysCounted = 20,
): AttendanceFact => ({
  asnId,
  unitId,
  month: m,
  recap: { daysCounted, flaggedDays: days },
});
const flagged = (date: string, ...bands: FlaggedDay['bands']): FlaggedDay => ({ date, bands });

describe('the default rules', () => {
  it('are the six rules of domain.md section 5, valid, with an example legal basis to edit', () => {
    expect(DEFAULT_RULES.map((r) => [r.code, r.kind, r.subject])).toEqual([
      ['KINERJA_RENDAH', 'sanction', 'opd_head'],
      ['KINERJA_LAMBAT', 'sanction', 'opd_head'],
      ['SUKA_TERLAMBAT', 'sanction', 'asn'],
      ['SERAPAN_RENDAH', 'sanction', 'opd_head'],
      ['ASN_TELADAN', 'reward', 'asn'],
      ['OPD_TERBAIK', 'reward', 'work_unit'],
    ]);
    expect(validateRuleSet(DEFAULT_RULES)).toEqual([]);
    for (const r of DEFAULT_RULES) {
      expect(r.legalBasis).toMatch(/^Perwali Kota Malang Nomor \.\.\. Tahun 2019 tentang \.\.\., Pasal /);
      expect(isExampleLegalBasis(r.legalBasis)).toBe(true);
    }
    expect(DEFAULT_RULES.filter((r) => r.kind === 'sanction').map((r) => r.consequence)).toEqual([
      { kind: 'vest', label: 'KINERJA RENDAH', workingDays: 5 },
      { kind: 'vest', label: 'KINERJA LAMBAT', workingDays: 3 },
      { kind: 'vest', label: 'SUKA TERLAMBAT', workingDays: 5 },
      { kind: 'vest', label: 'SERAPAN RENDAH', workingDays: 5 },
    ]);
    expect(DEFAULT_RULES.filter((r) => r.kind === 'sanction').every((r) => r.escalation?.factor === 2)).toBe(
      true,
    );
    expect(isExampleLegalBasis('Perwali Kota Malang Nomor 12 Tahun 2019, Pasal 7')).toBe(false);
  });
});

describe('unit_score_below (KINERJA_RENDAH: below 65)', () => {
  const r = [rule('KINERJA_RENDAH')];

  it('hits a score just below the threshold, not the threshold itself', () => {
    const facts: EvaluationFacts = {
      unitScores: [
        { unitId: 'a', periodKey: '2026-Q3', score: 64.99 },
        { unitId: 'b', periodKey: '2026-Q3', score: 65 },
        { unitId: 'c', periodKey: '2026-Q3', score: 80 },
      ],
    };
    expect(subjects(r, facts, q3)).toEqual(['KINERJA_RENDAH a']);
    const [hit] = evaluateRules(r, facts, q3);
    expect(hit).toEqual({
      ruleCode: 'KINERJA_RENDAH',
      ruleVersion: 1,
      ruleKind: 'sanction',
      subject: { kind: 'opd_head', unitId: 'a' },
      facts: [{ kind: 'unit_score', unitId: 'a', periodKey: '2026-Q3', score: 64.99, below: 65 }],
      summary: 'Nilai kinerja Triwulan III 2026 64,99, di bawah batas 65',
      key: 'KINERJA_RENDAH|unit:a|2026-Q3',
    });
  });

  it('counts quarter and year scores, not monthly or semester ones, one hit per unit', () => {
    const facts: EvaluationFacts = {
      unitScores: [
        { unitId: 'a', periodKey: '2026', score: 60 },
        { unitId: 'a', periodKey: '2026-Q4', score: 50 },
        { unitId: 'b', periodKey: '2026-M12', score: 10 },
        { unitId: 'b', periodKey: '2026-S2', score: 10 },
      ],
    };
    const hits = evaluateRules(r, facts, { asOf: '2026-12-31', periodKey: '2026' });
    expect(hits).toHaveLength(1);
    expect(hits[0].facts.map((f) => f.kind === 'unit_score' && f.periodKey)).toEqual(['2026', '2026-Q4']);
    const yearOnly: Rule = {
      ...rule('KINERJA_RENDAH'),
      condition: { kind: 'unit_score_below', below: 65, periods: ['year'] },
    };
    expect(evaluateRules([yearOnly], facts, q3)[0].facts).toHaveLength(1);
  });
});

describe('milestone_overdue and report_late (KINERJA_LAMBAT: more than 10 / more than 5 working days)', () => {
  const r = [rule('KINERJA_LAMBAT')];

  it('hits 11 working days overdue, not 10; 6 working days late, not 5', () => {
    const facts: EvaluationFacts = {
      milestones: [
        {
          unitId: 'pupr',
          milestoneId: 'm1',
          name: 'Lelang fisik',
          dueDate: '2026-03-02',
          workingDaysOverdue: 10,
        },
        {
          unitId: 'dishub',
          milestoneId: 'm2',
          name: 'Pemasangan rambu',
          dueDate: '2026-03-02',
          workingDaysOverdue: 11,
        },
      ],
      reports: [
        {
          unitId: 'dinkes',
          reportId: 'r1',
          label: 'Angka kematian ibu',
          periodKey: '2026-M03',
          deadline: '2026-04-10',
          workingDaysLate: 5,
        },
        {
          unitId: 'dispendik',
          reportId: 'r2',
          label: 'Angka partisipasi sekolah',
          periodKey: '2026-M03',
          deadline: '2026-04-10',
          workingDaysLate: 6,
        },
      ],
    };
    expect(subjects(r, facts, april)).toEqual(['KINERJA_LAMBAT dishub', 'KINERJA_LAMBAT dispendik']);
    const hits = evaluateRules(r, facts, april);
    expect(hits[0].summary).toBe(
      'Tahapan "Pemasangan rambu" (jatuh tempo 2 Maret 2026) terlambat 11 hari kerja, lebih dari 10 hari kerja',
    );
    expect(hits[1].summary).toBe(
      'Laporan realisasi Angka partisipasi sekolah Maret 2026 (batas 10 April 2026) terlambat 6 hari kerja, lebih dari 5 hari kerja',
    );
  });

  it('gives one hit per unit with every triggering milestone and report, in a stable order', () => {
    const facts: EvaluationFacts = {
      milestones: [
        { unitId: 'pupr', milestoneId: 'm9', name: 'B', dueDate: '2026-03-05', workingDaysOverdue: 20 },
        { unitId: 'pupr', milestoneId: 'm2', name: 'A', dueDate: '2026-03-05', workingDaysOverdue: 12 },
        { unitId: 'pupr', milestoneId: 'm1', name: 'C', dueDate: '2026-02-01', workingDaysOverdue: 40 },
      ],
      reports: [
        {
          unitId: 'pupr',
          reportId: 'r1',
          label: 'Panjang jalan',
          periodKey: '2026-M03',
          deadline: '2026-04-10',
          workingDaysLate: 9,
        },
      ],
    };
    const hits = evaluateRules(r, facts, april);
    expect(hits).toHaveLength(1);
    expect(
      hits[0].facts.map(
        (f) => f.kind + ':' + ('milestoneId' in f ? f.milestoneId : 'reportId' in f ? f.reportId : ''),
      ),
    ).toEqual(['milestone_overdue:m1', 'milestone_overdue:m2', 'milestone_overdue:m9', 'report_late:r1']);
    // The same facts in another order give the same hits.
    const shuffled: EvaluationFacts = { ...facts, milestones: [...facts.milestones!].reverse() };
    expect(evaluateRules(r, shuffled, april)).toEqual(hits);
  });
});

describe('lateness_days (SUKA_TERLAMBAT: 4 or more days of TL2-TL4 in a month)', () => {
  const r = [rule('SUKA_TERLAMBAT')];
  const three = [
    flagged('2026-04-06', 'TL2'),
    flagged('2026-04-07', 'TL3', 'PSW2'),
    flagged('2026-04-08', 'TL4'),
  ];

  it('hits at 4 days, not at 3; TL1, PSW and TK days do not count', () => {
    const facts: EvaluationFacts = {
      attendance: [
        month('asn-3', '2026-04', [
          ...three,
          flagged('2026-04-09', 'TL1'),
          flagged('2026-04-10', 'PSW4'),
          flagged('2026-04-13', 'TK'),
        ]),
        month('asn-4', '2026-04', [...three, flagged('2026-04-14', 'TL2', 'PSW1')]),
      ],
    };
    const hits = evaluateRules(r, facts, april);
    expect(hits.map((h) => h.subject)).toEqual([{ kind: 'asn', asnId: 'asn-4', unitId: 'dinkes' }]);
    expect(hits[0].facts).toEqual([
      {
        kind: 'lateness_days',
        month: '2026-04',
        bands: ['TL2', 'TL3', 'TL4'],
        days: [
          flagged('2026-04-06', 'TL2'),
          flagged('2026-04-07', 'TL3'),
          flagged('2026-04-08', 'TL4'),
          flagged('2026-04-14', 'TL2'),
        ],
        count: 4,
        atLeast: 4,
      },
    ]);
    expect(hits[0].summary).toBe(
      '4 hari dengan kategori TL2/TL3/TL4 pada April 2026 (paling sedikit 4 hari): 6 April 2026 (TL2), ' +
        '7 April 2026 (TL3), 8 April 2026 (TL4), 14 April 2026 (TL2)',
    );
    expect(hits[0].key).toBe('SUKA_TERLAMBAT|asn:asn-4|2026-M04');
  });

  it('judges only the month of the evaluation', () => {
    const facts: EvaluationFacts = {
      attendance: [month('asn-4', '2026-03', [...three, flagged('2026-03-31', 'TL2')])],
    };
    expect(evaluateRules(r, facts, april)).toEqual([]);
    expect(evaluateRules(r, facts, { asOf: '2026-03-31', periodKey: '2026-M03' })).toHaveLength(1);
  });

  it('reads the recap the lateness module computes from punches', () => {
    const calendar = seededCalendar();
    const punches = [
      '2026-04-06 08:05:00', // TL2 (35 minutes)
      '2026-04-07 08:40:00', // TL3
      '2026-04-08 07:45:00', // TL1: does not count
      '2026-04-09 09:30:00', // TL4
      '2026-04-13 08:01:00', // TL2 (31 minutes)
    ].flatMap((p) => [p, `${p.slice(0, 10)} 16:00:00`]);
    const { start, end } = monthRange('2026-04');
    const days = evaluateDays(
      { calendar, schedules: defaultScheduleSet(), rules: DEFAULT_LATENESS_RULES },
      { punches, excuses: [{ kind: 'leave', start: '2026-04-14', end: '2026-04-30' }] },
      start,
      end,
    );
    const recap = recapDays(days, DEFAULT_LATENESS_RULES);
    const hits = evaluateRules(
      r,
      { attendance: [{ asnId: 'x', unitId: 'u', month: '2026-04', recap }] },
      april,
    );
    expect(hits).toHaveLength(1);
    const fact = hits[0].facts[0];
    expect(fact.kind === 'lateness_days' && fact.days.map((d) => d.date)).toEqual([
      '2026-04-06',
      '2026-04-07',
      '2026-04-09',
      '2026-04-13',
    ]);
  });
});

describe('absorption_below (SERAPAN_RENDAH: below 60% at the end of Q3)', () => {
  const r = [rule('SERAPAN_RENDAH')];

  it('hits 59.99%, not 60%; ignores other quarters and units without a plan', () => {
    const facts: EvaluationFacts = {
      absorption: [
        { unitId: 'a', year: 2026, quarter: 3, planned: 10_000_000_000, realized: 5_999_000_000 },
        { unitId: 'b', year: 2026, quarter: 3, planned: 10_000_000_000, realized: 6_000_000_000 },
        { unitId: 'c', year: 2026, quarter: 2, planned: 10_000_000_000, realized: 1_000_000_000 },
        { unitId: 'd', year: 2026, quarter: 3, planned: 0, realized: 0 },
      ],
    };
    const hits = evaluateRules(r, facts, q3);
    expect(hits.map((h) => h.subject)).toEqual([{ kind: 'opd_head', unitId: 'a' }]);
    expect(hits[0].summary).toBe(
      'Serapan anggaran Triwulan III 2026 59,99% (Rp5.999.000.000 dari Rp10.000.000.000), di bawah 60%',
    );
  });

  it('rounds the percentage to 2 decimals before comparing, as shown', () => {
    const facts: EvaluationFacts = {
      absorption: [{ unitId: 'a', year: 2026, quarter: 3, planned: 100_000, realized: 59_995 }],
    };
    expect(evaluateRules(r, facts, q3)).toEqual([]); // 59.995 shows as 60
  });
});

describe('clean_attendance (ASN_TELADAN: no lateness for 3 months, unit score at least 91)', () => {
  const r = [rule('ASN_TELADAN')];
  const scores = [
    { unitId: 'dinkes', periodKey: '2026-Q1', score: 91 },
    { unitId: 'dispendik', periodKey: '2026-Q1', score: 90.99 },
    { unitId: 'dinkes', periodKey: '2025-Q4', score: 50 },
  ];
  const ctx: EvaluationContext = { asOf: '2026-03-31', periodKey: '2026-Q1' };
  const clean = (asnId: string, unitId = 'dinkes') =>
    ['2026-01', '2026-02', '2026-03'].map((m) => month(asnId, m, [], unitId));

  it('rewards three clean months in a unit scoring exactly 91, not 90.99', () => {
    const facts: EvaluationFacts = {
      unitScores: scores,
      attendance: [...clean('good'), ...clean('elsewhere', 'dispendik')],
    };
    const hits = evaluateRules(r, facts, ctx);
    expect(hits.map((h) => h.subject)).toEqual([{ kind: 'asn', asnId: 'good', unitId: 'dinkes' }]);
    expect(hits[0].facts).toEqual([
      {
        kind: 'clean_attendance',
        months: ['2026-01', '2026-02', '2026-03'],
        periodKey: '2026-Q1',
        score: 91,
        minScore: 91,
      },
    ]);
    expect(hits[0].summary).toBe(
      'Tanpa keterlambatan selama 3 bulan (Januari 2026, Februari 2026, Maret 2026); nilai unit Triwulan I 2026 91 (paling rendah 91)',
    );
  });

  it('does not reward one TL1 day, a missing month, or a month without a counted day', () => {
    const facts: EvaluationFacts = {
      unitScores: scores,
      attendance: [
        month('late-once', '2026-01', []),
        month('late-once', '2026-02', [flagged('2026-02-10', 'TL1')]),
        month('late-once', '2026-03', []),
        month('new', '2026-02', []),
        month('new', '2026-03', []),
        month('on-leave', '2026-01', []),
        month('on-leave', '2026-02', [], 'dinkes', 0),
        month('on-leave', '2026-03', []),
      ],
    };
    expect(evaluateRules(r, facts, ctx)).toEqual([]);
  });

  it('crosses a year end and uses the unit of the latest month', () => {
    const facts: EvaluationFacts = {
      unitScores: [{ unitId: 'dinkes', periodKey: '2026-Q1', score: 95 }],
      attendance: [
        month('moved', '2025-12', [], 'dispendik'),
        month('moved', '2026-01', [], 'dinkes'),
        month('moved', '2026-02', []),
      ],
    };
    const hits = evaluateRules(r, facts, { asOf: '2026-02-28', periodKey: '2026-M02' });
    expect(hits.map((h) => h.subject)).toEqual([{ kind: 'asn', asnId: 'moved', unitId: 'dinkes' }]);
  });
});

describe('top_unit_score (OPD_TERBAIK: highest year score, at least 91)', () => {
  const r = [rule('OPD_TERBAIK')];
  const year: EvaluationContext = { asOf: '2026-12-31', periodKey: '2026' };

  it('rewards the top unit, every unit of a tie, and nobody when the top is below 91', () => {
    const scores = (a: number, b: number) => ({
      unitScores: [
        { unitId: 'a', periodKey: '2026', score: a },
        { unitId: 'b', periodKey: '2026', score: b },
        { unitId: 'c', periodKey: '2026-Q4', score: 99 },
      ],
    });
    expect(subjects(r, scores(93.5, 92), year)).toEqual(['OPD_TERBAIK a']);
    expect(subjects(r, scores(91, 91), year)).toEqual(['OPD_TERBAIK a', 'OPD_TERBAIK b']);
    expect(subjects(r, scores(90.99, 80), year)).toEqual([]);
    expect(evaluateRules(r, scores(93.5, 92), year)[0]).toMatchObject({
      subject: { kind: 'work_unit', unitId: 'a' },
      summary: 'Nilai kinerja tertinggi Tahun 2026: 93,5 (paling rendah 91)',
      key: 'OPD_TERBAIK|unit:a|2026',
    });
  });
});

describe('evaluateRules', () => {
  const facts: EvaluationFacts = {
    unitScores: [
      { unitId: 'z', periodKey: '2026-Q3', score: 60 },
      { unitId: 'a', periodKey: '2026-Q3', score: 61 },
    ],
    absorption: [{ unitId: 'a', year: 2026, quarter: 3, planned: 100, realized: 10 }],
  };

  it('lists hits in rule order, then by subject, and gives a second run the same keys', () => {
    const hits = evaluateRules(DEFAULT_RULES, facts, q3);
    expect(hits.map((h) => h.key)).toEqual([
      'KINERJA_RENDAH|unit:a|2026-Q3',
      'KINERJA_RENDAH|unit:z|2026-Q3',
      'SERAPAN_RENDAH|unit:a|2026-Q3',
    ]);
    expect(evaluateRules(DEFAULT_RULES, facts, q3)).toEqual(hits);
  });

  it('applies only the rules valid on the evaluated day and records their version', () => {
    const v2: Rule = { ...rule('KINERJA_RENDAH'), version: 2, validFrom: '2026-10-01' };
    const v1: Rule = { ...rule('KINERJA_RENDAH'), validUntil: '2026-09-30' };
    expect(validateRuleSet([v1, v2])).toEqual([]);
    expect(evaluateRules([v1, v2], facts, q3).map((h) => h.ruleVersion)).toEqual([1, 1]);
    expect(
      evaluateRules([v1, v2], facts, { asOf: '2026-10-01', periodKey: '2026-Q3' }).map((h) => h.ruleVersion),
    ).toEqual([2, 2]);
  });

  it('gives nothing without facts, and refuses a bad evaluation day', () => {
    expect(evaluateRules(DEFAULT_RULES, {}, q3)).toEqual([]);
    expect(() => evaluateRules(DEFAULT_RULES, {}, { asOf: '2026-09-31', periodKey: '2026-Q3' })).toThrow(
      RangeError,
    );
  });

  it('describes every kind of fact', () => {
    expect(describeFact({ kind: 'top_unit_score', periodKey: '2026', score: 92.25, minScore: 91 })).toBe(
      'Nilai kinerja tertinggi Tahun 2026: 92,25 (paling rendah 91)',
    );
  });
});

describe('validateRule', () => {
  const valid = rule('SUKA_TERLAMBAT');
  const errors = (over: Partial<Rule>) => validateRule({ ...valid, ...over });
  const cond = (condition: RuleCondition, over: Partial<Rule> = {}) => errors({ condition, ...over });

  it('checks code, name, legal basis, kind and subject', () => {
    expect(
      errors({
        code: 'suka terlambat',
        name: ' ',
        legalBasis: '',
        kind: 'hukuman' as never,
        subject: 'pns' as never,
      }),
    ).toEqual([
      {
        path: 'code',
        message: 'Kode aturan 2-40 karakter: huruf besar, angka, dan garis bawah (contoh: SUKA_TERLAMBAT)',
      },
      { path: 'name', message: 'Nama aturan wajib diisi, paling banyak 120 karakter' },
      {
        path: 'legalBasis',
        message: 'Dasar hukum wajib diisi (peraturan, nomor, tahun, pasal), paling banyak 500 karakter',
      },
      { path: 'kind', message: 'Jenis aturan harus sanksi atau penghargaan' },
      { path: 'subject', message: 'Subjek aturan harus Kepala OPD, ASN, atau Perangkat Daerah' },
    ]);
  });

  it('checks the parameters of each condition', () => {
    const unit = { subject: 'opd_head' as const };
    expect(cond({ kind: 'unit_score_below', below: 0, periods: [] }, unit)).toEqual([
      { path: 'condition.below', message: 'Batas nilai harus angka 0-100' },
      { path: 'condition.periods', message: 'Pilih periode nilai: triwulan, tahun, atau keduanya' },
    ]);
    expect(cond({ kind: 'milestone_overdue', moreThanWorkingDays: 2.5 }, unit)).toEqual([
      {
        path: 'condition.moreThanWorkingDays',
        message: 'Batas keterlambatan harus bilangan bulat 0-250 hari kerja',
      },
    ]);
    expect(cond({ kind: 'report_late', moreThanWorkingDays: -1 }, unit)).toHaveLength(1);
    expect(cond({ kind: 'lateness_days', bands: ['TL2', 'TL2', 'TL9' as never], atLeastDays: 0 })).toEqual([
      { path: 'condition.bands.1', message: 'Kategori TL2 tercantum dua kali' },
      { path: 'condition.bands.2', message: 'Kategori "TL9" tidak dikenal' },
      { path: 'condition.atLeastDays', message: 'Jumlah hari harus bilangan bulat 1-31' },
    ]);
    expect(cond({ kind: 'lateness_days', bands: [], atLeastDays: 4 })).toEqual([
      { path: 'condition.bands', message: 'Pilih paling sedikit satu kategori (TL1-TL4, PSW1-PSW4, TK)' },
    ]);
    expect(cond({ kind: 'absorption_below', belowPercent: 120, quarter: 5 as never }, unit)).toEqual([
      { path: 'condition.belowPercent', message: 'Batas serapan harus angka lebih dari 0 sampai 100 (%)' },
      { path: 'condition.quarter', message: 'Triwulan harus 1, 2, 3, atau 4' },
    ]);
    expect(
      validateRule({
        ...rule('ASN_TELADAN'),
        condition: {
          kind: 'clean_attendance',
          months: 13,
          bands: BAND_CODES,
          scorePeriod: 'month' as never,
          minUnitScore: 101,
        },
      }),
    ).toEqual([
      { path: 'condition.months', message: 'Jumlah bulan harus bilangan bulat 1-12' },
      { path: 'condition.scorePeriod', message: 'Periode nilai harus triwulan atau tahun' },
      { path: 'condition.minUnitScore', message: 'Batas nilai harus angka 0-100' },
    ]);
    expect(
      validateRule({ ...rule('OPD_TERBAIK'), condition: { kind: 'top_unit_score', minScore: -1 } }),
    ).toEqual([{ path: 'condition.minScore', message: 'Batas nilai harus angka 0-100' }]);
    expect(cond({ kind: 'vibes' } as never)).toEqual([
      { path: 'condition.kind', message: 'Jenis kondisi tidak dikenal' },
    ]);
  });

  it('checks that the condition fits the rule kind and subject, and that any_of is flat with 2-5 members', () => {
    expect(cond({ kind: 'unit_score_below', below: 65, periods: ['year'] })).toEqual([
      {
        path: 'condition.kind',
        message:
          'Kondisi "Nilai kinerja unit di bawah batas" berlaku untuk subjek Kepala OPD atau Perangkat Daerah',
      },
    ]);
    expect(
      validateRule({
        ...rule('ASN_TELADAN'),
        condition: { kind: 'lateness_days', bands: ['TL1'], atLeastDays: 1 },
      }),
    ).toEqual([
      {
        path: 'condition.kind',
        message: 'Kondisi "Jumlah hari keterlambatan dalam sebulan" hanya untuk aturan sanksi',
      },
    ]);
    const lambat = rule('KINERJA_LAMBAT');
    expect(
      validateRule({
        ...lambat,
        condition: {
          kind: 'any_of',
          conditions: [{ kind: 'any_of', conditions: [] } as never],
        },
      }),
    ).toEqual([
      { path: 'condition.conditions', message: 'Kondisi gabungan memuat 2 sampai 5 kondisi' },
      { path: 'condition.conditions.0.kind', message: 'Kondisi gabungan tidak boleh bersarang' },
    ]);
  });

  it('checks the consequence, the escalation and the validity dates', () => {
    expect(errors({ consequence: { kind: 'vest', label: '', workingDays: 61 } })).toEqual([
      { path: 'consequence.label', message: 'Tulisan pada rompi wajib diisi, paling banyak 40 karakter' },
      { path: 'consequence.workingDays', message: 'Lama sanksi harus bilangan bulat 1-60 hari kerja' },
    ]);
    expect(errors({ consequence: { kind: 'certificate', text: 'Piagam' } })).toEqual([
      { path: 'consequence.kind', message: 'Sanksi berupa rompi khusus' },
    ]);
    expect(validateRule({ ...rule('ASN_TELADAN'), consequence: { kind: 'certificate', text: '' } })).toEqual([
      { path: 'consequence.text', message: 'Teks piagam wajib diisi, paling banyak 500 karakter' },
    ]);
    expect(
      validateRule({ ...rule('ASN_TELADAN'), consequence: { kind: 'vest', label: 'X', workingDays: 1 } }),
    ).toEqual([{ path: 'consequence.kind', message: 'Penghargaan berupa piagam' }]);
    expect(validateRule({ ...rule('ASN_TELADAN'), escalation: { withinMonths: 3, factor: 2 } })).toEqual([
      { path: 'escalation', message: 'Pemberatan hanya berlaku untuk sanksi' },
    ]);
    expect(errors({ escalation: { withinMonths: 0, factor: 6 } })).toEqual([
      { path: 'escalation.withinMonths', message: 'Jangka pengulangan harus bilangan bulat 1-24 bulan' },
      { path: 'escalation.factor', message: 'Pengali pemberatan harus angka 1-5' },
    ]);
    expect(errors({ validFrom: '2026-02-30' })).toEqual([
      { path: 'validFrom', message: 'Tanggal berlaku tidak valid (format TTTT-BB-HH)' },
    ]);
    expect(errors({ validFrom: '2026-06-01', validUntil: '2026-05-31' })).toEqual([
      { path: 'validUntil', message: 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku' },
    ]);
  });

  it('refuses a code twice among rules valid at the same time', () => {
    const a = { ...valid, validUntil: '2026-06-30' };
    const b = { ...valid, validFrom: '2026-06-30' };
    expect(validateRuleSet([a, b])).toEqual([
      {
        path: '1.code',
        message: 'Kode SUKA_TERLAMBAT sudah dipakai aturan ke-1 yang berlaku pada tanggal yang sama',
      },
    ]);
    expect(validateRuleSet([a, { ...b, validFrom: '2026-07-01' }])).toEqual([]);
  });
});
