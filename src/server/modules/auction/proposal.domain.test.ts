import { describe, expect, it } from 'vitest';
import { roles } from '../../../contract/common.js';
import type { SubmissionWindow } from './cycle.domain.js';
import { negotiationStates } from './negotiation.domain.js';
import {
  checkCompleteness,
  checkDirection,
  hundredths,
  proposalActions,
  proposalStates,
  proposalTransitions,
  signPact,
  termsFromDraft,
  transition,
  type IndicatorDraft,
  type PactSignatures,
  type ProposalAction,
  type ProposalDraft,
  type ProposalFacts,
  type ProposalState,
} from './proposal.domain.js';
import type { ActorRole } from './state-machine.js';

const cycle = {
  startYear: 2026,
  endYear: 2030,
  themes: [
    { id: 'tema-aki', missionId: 'misi-1' },
    { id: 'tema-umkm', missionId: 'misi-2' },
  ],
};
const years = [2026, 2027, 2028, 2029, 2030];

const indicator = (
  o: Partial<IndicatorDraft> & Pick<IndicatorDraft, 'key' | 'polarity'>,
): IndicatorDraft => ({
  name: `Indikator ${o.key}`,
  unit: '%',
  aggregation: 'latest',
  frequency: 'quarterly',
  weight: 50,
  baseline: { value: 50, year: 2025, source: 'Dinas Kesehatan, laporan KIA 2025', breakdown: [] },
  targets: years.map((year) => ({ year, value: 50 })),
  ...o,
});

/** A complete proposal of Dinas Kesehatan with the kecamatan: one indicator of each polarity. */
function buildDraft(): ProposalDraft {
  return {
    title: 'Penurunan angka kematian ibu',
    problemStatement: 'Angka kematian ibu masih di atas target nasional; data per kelurahan tersedia.',
    missionId: 'misi-1',
    themeId: 'tema-aki',
    leadUnitId: 'dinkes',
    leadShare: 50,
    collaborators: [
      { unitId: 'kec-blimbing', share: 25 },
      { unitId: 'kec-klojen', share: 25 },
    ],
    budget: years.map((year) => ({ year, amount: 1_500_000_000 })),
    indicators: [
      indicator({
        key: 'aki',
        name: 'Angka kematian ibu',
        unit: 'per 100.000 kelahiran hidup',
        polarity: 'lower_is_better',
        weight: 50,
        baseline: {
          value: 90,
          year: 2025,
          source: 'Laporan KIA Dinas Kesehatan 2025',
          breakdown: [
            { label: 'Ibu hamil', value: 12500 },
            { label: 'Ibu hamil bulan ke-8', value: 1100 },
          ],
        },
        targets: [85, 80, 75, 70, 65].map((value, i) => ({ year: 2026 + i, value })),
      }),
      indicator({
        key: 'k4',
        name: 'Cakupan kunjungan K4',
        polarity: 'higher_is_better',
        weight: 30,
        baseline: { value: 88, year: 2024, source: 'SIMPUS 2024', breakdown: [] },
        targets: [90, 92, 94, 96, 98].map((value, i) => ({ year: 2026 + i, value })),
      }),
      indicator({
        key: 'lama_rawat',
        name: 'Rata-rata lama rawat inap persalinan',
        unit: 'hari',
        polarity: 'range',
        weight: 20,
        baseline: { value: 6, year: 2025, source: 'RSUD 2025', breakdown: [] },
        targets: years.map((year) => ({ year, lower: 3, upper: 5 })),
      }),
    ],
    milestones: [
      { key: 'pendataan', title: 'Pendataan ibu hamil risiko tinggi', dueDate: '2026-03-31' },
      { key: 'kelas_ibu', title: 'Kelas ibu hamil di semua kelurahan', dueDate: '2027-06-30' },
    ],
  };
}

/** A fresh complete draft changed by `edit`. */
function draft(
  edit: (d: ProposalDraft & { indicators: IndicatorDraft[] }) => void = () => {},
): ProposalDraft {
  const d = structuredClone(buildDraft()) as ProposalDraft & { indicators: IndicatorDraft[] };
  edit(d);
  return d;
}
const check = (edit?: Parameters<typeof draft>[0]) => checkCompleteness(draft(edit), cycle);

describe('checkCompleteness', () => {
  it('finds nothing wrong with a complete proposal', () => {
    expect(check()).toEqual([]);
  });

  it('requires a title, a problem statement, a mission and a theme', () => {
    expect(
      check((d) => {
        d.title = '  ';
        d.problemStatement = '';
        d.missionId = null;
        d.themeId = null;
      }),
    ).toEqual([
      { path: 'title', message: 'Judul usulan wajib diisi' },
      { path: 'missionId', message: 'Misi wajib dipilih' },
      { path: 'themeId', message: 'Tema wajib dipilih' },
      { path: 'problemStatement', message: 'Rumusan masalah wajib diisi' },
    ]);
  });

  it('requires the theme to belong to the cycle and to the chosen mission', () => {
    expect(check((d) => (d.themeId = 'tema-lain'))).toEqual([
      { path: 'themeId', message: 'Tema tidak termasuk dalam siklus ini' },
    ]);
    expect(check((d) => (d.themeId = 'tema-umkm'))).toEqual([
      { path: 'themeId', message: 'Tema tidak berada di bawah misi yang dipilih' },
    ]);
  });

  describe('units and shares', () => {
    it('requires the lead unit', () => {
      expect(check((d) => (d.leadUnitId = null))).toEqual([
        { path: 'leadUnitId', message: 'Unit pengampu wajib diisi' },
      ]);
    });

    it.each([
      [99, [{ path: 'collaborators', message: expect.stringContaining('(saat ini 99%)') }]],
      [100, []],
      [101, [{ path: 'collaborators', message: expect.stringContaining('(saat ini 101%)') }]],
    ])('shares summing to %s', (sum, expected) => {
      expect(check((d) => (d.leadShare = sum - 50))).toEqual(expected);
    });

    it('explains a wrong sum in full, on the lead share when there are no collaborators', () => {
      expect(check((d) => (d.collaborators = []))).toEqual([
        {
          path: 'leadShare',
          message: 'Jumlah kontribusi unit pengampu dan unit kolaborator harus 100% (saat ini 50%)',
        },
      ]);
      expect(
        check((d) => {
          d.collaborators = [];
          d.leadShare = 100;
        }),
      ).toEqual([]);
    });

    it('sums shares with two decimals exactly (33,33 + 33,33 + 33,34 is 100)', () => {
      expect(
        check((d) => {
          d.leadShare = 33.33;
          d.collaborators = [
            { unitId: 'kec-blimbing', share: 33.33 },
            { unitId: 'kec-klojen', share: 33.34 },
          ];
        }),
      ).toEqual([]);
    });

    it('rejects a share of 0, above 100, with three decimals or missing, and then does not add them up', () => {
      expect(
        check((d) => {
          d.leadShare = 0;
          d.collaborators = [
            { unitId: 'kec-blimbing', share: 100.01 },
            { unitId: 'kec-klojen', share: 33.333 },
            { unitId: 'kec-sukun', share: null },
          ];
        }),
      ).toEqual([
        {
          path: 'leadShare',
          message:
            'Kontribusi unit pengampu harus lebih dari 0 dan paling besar 100, maksimal 2 angka desimal',
        },
        ...[0, 1, 2].map((i) => ({
          path: `collaborators.${i}.share`,
          message:
            'Kontribusi unit kolaborator harus lebih dari 0 dan paling besar 100, maksimal 2 angka desimal',
        })),
      ]);
    });

    it('requires collaborators to be distinct, named, and not the lead unit', () => {
      expect(
        check((d) => {
          d.leadShare = 25;
          d.collaborators = [
            { unitId: 'kec-blimbing', share: 25 },
            { unitId: 'dinkes', share: 25 },
            { unitId: 'kec-blimbing', share: 15 },
            { unitId: '', share: 10 },
          ];
        }),
      ).toEqual([
        {
          path: 'collaborators.1.unitId',
          message: 'Unit pengampu tidak dapat sekaligus menjadi unit kolaborator',
        },
        { path: 'collaborators.2.unitId', message: 'Unit ini sudah tercantum sebagai kolaborator ke-1' },
        { path: 'collaborators.3.unitId', message: 'Unit kolaborator wajib dipilih' },
      ]);
    });
  });

  describe('budget', () => {
    it('accepts 0 Rupiah as an explicit answer', () => {
      expect(check((d) => (d.budget = years.map((year) => ({ year, amount: 0 }))))).toEqual([]);
    });

    it('requires a line for every term year and none outside it', () => {
      expect(
        check((d) => (d.budget = [2025, 2026, 2027, 2027, 2028, 2029].map((year) => ({ year, amount: 1 })))),
      ).toEqual([
        { path: 'budget.0.year', message: 'Anggaran hanya untuk tahun periode 2026-2030 (terisi 2025)' },
        { path: 'budget.3.year', message: 'Anggaran tahun 2027 tercantum lebih dari sekali' },
        { path: 'budget', message: 'Anggaran tahun 2030 belum diisi' },
      ]);
    });

    it.each([
      [-1, 'Anggaran harus bilangan bulat Rupiah yang tidak negatif'],
      [1.5, 'Anggaran harus bilangan bulat Rupiah yang tidak negatif'],
      [Number.NaN, 'Anggaran harus bilangan bulat Rupiah yang tidak negatif'],
      [null, 'Anggaran tahun 2026 belum diisi'],
    ])('rejects an amount of %s', (amount, message) => {
      expect(check((d) => (d.budget = [{ year: 2026, amount }, ...d.budget.slice(1)]))).toEqual([
        { path: 'budget.0.amount', message },
      ]);
    });
  });

  describe('indicators', () => {
    it('requires at least one indicator', () => {
      expect(check((d) => (d.indicators = []))).toEqual([
        { path: 'indicators', message: 'Usulan harus memiliki minimal 1 indikator' },
      ]);
    });

    it.each([
      [99, [{ path: 'indicators', message: 'Jumlah bobot indikator harus 100 (saat ini 99)' }]],
      [100, []],
      [101, [{ path: 'indicators', message: 'Jumlah bobot indikator harus 100 (saat ini 101)' }]],
    ])('weights summing to %s', (sum, expected) => {
      expect(check((d) => (d.indicators[0].weight = sum - 50))).toEqual(expected);
    });

    it('adds weights with two decimals exactly and reports a decimal sum the Indonesian way', () => {
      expect(check((d) => d.indicators.forEach((ind, i) => (ind.weight = [33.33, 33.33, 33.34][i])))).toEqual(
        [],
      );
      expect(check((d) => (d.indicators[0].weight = 49.5))).toEqual([
        { path: 'indicators', message: 'Jumlah bobot indikator harus 100 (saat ini 99,5)' },
      ]);
    });

    it.each([0, -5, 100.01, 33.333, null])('rejects a weight of %s', (weight) => {
      expect(check((d) => (d.indicators[2].weight = weight))).toEqual([
        {
          path: 'indicators.2.weight',
          message: 'Bobot indikator harus lebih dari 0 dan paling besar 100, maksimal 2 angka desimal',
        },
      ]);
    });

    it('requires key, name, unit, polarity, aggregation and frequency, with unique keys', () => {
      expect(
        check((d) => {
          d.indicators[1].key = 'aki';
          d.indicators[2].key = '';
          d.indicators[0].name = '';
          d.indicators[0].unit = ' ';
          d.indicators[0].aggregation = 'median' as never;
          d.indicators[0].frequency = 'weekly' as never;
        }),
      ).toEqual([
        { path: 'indicators.0.name', message: 'Nama indikator wajib diisi' },
        { path: 'indicators.0.unit', message: 'Satuan indikator wajib diisi' },
        { path: 'indicators.0.aggregation', message: 'Cara agregasi tahunan wajib dipilih' },
        { path: 'indicators.0.frequency', message: 'Frekuensi pelaporan wajib dipilih' },
        { path: 'indicators.1.key', message: 'Kode indikator "aki" sudah dipakai pada indikator ke-1' },
        { path: 'indicators.2.key', message: 'Kode indikator wajib diisi' },
      ]);
    });

    it('does not check targets against an unknown polarity, only asks for the polarity', () => {
      expect(check((d) => (d.indicators[0].polarity = 'sideways' as never))).toEqual([
        { path: 'indicators.0.polarity', message: 'Arah indikator wajib dipilih' },
      ]);
    });
  });

  describe('baseline', () => {
    it('requires value, year and data source', () => {
      expect(
        check((d) => {
          d.indicators[0].baseline = { value: null, year: null, source: '', breakdown: [] };
        }),
      ).toEqual([
        { path: 'indicators.0.baseline.value', message: 'Nilai titik nol wajib diisi' },
        { path: 'indicators.0.baseline.year', message: 'Tahun titik nol wajib diisi' },
        { path: 'indicators.0.baseline.source', message: 'Sumber data titik nol wajib diisi' },
      ]);
    });

    it('rejects a value that is not a number', () => {
      expect(check((d) => (d.indicators[0].baseline.value = Number.POSITIVE_INFINITY))).toEqual([
        { path: 'indicators.0.baseline.value', message: 'Nilai titik nol harus berupa angka' },
      ]);
    });

    it.each([
      [2025, true],
      [2016, true],
      [2026, false],
      [2015, false],
      [2024.5, false],
    ])('baseline year %s is accepted: %s', (year, ok) => {
      expect(check((d) => (d.indicators[1].baseline.year = year))).toEqual(
        ok
          ? []
          : [
              {
                path: 'indicators.1.baseline.year',
                message: 'Tahun titik nol harus sebelum awal periode, antara 2016 dan 2025',
              },
            ],
      );
    });

    it('requires a label and a number on every breakdown row', () => {
      expect(check((d) => (d.indicators[0].baseline.breakdown = [{ label: '', value: null }]))).toEqual([
        { path: 'indicators.0.baseline.breakdown.0.label', message: 'Uraian data pendukung wajib diisi' },
        {
          path: 'indicators.0.baseline.breakdown.0.value',
          message: 'Nilai data pendukung wajib diisi dengan angka',
        },
      ]);
    });
  });

  describe('targets', () => {
    it('names a missing year', () => {
      expect(
        check((d) => (d.indicators[1].targets = d.indicators[1].targets.filter((t) => t.year !== 2028))),
      ).toEqual([{ path: 'indicators.1.targets', message: 'Target tahun 2028 belum diisi' }]);
    });

    it('rejects years outside the term and duplicates, and leaves them out of the direction check', () => {
      expect(
        check(
          (d) =>
            (d.indicators[1].targets = [
              { year: 2025, value: 200 },
              ...d.indicators[1].targets,
              { year: 2030, value: 1 },
            ]),
        ),
      ).toEqual([
        {
          path: 'indicators.1.targets.0.year',
          message: 'Target hanya untuk tahun periode 2026-2030 (terisi 2025)',
        },
        { path: 'indicators.1.targets.6.year', message: 'Target tahun 2030 tercantum lebih dari sekali' },
      ]);
    });

    it('requires a value for single-value indicators and bounds for ranges, in the right fields', () => {
      expect(
        check((d) => {
          d.indicators[1].targets[0].value = null;
          d.indicators[1].targets[1].lower = 1;
          d.indicators[2].targets[0].upper = null;
          d.indicators[2].targets[1].value = 4;
        }),
      ).toEqual([
        { path: 'indicators.1.targets.0.value', message: 'Target tahun 2026 belum diisi' },
        {
          path: 'indicators.1.targets.1.lower',
          message: 'Target tahun 2027 bukan rentang: isi satu nilai target saja',
        },
        { path: 'indicators.2.targets.0.upper', message: 'Batas atas target tahun 2026 belum diisi' },
        {
          path: 'indicators.2.targets.1.value',
          message: 'Target tahun 2027 berupa rentang: isi batas bawah dan batas atas',
        },
      ]);
    });

    it('reports targets moving the wrong way at the offending year', () => {
      expect(
        check((d) => {
          d.indicators[0].targets[2].value = 82; // lower is better: 80 -> 82 rises
          d.indicators[1].targets[0].value = 87; // higher is better: below the baseline 88
          Object.assign(d.indicators[2].targets[4], { lower: 6, upper: 5 });
        }),
      ).toEqual([
        {
          path: 'indicators.0.targets.2.value',
          message:
            'Target tahun 2028 (82) lebih tinggi dari target tahun 2027 (80): indikator makin rendah makin baik tidak boleh naik',
        },
        {
          path: 'indicators.1.targets.0.value',
          message:
            'Target tahun 2026 (87) lebih rendah dari titik nol (88): indikator makin tinggi makin baik tidak boleh turun',
        },
        {
          path: 'indicators.2.targets.4.lower',
          message: 'Batas bawah target tahun 2030 (6) lebih besar dari batas atas (5)',
        },
      ]);
    });
  });

  describe('milestones', () => {
    it('requires at least one milestone', () => {
      expect(check((d) => (d.milestones = []))).toEqual([
        { path: 'milestones', message: 'Jadwal kerja harus memiliki minimal 1 tahapan' },
      ]);
    });

    it('accepts dates exactly on the first and last day of the term, in any order', () => {
      expect(
        check(
          (d) =>
            (d.milestones = [
              { key: 'akhir', title: 'Evaluasi akhir', dueDate: '2030-12-31' },
              { key: 'awal', title: 'Peluncuran', dueDate: '2026-01-01' },
            ]),
        ),
      ).toEqual([]);
    });

    it.each(['2025-12-31', '2031-01-01'])('rejects %s, one day outside the term', (dueDate) => {
      expect(check((d) => (d.milestones[0].dueDate = dueDate))).toEqual([
        {
          path: 'milestones.0.dueDate',
          message: 'Tanggal tahapan harus dalam periode, antara 1 Januari 2026 dan 31 Desember 2030',
        },
      ]);
    });

    it.each(['2027-02-29', '2027-13-01', '31-03-2027', ''])('rejects %j as a date', (dueDate) => {
      expect(check((d) => (d.milestones[0].dueDate = dueDate))).toEqual([
        { path: 'milestones.0.dueDate', message: 'Tanggal tahapan wajib diisi dengan tanggal yang valid' },
      ]);
    });

    it('requires a key, unique, and a title', () => {
      expect(
        check((d) => {
          d.milestones[1].key = 'pendataan';
          d.milestones[0].title = '';
          d.milestones = [...d.milestones, { key: '', title: 'X', dueDate: '2028-01-01' }];
        }),
      ).toEqual([
        { path: 'milestones.0.title', message: 'Nama tahapan wajib diisi' },
        { path: 'milestones.1.key', message: 'Kode tahapan "pendataan" sudah dipakai pada tahapan ke-1' },
        { path: 'milestones.2.key', message: 'Kode tahapan wajib diisi' },
      ]);
    });
  });

  it('reports every problem at once, in form order', () => {
    const paths = check((d) => {
      d.title = '';
      d.leadShare = 10;
      d.indicators[0].baseline.source = '';
      d.milestones[0].dueDate = '2040-01-01';
    }).map((e) => e.path);
    expect(paths).toEqual(['title', 'collaborators', 'indicators.0.baseline.source', 'milestones.0.dueDate']);
  });
});

describe('checkDirection', () => {
  const t = (...values: number[]) => values.map((value, i) => ({ year: 2026 + i, value }));

  it('accepts targets equal to the baseline and to each other (holding a level)', () => {
    expect(checkDirection('higher_is_better', 10, t(10, 10, 10))).toEqual([]);
    expect(checkDirection('lower_is_better', 10, t(10, 10, 10))).toEqual([]);
  });

  it('higher is better: a first target below the baseline and any fall are wrong', () => {
    expect(checkDirection('higher_is_better', 10, t(9.99, 11, 10.5)).map((p) => [p.index, p.year])).toEqual([
      [0, 2026],
      [2, 2028],
    ]);
  });

  it('lower is better: a first target above the baseline and any rise are wrong', () => {
    const problems = checkDirection('lower_is_better', 10, t(10.01, 9, 9.5));
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'value'],
      [2, 'value'],
    ]);
    expect(problems[0].message).toBe(
      'Target tahun 2026 (10,01) lebih tinggi dari titik nol (10): indikator makin rendah makin baik tidak boleh naik',
    );
  });

  it('range: lower equal to upper is fine, lower above upper is not; years are not compared', () => {
    expect(
      checkDirection('range', 100, [
        { year: 2026, lower: 7, upper: 7 },
        { year: 2027, lower: 1, upper: 2 },
      ]),
    ).toEqual([]);
    expect(checkDirection('range', null, [{ year: 2026, lower: 7.5, upper: 7 }])).toEqual([
      {
        index: 0,
        year: 2026,
        field: 'lower',
        message: 'Batas bawah target tahun 2026 (7,5) lebih besar dari batas atas (7)',
      },
    ]);
  });

  it('takes years in calendar order whatever the input order and reports the input index', () => {
    const shuffled = [
      { year: 2028, value: 12 },
      { year: 2026, value: 11 },
      { year: 2027, value: 13 },
    ];
    expect(checkDirection('higher_is_better', 10, shuffled)).toEqual([
      {
        index: 0,
        year: 2028,
        field: 'value',
        message:
          'Target tahun 2028 (12) lebih rendah dari target tahun 2027 (13): indikator makin tinggi makin baik tidak boleh turun',
      },
    ]);
  });

  it('skips missing values and compares with the last value present; ignores a missing baseline', () => {
    expect(
      checkDirection('higher_is_better', null, [
        { year: 2026, value: 5 },
        { year: 2027, value: null },
        { year: 2028, value: 4 },
      ]).map((p) => p.year),
    ).toEqual([2028]);
    expect(checkDirection('higher_is_better', null, t(1))).toEqual([]);
  });
});

describe('hundredths', () => {
  it.each([
    [100, 10000],
    [33.33, 3333],
    [0.1, 10],
    [33.333, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%s -> %s', (n, h) => expect(hundredths(n)).toBe(h));
});

describe('termsFromDraft', () => {
  it('turns the bid into targets, milestone dates and budget lines', () => {
    const terms = termsFromDraft(buildDraft());
    expect(terms.targets).toHaveLength(15);
    expect(terms.targets[0]).toEqual({ indicatorKey: 'aki', year: 2026, value: 85 });
    expect(terms.targets[10]).toEqual({ indicatorKey: 'lama_rawat', year: 2026, lower: 3, upper: 5 });
    expect(terms.milestones).toEqual([
      { milestoneKey: 'pendataan', date: '2026-03-31' },
      { milestoneKey: 'kelas_ibu', date: '2027-06-30' },
    ]);
    expect(terms.budget).toEqual(years.map((year) => ({ year, amount: 1_500_000_000 })));
  });
});

describe('proposal lifecycle', () => {
  /** The specification, written out independently of the table in the module. */
  const allowed = [
    'draft submit opd_head -> submitted',
    'draft withdraw opd_head -> withdrawn',
    'submitted withdraw opd_head -> withdrawn',
    'submitted reopen region_admin -> draft',
    'submitted schedule region_admin -> in_session',
    'in_session unschedule region_admin -> submitted',
    'in_session complete_scoring system -> scored',
    'in_session complete_scoring head_of_region -> scored',
    'scored open_negotiation head_of_region -> in_negotiation',
    'scored agree head_of_region -> agreed',
    'in_negotiation agree opd_head -> agreed',
    'in_negotiation agree head_of_region -> agreed',
    'in_negotiation refuse opd_head -> refused',
    'in_negotiation refuse system -> refused',
    'agreed sign opd_head -> signed',
    'agreed sign head_of_region -> signed',
  ];
  const actorRoles: ActorRole[] = [...roles, 'system'];
  const open: SubmissionWindow = { open: true, deadline: new Date('2025-10-31T16:59:59Z') };
  const signed: PactSignatures = {
    opdHeadSignedAt: new Date('2025-12-08T02:00:00Z'),
    headOfRegionSignedAt: new Date('2025-12-08T02:05:00Z'),
  };
  /** Facts that satisfy every guard of the action, so only the table decides. */
  const satisfied = (action: ProposalAction): ProposalFacts => ({
    completeness: [],
    submission: open,
    scoringComplete: true,
    negotiation: action === 'refuse' ? 'refused' : 'accepted',
    signatures: signed,
  });

  const combos = proposalStates.flatMap((state) =>
    proposalActions.flatMap((action) => actorRoles.map((role) => ({ state, action, role }))),
  );

  it('walks all combinations of state, action and role', () => {
    expect(combos).toHaveLength(9 * 10 * 10);
  });

  it.each(combos)('$state --$action--> as $role', ({ state, action, role }) => {
    const spec = allowed.find((a) => a.startsWith(`${state} ${action} ${role} -> `));
    const result = transition(state, action, [role], satisfied(action));
    if (spec) expect(result).toEqual({ ok: true, to: spec.split(' -> ')[1] });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(
        /^Tindakan "[^"]+" (tidak tersedia untuk usulan berstatus|hanya dapat)/,
      );
    }
  });

  it('has exactly the specified table (no extra rows, one row per state and action)', () => {
    const fromTable = proposalTransitions.flatMap((r) =>
      r.roles.map((role) => `${r.from} ${r.action} ${role} -> ${r.to}`),
    );
    expect([...fromTable].sort()).toEqual([...allowed].sort());
    const keys = proposalTransitions.map((r) => `${r.from} ${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('explains the two kinds of refusal differently', () => {
    expect(transition('signed', 'withdraw', ['opd_head'])).toEqual({
      ok: false,
      message: 'Tindakan "Tarik usulan" tidak tersedia untuk usulan berstatus "Kontrak ditandatangani"',
    });
    expect(transition('in_negotiation', 'agree', ['opd_operator'], satisfied('agree'))).toEqual({
      ok: false,
      message: 'Tindakan "Sepakati" hanya dapat dilakukan oleh Kepala OPD atau Kepala Daerah',
    });
    expect(transition('draft', 'submit', [], satisfied('submit'))).toEqual({
      ok: false,
      message: 'Tindakan "Ajukan" hanya dapat dilakukan oleh Kepala OPD',
    });
  });

  it('lets an actor with several roles act through the one that is allowed', () => {
    expect(transition('draft', 'submit', ['opd_operator', 'opd_head'], satisfied('submit'))).toEqual({
      ok: true,
      to: 'submitted',
    });
  });

  it('fails an unknown state or action from storage like a forbidden move', () => {
    expect(transition('archived' as ProposalState, 'submit', ['opd_head']).ok).toBe(false);
    expect(transition('draft', 'publish' as ProposalAction, ['opd_head']).ok).toBe(false);
  });

  describe('guards', () => {
    const problems = [{ path: 'title', message: 'Judul usulan wajib diisi' }];

    it('submit: fails closed without the checks, and on an incomplete draft or a closed window', () => {
      expect(transition('draft', 'submit', ['opd_head'])).toEqual({
        ok: false,
        message: 'Kelengkapan usulan belum diperiksa',
      });
      expect(transition('draft', 'submit', ['opd_head'], { completeness: [] })).toEqual({
        ok: false,
        message: 'Jadwal pengajuan belum diperiksa',
      });
      expect(
        transition('draft', 'submit', ['opd_head'], { completeness: problems, submission: open }),
      ).toEqual({
        ok: false,
        message: 'Usulan belum lengkap: 1 hal perlu diperbaiki',
        fields: problems,
      });
      const closed: SubmissionWindow = {
        open: false,
        deadline: open.deadline,
        message: 'Batas waktu sudah lewat',
      };
      expect(transition('draft', 'submit', ['opd_head'], { completeness: [], submission: closed })).toEqual({
        ok: false,
        message: 'Batas waktu sudah lewat',
      });
    });

    it('complete_scoring: only when every panelist without a conflict has submitted', () => {
      for (const scoringComplete of [false, undefined])
        expect(transition('in_session', 'complete_scoring', ['system'], { scoringComplete })).toEqual({
          ok: false,
          message: 'Penilaian belum lengkap: belum semua panelis tanpa konflik kepentingan menyerahkan nilai',
        });
    });

    it.each(negotiationStates)('agree and refuse follow the negotiation when it is %s', (negotiation) => {
      const agree = transition('in_negotiation', 'agree', ['opd_head'], { negotiation });
      const refuse = transition('in_negotiation', 'refuse', ['system'], { negotiation });
      expect(agree.ok).toBe(negotiation === 'accepted');
      expect(refuse.ok).toBe(negotiation === 'refused' || negotiation === 'expired');
      if (!agree.ok) expect(agree.message).toBe('Negosiasi belum berakhir dengan kesepakatan');
      if (!refuse.ok)
        expect(refuse.message).toBe('Negosiasi belum berakhir dengan penolakan atau lewat batas waktu');
    });

    it('agree straight from scored needs no negotiation', () => {
      expect(transition('scored', 'agree', ['head_of_region'])).toEqual({ ok: true, to: 'agreed' });
    });

    it('sign: only with both signatures', () => {
      const message = 'Pakta integritas belum ditandatangani oleh Kepala OPD dan Kepala Daerah';
      for (const signatures of [
        undefined,
        { ...signed, headOfRegionSignedAt: null },
        { ...signed, opdHeadSignedAt: null },
      ])
        expect(transition('agreed', 'sign', ['opd_head'], { signatures })).toEqual({ ok: false, message });
    });
  });
});

describe('signPact', () => {
  const none: PactSignatures = { opdHeadSignedAt: null, headOfRegionSignedAt: null };
  const t1 = new Date('2025-12-08T02:00:00Z');
  const t2 = new Date('2025-12-08T02:05:00Z');

  it('records each party once, in either order, and says when both have signed', () => {
    const first = signPact('agreed', none, 'head_of_region', ['head_of_region'], t1);
    expect(first).toEqual({
      ok: true,
      signatures: { opdHeadSignedAt: null, headOfRegionSignedAt: t1 },
      complete: false,
    });
    if (!first.ok) throw new Error('unreachable');
    const second = signPact('agreed', first.signatures, 'opd_head', ['opd_head'], t2);
    expect(second).toEqual({
      ok: true,
      signatures: { opdHeadSignedAt: t2, headOfRegionSignedAt: t1 },
      complete: true,
    });
    expect(none).toEqual({ opdHeadSignedAt: null, headOfRegionSignedAt: null });
  });

  it('refuses a second signature by the same party', () => {
    expect(signPact('agreed', { ...none, opdHeadSignedAt: t1 }, 'opd_head', ['opd_head'], t2)).toEqual({
      ok: false,
      message: 'Kepala OPD sudah menandatangani pakta integritas',
    });
  });

  it('refuses signing as a party whose role the actor does not hold', () => {
    expect(signPact('agreed', none, 'head_of_region', ['opd_head', 'region_admin'], t1)).toEqual({
      ok: false,
      message: 'Hanya Kepala Daerah yang dapat menandatangani sebagai Kepala Daerah',
    });
  });

  it.each(proposalStates.filter((s) => s !== 'agreed'))('refuses signing a proposal that is %s', (state) => {
    expect(signPact(state, none, 'opd_head', ['opd_head'], t1)).toEqual({
      ok: false,
      message: 'Pakta integritas hanya dapat ditandatangani untuk usulan yang sudah disepakati',
    });
  });
});
