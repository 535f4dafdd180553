import { z } from 'zod';
import { idParams, idSchema, okSchema, pageOf, pageQuery, versionSchema } from './common.js';
import { bandCodes } from './lateness.js';
import { route } from './route.js';

/**
 * Reward and punishment (issue 5 items 4-8): the rules of the region's regulation (versioned), the
 * evaluation runs (dry-run preview, then commit), sanctions and rewards with their due process, appeals
 * with evidence, decree and certificate PDFs, the morning roster with the vest log, and the head of
 * region's dashboard. The vocabulary of conditions is documented in docs/discipline.md section 3; the
 * server validates a rule with rules.domain.ts and answers field messages in Bahasa Indonesia.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal tidak valid (contoh: 2026-10-31)');
const optionalDay = day.nullable().optional();

export const ruleKinds = ['sanction', 'reward'] as const;
export const ruleSubjects = ['opd_head', 'asn', 'work_unit'] as const;
export const scorePeriodKinds = ['quarter', 'year'] as const;

const band = z.enum(bandCodes);
const num = z.number({ message: 'Harus angka' });
const int = z.number({ message: 'Harus angka' }).int('Harus bilangan bulat');

export const leafConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit_score_below'), below: num, periods: z.array(z.enum(scorePeriodKinds)) }),
  z.object({ kind: z.literal('milestone_overdue'), moreThanWorkingDays: int }),
  z.object({ kind: z.literal('report_late'), moreThanWorkingDays: int }),
  z.object({ kind: z.literal('lateness_days'), bands: z.array(band), atLeastDays: int }),
  z.object({
    kind: z.literal('absorption_below'),
    belowPercent: num,
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  }),
  z.object({
    kind: z.literal('clean_attendance'),
    months: int,
    bands: z.array(band),
    scorePeriod: z.enum(scorePeriodKinds),
    minUnitScore: num,
  }),
  z.object({ kind: z.literal('top_unit_score'), minScore: num }),
]);
export type LeafConditionDto = z.infer<typeof leafConditionSchema>;

export const conditionSchema = z.union([
  leafConditionSchema,
  z.object({ kind: z.literal('any_of'), conditions: z.array(leafConditionSchema) }),
]);
export type ConditionDto = z.infer<typeof conditionSchema>;

export type RuleKind = (typeof ruleKinds)[number];
export type RuleSubject = (typeof ruleSubjects)[number];
type LeafKind = LeafConditionDto['kind'];

/** The vocabulary of conditions (docs/discipline.md section 3), as the rule form and the messages name it. */
export const conditionLabels: Record<ConditionDto['kind'], string> = {
  unit_score_below: 'Nilai kinerja unit di bawah batas',
  milestone_overdue: 'Tahapan kontrak terlambat lebih dari N hari kerja',
  report_late: 'Laporan realisasi terlambat lebih dari N hari kerja',
  lateness_days: 'Jumlah hari keterlambatan dalam sebulan',
  absorption_below: 'Serapan anggaran di bawah batas pada akhir triwulan',
  clean_attendance: 'Tanpa keterlambatan selama N bulan dan nilai unit paling rendah X',
  top_unit_score: 'Nilai kinerja unit tertinggi dalam setahun',
  any_of: 'Salah satu dari beberapa kondisi',
};

/** The rule kind and subjects each condition fits (rules.domain.ts refuses any other). */
export const conditionFit: Record<LeafKind, { kind: RuleKind; subjects: readonly RuleSubject[] }> = {
  unit_score_below: { kind: 'sanction', subjects: ['opd_head', 'work_unit'] },
  milestone_overdue: { kind: 'sanction', subjects: ['opd_head', 'work_unit'] },
  report_late: { kind: 'sanction', subjects: ['opd_head', 'work_unit'] },
  lateness_days: { kind: 'sanction', subjects: ['asn'] },
  absorption_below: { kind: 'sanction', subjects: ['opd_head', 'work_unit'] },
  clean_attendance: { kind: 'reward', subjects: ['asn'] },
  top_unit_score: { kind: 'reward', subjects: ['work_unit', 'opd_head'] },
};

export const ruleSubjectLabels: Record<RuleSubject, string> = {
  opd_head: 'Kepala OPD',
  asn: 'ASN',
  work_unit: 'Perangkat Daerah',
};

export const ruleKindLabels: Record<RuleKind, string> = { sanction: 'Sanksi', reward: 'Penghargaan' };

export const consequenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vest'), label: z.string(), workingDays: int }),
  z.object({ kind: z.literal('certificate'), text: z.string() }),
]);

export const escalationSchema = z.object({ withinMonths: int, factor: num });

/** What the admin writes; the server validates it (rules.domain.ts validateRule). */
export const ruleInputSchema = z.object({
  code: z.string().trim(),
  name: z.string().trim(),
  legalBasis: z.string().trim(),
  kind: z.enum(ruleKinds),
  subject: z.enum(ruleSubjects),
  condition: conditionSchema,
  consequence: consequenceSchema,
  escalation: escalationSchema.nullable().optional(),
  validFrom: optionalDay,
  validUntil: optionalDay,
  /** Why this version (e.g. "Perwali perubahan Nomor ..."): kept in the history. */
  note: z.string().trim().max(500, 'Catatan paling banyak 500 karakter').nullable().optional(),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const ruleSchema = ruleInputSchema.extend({
  id: idSchema,
  version: z.number().int(),
  retired: z.boolean(),
  /** The legal basis is still the example text of the defaults. */
  exampleLegalBasis: z.boolean(),
  /** The condition in words. */
  conditionText: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type RuleDto = z.infer<typeof ruleSchema>;

export const codeParams = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Kode aturan tidak valid'),
});

export const updateRuleBody = ruleInputSchema.omit({ code: true }).extend({
  /** The version being edited: a newer one answers 409. */
  version: versionSchema,
});
export const retireRuleBody = z.object({
  version: versionSchema,
  note: z.string().trim().max(500).nullable().optional(),
});

// ---------------------------------------------------------------------------------------------------
// Evaluation

export const periodKeySchema = z
  .string()
  .regex(
    /^\d{4}(-M(0[1-9]|1[0-2])|-Q[1-4])?$/,
    'Periode tidak valid: bulan (2026-M10), triwulan (2026-Q3) atau tahun (2026)',
  );

export const evaluationBody = z.object({ periodKey: periodKeySchema });

export const hitSubjectSchema = z.object({
  kind: z.enum(ruleSubjects),
  workUnitId: idSchema,
  workUnitName: z.string(),
  civilServantId: idSchema.nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  /** The subject's user account (notified, may appeal); null when none. */
  hasAccount: z.boolean(),
});

export const hitSchema = z.object({
  key: z.string(),
  ruleCode: z.string(),
  ruleVersion: z.number().int(),
  ruleName: z.string(),
  ruleKind: z.enum(ruleKinds),
  subject: hitSubjectSchema,
  /** Each fact in words. */
  facts: z.array(z.string()),
  summary: z.string(),
  /** Vest: label and length (after repeat escalation); reward: null. */
  vest: z
    .object({
      label: z.string(),
      workingDays: z.number().int(),
      baseWorkingDays: z.number().int(),
      repeat: z.boolean(),
    })
    .nullable(),
  certificateText: z.string().nullable(),
  /** Already proposed by an earlier run: a commit creates nothing for it. */
  existing: z.object({ id: idSchema, state: z.string() }).nullable(),
});
export type HitDto = z.infer<typeof hitSchema>;

export const previewSchema = z.object({
  periodKey: z.string(),
  periodLabel: z.string(),
  asOf: z.string(),
  rules: z.array(
    z.object({ code: z.string(), version: z.number().int(), name: z.string(), hits: z.number().int() }),
  ),
  hits: z.array(hitSchema),
  /** Facts the platform has no data for yet (e.g. budget absorption), said plainly. */
  notes: z.array(z.string()),
  newSanctions: z.number().int(),
  newRewards: z.number().int(),
});
export type EvaluationPreview = z.infer<typeof previewSchema>;

export const runSchema = z.object({
  id: idSchema,
  periodKey: z.string(),
  periodLabel: z.string(),
  asOf: z.string(),
  rules: z.array(z.object({ code: z.string(), version: z.number().int() })),
  hits: z.number().int(),
  sanctionsCreated: z.number().int(),
  rewardsCreated: z.number().int(),
  trigger: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type EvaluationRun = z.infer<typeof runSchema>;

// ---------------------------------------------------------------------------------------------------
// Cases

export const sanctionStates = [
  'proposed',
  'approved',
  'rejected',
  'notified',
  'appealed',
  'upheld',
  'revoked',
  'active',
  'completed',
  'cancelled',
] as const;
export const sanctionEvents = [
  'approve',
  'reject',
  'notify',
  'appeal',
  'uphold',
  'revoke',
  'activate',
  'complete',
  'cancel',
] as const;
export const rewardStates = ['proposed', 'approved', 'rejected', 'granted', 'cancelled'] as const;
export const rewardEvents = ['approve', 'reject', 'grant', 'cancel'] as const;

export type SanctionState = (typeof sanctionStates)[number];
export type SanctionEvent = (typeof sanctionEvents)[number];
export type RewardState = (typeof rewardStates)[number];
export type RewardEvent = (typeof rewardEvents)[number];

/*
 * The words of due process, in Bahasa Indonesia: the server's machine (sanction.domain.ts) explains
 * refusals with them, and the pages show them on badges and buttons.
 */
export const sanctionStateLabels: Record<SanctionState, string> = {
  proposed: 'Diusulkan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  notified: 'Diberitahukan',
  appealed: 'Keberatan diajukan',
  upheld: 'Dikuatkan',
  revoked: 'Dicabut',
  active: 'Berjalan',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const sanctionEventLabels: Record<SanctionEvent, string> = {
  approve: 'Setujui',
  reject: 'Tolak',
  notify: 'Beritahukan',
  appeal: 'Ajukan keberatan',
  uphold: 'Kuatkan sanksi',
  revoke: 'Cabut sanksi',
  activate: 'Mulai sanksi',
  complete: 'Selesaikan sanksi',
  cancel: 'Batalkan',
};

export const rewardStateLabels: Record<RewardState, string> = {
  proposed: 'Diusulkan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  granted: 'Diberikan',
  cancelled: 'Dibatalkan',
};

export const rewardEventLabels: Record<RewardEvent, string> = {
  approve: 'Setujui',
  reject: 'Tolak',
  grant: 'Berikan',
  cancel: 'Batalkan',
};

/** Every state of either kind of case, as lists and dry runs name them. */
export const caseStateLabels: Record<SanctionState | RewardState, string> = {
  ...sanctionStateLabels,
  ...rewardStateLabels,
};

const caseSubjectSchema = z.object({
  kind: z.enum(ruleSubjects),
  name: z.string(),
  nip: z.string().nullable(),
  workUnitId: idSchema,
  workUnitName: z.string(),
  civilServantId: idSchema.nullable(),
});

const caseBase = {
  id: idSchema,
  ruleCode: z.string(),
  ruleVersion: z.number().int(),
  ruleName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  subject: caseSubjectSchema,
  summary: z.string(),
  proposedAt: z.string(),
  version: z.number().int(),
};

export const sanctionRowSchema = z.object({
  ...caseBase,
  state: z.enum(sanctionStates),
  label: z.string(),
  workingDays: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  appealDeadline: z.string().nullable(),
});
export type SanctionRow = z.infer<typeof sanctionRowSchema>;

export const caseEventSchema = z.object({
  event: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const appealFileSchema = z.object({
  id: idSchema,
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

export const servingDaySchema = z.object({
  date: z.string(),
  /** 1-based count of the day served ("hari ke-2 dari 5"); a missed day repeats the count. */
  index: z.number().int(),
  missed: z.boolean(),
  served: z.boolean().nullable(),
  vestIssuedAt: z.string().nullable(),
  vestReturnedAt: z.string().nullable(),
});

export const sanctionSchema = sanctionRowSchema.extend({
  legalBasis: z.string(),
  facts: z.array(z.string()),
  baseWorkingDays: z.number().int(),
  repeatOf: z.object({ id: idSchema, decreeNumber: z.string().nullable() }).nullable(),
  decreeNumber: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  proposedByName: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  appealReason: z.string().nullable(),
  appealedAt: z.string().nullable(),
  appealFiles: z.array(appealFileSchema),
  decisionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  closeReason: z.string().nullable(),
  servingDays: z.array(servingDaySchema),
  history: z.array(caseEventSchema),
  /** What the reader may do now (buttons). */
  events: z.array(z.enum(sanctionEvents)),
  /** Whether the reader may upload appeal evidence now (the subject, while the window is open or appealed). */
  canAddAppealFiles: z.boolean(),
});
export type SanctionDto = z.infer<typeof sanctionSchema>;

export const rewardRowSchema = z.object({
  ...caseBase,
  state: z.enum(rewardStates),
  certificateText: z.string(),
  certificateNumber: z.string().nullable(),
  grantedOn: z.string().nullable(),
});
export type RewardRow = z.infer<typeof rewardRowSchema>;

export const rewardSchema = rewardRowSchema.extend({
  legalBasis: z.string(),
  facts: z.array(z.string()),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  proposedByName: z.string().nullable(),
  closeReason: z.string().nullable(),
  history: z.array(caseEventSchema),
  events: z.array(z.enum(rewardEvents)),
});
export type RewardDto = z.infer<typeof rewardSchema>;

export const caseListQuery = pageQuery.extend({
  state: z.string().max(20).optional(),
  ruleCode: z.string().max(40).optional(),
  workUnitId: idSchema.optional(),
  periodKey: z.string().max(10).optional(),
  /** Only the reader's own cases (the ASN's, or as the unit's head). */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const sanctionTransitionBody = z.object({
  event: z.enum(sanctionEvents),
  reason: z.string().trim().max(2000, 'Alasan paling banyak 2.000 karakter').nullable().optional(),
  version: versionSchema,
});
export const rewardTransitionBody = z.object({
  event: z.enum(rewardEvents),
  reason: z.string().trim().max(2000, 'Alasan paling banyak 2.000 karakter').nullable().optional(),
  version: versionSchema,
});

export const fileParams = z.object({ id: idSchema, fileId: idSchema });

// ---------------------------------------------------------------------------------------------------
// Roster

export const rosterQuery = z.object({ date: day });

export const rosterRowSchema = z.object({
  sanctionId: idSchema,
  name: z.string(),
  nip: z.string().nullable(),
  position: z.string(),
  label: z.string(),
  dayNumber: z.number().int(),
  totalDays: z.number().int(),
  endsOn: z.string(),
  state: z.enum(sanctionStates),
  vestIssuedAt: z.string().nullable(),
  vestReturnedAt: z.string().nullable(),
  served: z.boolean().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

export const rosterSchema = z.object({
  date: z.string(),
  dateLabel: z.string(),
  isWorkingDay: z.boolean(),
  units: z.array(z.object({ workUnitId: idSchema, name: z.string(), rows: z.array(rosterRowSchema) })),
  total: z.number().int(),
  /** Whether the reader may record vests (HR). */
  canRecord: z.boolean(),
});
export type Roster = z.infer<typeof rosterSchema>;

export const rosterParams = z.object({ id: idSchema, date: day });
/**
 * When a vest changed hands: 'now' (the roster's day is today), a local time `HH:MM` of the roster's
 * day (recorded afterwards), or 'clear'.
 */
const vestTime = z.union([
  z.enum(['now', 'clear']),
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam tidak valid (contoh: 07:15)'),
]);

export const rosterRecordBody = z.object({
  /** Omitted leaves the record as it is. */
  vestIssued: vestTime.optional(),
  vestReturned: vestTime.optional(),
  served: z.boolean().nullable().optional(),
  note: z.string().trim().max(500, 'Catatan paling banyak 500 karakter').nullable().optional(),
});

// ---------------------------------------------------------------------------------------------------
// Dashboard

export const dashboardQuery = z.object({
  year: z.coerce.number().int().min(2000, 'Tahun tidak valid').max(2100, 'Tahun tidak valid').optional(),
});

export const dashboardSchema = z.object({
  year: z.number().int(),
  totals: z.object({
    sanctions: z.number().int(),
    active: z.number().int(),
    appealed: z.number().int(),
    revoked: z.number().int(),
    rewards: z.number().int(),
    awaitingApproval: z.number().int(),
  }),
  byRule: z.array(
    z.object({ code: z.string(), name: z.string(), kind: z.enum(ruleKinds), count: z.number().int() }),
  ),
  byUnit: z.array(
    z.object({
      workUnitId: idSchema,
      name: z.string(),
      sanctions: z.number().int(),
      rewards: z.number().int(),
    }),
  ),
  byMonth: z.array(z.object({ month: z.string(), sanctions: z.number().int(), rewards: z.number().int() })),
  /** Lateness per month (days with TL2-TL4 per 100 ASN-working-days), to see the effect of the rules. */
  lateness: z.array(
    z.object({
      month: z.string(),
      lateDays: z.number().int(),
      servantDays: z.number().int(),
      rate: z.number(),
    }),
  ),
  /** The first day a sanction rule applied (validFrom or first evaluation), to mark "before/after". */
  rulesSince: z.string().nullable(),
  /**
   * Lateness (TL2-TL4 days per 100 ASN working days) of the months before the rules and of the months
   * from the first month that began with them, weighed by working days; null where no month counts.
   */
  effect: z.object({
    before: z.number().nullable(),
    after: z.number().nullable(),
    /** The first month counted as "after" (`YYYY-MM`), or null without rules. */
    firstAfter: z.string().nullable(),
  }),
});
export type DisciplineDashboard = z.infer<typeof dashboardSchema>;

export const publicCountsQuery = dashboardQuery.extend({
  region: z.string().trim().min(1, 'Daerah wajib dipilih').max(60),
});

/** Public: counts only, never a name. */
export const publicCountsSchema = z.object({
  year: z.number().int(),
  sanctions: z.number().int(),
  rewards: z.number().int(),
  byRule: z.array(z.object({ name: z.string(), count: z.number().int() })),
});

export const disciplineRoutes = {
  rules: route({
    method: 'GET',
    path: '/api/discipline/rules',
    summary: 'Aturan penghargaan dan sanksi yang berlaku (versi terkini)',
    tag: 'discipline',
    response: z.object({ items: z.array(ruleSchema) }),
  }),
  ruleVersions: route({
    method: 'GET',
    path: '/api/discipline/rules/:code/versions',
    summary: 'Riwayat versi satu aturan',
    tag: 'discipline',
    params: codeParams,
    response: z.object({ items: z.array(ruleSchema) }),
  }),
  createRule: route({
    method: 'POST',
    path: '/api/discipline/rules',
    summary: 'Tambah aturan baru (versi 1)',
    tag: 'discipline',
    body: ruleInputSchema,
    response: ruleSchema,
    status: 201,
  }),
  updateRule: route({
    method: 'PUT',
    path: '/api/discipline/rules/:code',
    summary: 'Ubah aturan: menyimpan versi baru, versi lama tetap tercatat',
    tag: 'discipline',
    params: codeParams,
    body: updateRuleBody,
    response: ruleSchema,
  }),
  retireRule: route({
    method: 'POST',
    path: '/api/discipline/rules/:code/retire',
    summary: 'Hentikan aturan (versi baru yang tidak berlaku lagi)',
    tag: 'discipline',
    params: codeParams,
    body: retireRuleBody,
    response: okSchema,
  }),
  preview: route({
    method: 'POST',
    path: '/api/discipline/evaluations/preview',
    summary:
      'Uji coba evaluasi (tidak menyimpan apa pun): setiap subjek yang terkena aturan beserta faktanya',
    tag: 'discipline',
    body: evaluationBody,
    response: previewSchema,
  }),
  commit: route({
    method: 'POST',
    path: '/api/discipline/evaluations',
    summary: 'Jalankan evaluasi: membuat usulan sanksi dan penghargaan (tanpa duplikat bila diulang)',
    tag: 'discipline',
    body: evaluationBody,
    response: runSchema,
    status: 201,
  }),
  runs: route({
    method: 'GET',
    path: '/api/discipline/evaluations',
    summary: 'Riwayat evaluasi',
    tag: 'discipline',
    query: pageQuery,
    response: pageOf(runSchema),
  }),
  sanctions: route({
    method: 'GET',
    path: '/api/discipline/sanctions',
    summary: 'Daftar sanksi (ASN: miliknya; kepala OPD: unitnya; BKPSDM, inspektorat, kepala daerah: semua)',
    tag: 'discipline',
    query: caseListQuery,
    response: pageOf(sanctionRowSchema),
  }),
  sanction: route({
    method: 'GET',
    path: '/api/discipline/sanctions/:id',
    summary:
      'Satu sanksi dengan fakta, dasar hukum, keberatan, hari menjalani dan riwayat (dicatat di audit)',
    tag: 'discipline',
    params: idParams,
    response: sanctionSchema,
  }),
  sanctionTransition: route({
    method: 'POST',
    path: '/api/discipline/sanctions/:id/transitions',
    summary: 'Setujui, tolak, ajukan keberatan, kuatkan, cabut atau batalkan sanksi',
    tag: 'discipline',
    params: idParams,
    body: sanctionTransitionBody,
    response: sanctionSchema,
  }),
  appealFile: route({
    method: 'POST',
    path: '/api/discipline/sanctions/:id/appeal-files',
    summary: 'Lampirkan bukti keberatan (multipart, kolom "file": PDF, JPG atau PNG)',
    tag: 'discipline',
    params: idParams,
    response: appealFileSchema,
    status: 201,
  }),
  appealFileDownload: route({
    method: 'GET',
    path: '/api/discipline/sanctions/:id/appeal-files/:fileId',
    summary: 'Unduh bukti keberatan',
    tag: 'discipline',
    params: fileParams,
    response: z.any(),
  }),
  decree: route({
    method: 'GET',
    path: '/api/discipline/sanctions/:id/decree.pdf',
    summary: 'Surat keputusan sanksi (PDF), setelah disetujui',
    tag: 'discipline',
    params: idParams,
    response: z.any(),
  }),
  rewards: route({
    method: 'GET',
    path: '/api/discipline/rewards',
    summary: 'Daftar penghargaan',
    tag: 'discipline',
    query: caseListQuery,
    response: pageOf(rewardRowSchema),
  }),
  reward: route({
    method: 'GET',
    path: '/api/discipline/rewards/:id',
    summary: 'Satu penghargaan dengan fakta dan riwayat',
    tag: 'discipline',
    params: idParams,
    response: rewardSchema,
  }),
  rewardTransition: route({
    method: 'POST',
    path: '/api/discipline/rewards/:id/transitions',
    summary: 'Setujui, tolak atau batalkan penghargaan',
    tag: 'discipline',
    params: idParams,
    body: rewardTransitionBody,
    response: rewardSchema,
  }),
  certificate: route({
    method: 'GET',
    path: '/api/discipline/rewards/:id/certificate.pdf',
    summary: 'Piagam penghargaan (PDF), setelah disetujui',
    tag: 'discipline',
    params: idParams,
    response: z.any(),
  }),
  roster: route({
    method: 'GET',
    path: '/api/discipline/roster',
    summary: 'Daftar apel pagi: siapa memakai rompi apa pada tanggal ini, per unit',
    tag: 'discipline',
    query: rosterQuery,
    response: rosterSchema,
  }),
  rosterPdf: route({
    method: 'GET',
    path: '/api/discipline/roster.pdf',
    summary: 'Daftar apel pagi untuk dicetak (PDF)',
    tag: 'discipline',
    query: rosterQuery,
    response: z.any(),
  }),
  recordDay: route({
    method: 'PUT',
    path: '/api/discipline/sanctions/:id/days/:date',
    summary: 'Catat rompi diserahkan/dikembalikan dan apakah sanksi dijalani pada hari itu',
    tag: 'discipline',
    params: rosterParams,
    body: rosterRecordBody,
    response: rosterRowSchema,
  }),
  dashboard: route({
    method: 'GET',
    path: '/api/discipline/dashboard',
    summary:
      'Dasbor penghargaan dan sanksi: jumlah per aturan, unit dan bulan, serta keterlambatan sebelum/sesudah',
    tag: 'discipline',
    query: dashboardQuery,
    response: dashboardSchema,
  }),
  publicCounts: route({
    method: 'GET',
    path: '/api/public/discipline',
    summary: 'Jumlah sanksi dan penghargaan (tanpa nama) untuk halaman publik',
    tag: 'discipline',
    query: publicCountsQuery,
    response: publicCountsSchema,
  }),
};
