import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_RUBRIC } from '../../contract/cycles.js';
import type { Role } from '../../contract/common.js';
import type { Database } from '../db/client.js';
import { regions, users } from '../db/schema.js';
import { appendAudit } from '../platform/audit.js';
import { seedDemoAttendance } from './demo-attendance.js';
import { seedDemoDiscipline } from './demo-discipline.js';
import { DEMO_THEMES, seedDemoAuction } from './demo-auction.js';
import { seedDemoMonitoring } from './demo-monitoring.js';
import { buildCivilServant, buildName, type WorkUnitSeed } from './factories.js';
import { rng } from './random.js';
import {
  createRegion,
  createUsers,
  insertCivilServants,
  insertCycleWithThemes,
  insertMissions,
  insertWorkUnits,
  setUnitHead,
  type CycleSeed,
  type UserSeed,
} from './seed.js';

/**
 * The demo region (domain.md section 6): Kota Malang with its four missions, the nine OPDs that
 * signed first, the five kecamatan and the supporting agencies, about 2,000 generated ASN, one
 * user per role plus the panel and the head of every unit with a proposal, and the auction of the
 * current cycle in every phase (demo-auction.ts) with the first monitoring year of its contracts
 * (demo-monitoring.ts). Idempotent: does nothing when the region exists.
 */
export const DEMO_REGION = { slug: 'kota-malang', name: 'Pemerintah Kota Malang' };
const DEMO_HEAD_TITLE = 'Wali Kota';
const DEMO_TIMEZONE = 'Asia/Jakarta';

export const DEMO_UNITS: (WorkUnitSeed & { staff: number })[] = [
  { code: '1.01.01', name: 'Dinas Pendidikan', kind: 'dinas', staff: 420 },
  { code: '1.02.01', name: 'Dinas Kesehatan', kind: 'dinas', staff: 360 },
  { code: '1.03.01', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'dinas', staff: 150 },
  { code: '1.04.01', name: 'Dinas Perumahan dan Kawasan Permukiman', kind: 'dinas', staff: 80 },
  { code: '2.09.01', name: 'Dinas Perhubungan', kind: 'dinas', staff: 120 },
  {
    code: '2.18.01',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    kind: 'dinas',
    staff: 60,
  },
  { code: '3.26.01', name: 'Dinas Kebudayaan dan Pariwisata', kind: 'dinas', staff: 60 },
  { code: '3.30.01', name: 'Dinas Perdagangan', kind: 'dinas', staff: 70 },
  { code: '3.31.01', name: 'Dinas Perindustrian', kind: 'dinas', staff: 50 },
  { code: '2.16.01', name: 'Dinas Komunikasi dan Informatika', kind: 'dinas', staff: 60 },
  { code: '5.01.01', name: 'Badan Perencanaan, Penelitian dan Pengembangan', kind: 'badan', staff: 55 },
  {
    code: '5.03.01',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    kind: 'badan',
    staff: 55,
  },
  { code: '6.01.01', name: 'Inspektorat', kind: 'inspektorat', staff: 50 },
  { code: '7.01.01', name: 'Kecamatan Blimbing', kind: 'kecamatan', staff: 80 },
  { code: '7.01.02', name: 'Kecamatan Kedungkandang', kind: 'kecamatan', staff: 80 },
  { code: '7.01.03', name: 'Kecamatan Klojen', kind: 'kecamatan', staff: 80 },
  { code: '7.01.04', name: 'Kecamatan Lowokwaru', kind: 'kecamatan', staff: 80 },
  { code: '7.01.05', name: 'Kecamatan Sukun', kind: 'kecamatan', staff: 80 },
];

/** A generated name of two words (a pentahelix partner is nobody real either). */
function partnerName(seed: number, sex: 'male' | 'female'): string {
  const r = rng(seed);
  for (;;) {
    const name = buildName(r, sex);
    if (name.includes(' ')) return name;
  }
}

/** The heads of the units with a proposal besides Dinas Kesehatan (whose head is `kadinkes`). */
const UNIT_HEADS: [string, string, string][] = [
  ['1.01.01', 'disdik', 'Kepala Dinas Pendidikan'],
  ['1.03.01', 'dpupr', 'Kepala Dinas PUPR'],
  ['1.04.01', 'disperkim', 'Kepala Disperkim'],
  ['2.09.01', 'dishub', 'Kepala Dinas Perhubungan'],
  ['2.18.01', 'dpmptsp', 'Kepala DPMPTSP'],
  ['3.26.01', 'disbudpar', 'Kepala Disbudpar'],
  ['3.30.01', 'disdag', 'Kepala Dinas Perdagangan'],
  ['3.31.01', 'disperin', 'Kepala Dinas Perindustrian'],
  ['7.01.01', 'blimbing', 'Camat Blimbing'],
  ['7.01.02', 'kedungkandang', 'Camat Kedungkandang'],
  ['7.01.03', 'klojen', 'Camat Klojen'],
  ['7.01.04', 'lowokwaru', 'Camat Lowokwaru'],
  ['7.01.05', 'sukun', 'Camat Sukun'],
];

/**
 * One user per role, two more panelists (pentahelix partners) and the head of every unit with a
 * proposal; the passwords are printed at start and written in the README. A unit head (`unitHead`)
 * is the civil servant heading the unit: name and ASN record come from the generated roster.
 */
export const DEMO_USERS: {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitCode?: string;
  unitHead?: boolean;
  label: string;
}[] = [
  {
    username: 'admin.malang',
    password: 'admin-malang-demo',
    fullName: 'Admin Barenlitbang',
    role: 'region_admin',
    label: 'Admin Daerah (Barenlitbang)',
  },
  {
    username: 'walikota',
    password: 'walikota-malang-demo',
    fullName: 'Wali Kota Malang',
    role: 'head_of_region',
    label: 'Kepala Daerah',
  },
  {
    username: 'panelis',
    password: 'panelis-malang-demo',
    fullName: 'Panelis Akademisi',
    role: 'panelist',
    label: 'Panelis',
  },
  {
    username: 'panelis2',
    password: 'panelis-malang-demo',
    fullName: `Dr. ${partnerName(2019_03_01, 'female')}`,
    role: 'panelist',
    label: 'Panelis (pentahelix: akademisi)',
  },
  {
    username: 'panelis3',
    password: 'panelis-malang-demo',
    fullName: partnerName(2019_03_02, 'male'),
    role: 'panelist',
    label: 'Panelis (pentahelix: komunitas)',
  },
  {
    username: 'kadinkes',
    password: 'kadinkes-malang-demo',
    fullName: 'Kepala Dinas Kesehatan',
    role: 'opd_head',
    unitCode: '1.02.01',
    label: 'Kepala OPD (Dinas Kesehatan)',
  },
  {
    username: 'operator.dinkes',
    password: 'operator-malang-demo',
    fullName: 'Operator Dinas Kesehatan',
    role: 'opd_operator',
    unitCode: '1.02.01',
    label: 'Operator OPD (Dinas Kesehatan)',
  },
  {
    username: 'verifikator',
    password: 'verifikator-malang-demo',
    fullName: 'Verifikator Inspektorat',
    role: 'verifier',
    label: 'Verifikator',
  },
  {
    username: 'bkpsdm',
    password: 'bkpsdm-malang-demo',
    fullName: 'Petugas BKPSDM',
    role: 'hr_officer',
    label: 'Petugas Kepegawaian (BKPSDM)',
  },
  { username: 'asn.demo', password: 'asn-malang-demo', fullName: 'ASN Demo', role: 'asn', label: 'ASN' },
  {
    username: 'kemendagri',
    password: 'kemendagri-demo',
    fullName: 'Pemantau Kemendagri',
    role: 'national_viewer',
    label: 'Pemantau Nasional',
  },
  ...UNIT_HEADS.map(([unitCode, short, label]) => ({
    username: `kepala.${short}`,
    password: 'kepala-malang-demo',
    fullName: label,
    role: 'opd_head' as const,
    unitCode,
    unitHead: true,
    label,
  })),
];

const MISSIONS = [
  {
    number: 1,
    title:
      'Mewujudkan kota yang menjamin akses dan kualitas pendidikan, kesehatan, dan layanan dasar lainnya bagi semua warga',
    goals: [
      {
        title: 'Meningkatkan derajat kesehatan masyarakat',
        targets: ['Menurunnya angka kematian ibu dan bayi', 'Menurunnya prevalensi stunting'],
      },
      { title: 'Meningkatkan akses dan mutu pendidikan', targets: ['Meningkatnya rata-rata lama sekolah'] },
    ],
  },
  {
    number: 2,
    title:
      'Mewujudkan kota yang produktif dan berdaya saing berbasis ekonomi kreatif, berkelanjutan, dan terpadu',
    goals: [
      {
        title: 'Meningkatkan pertumbuhan ekonomi kreatif dan investasi',
        targets: ['Meningkatnya nilai investasi', 'Meningkatnya kunjungan wisata'],
      },
    ],
  },
  {
    number: 3,
    title:
      'Mewujudkan kota yang rukun dan toleran berasaskan keberagaman dan keberpihakan terhadap masyarakat rentan dan kesetaraan gender',
    goals: [
      {
        title: 'Meningkatkan perlindungan kelompok rentan',
        targets: ['Meningkatnya indeks pembangunan gender'],
      },
    ],
  },
  {
    number: 4,
    title:
      'Memastikan kepuasan masyarakat atas layanan pemerintah yang tertib hukum, profesional, dan akuntabel',
    goals: [
      {
        title: 'Meningkatkan akuntabilitas kinerja pemerintah',
        targets: ['Meningkatnya nilai SAKIP', 'Meningkatnya indeks kepuasan masyarakat'],
      },
    ],
  },
];

export async function seedDemo(
  database: Database,
  today = new Date(),
  opts: { evidenceDir?: string } = {},
): Promise<{ created: boolean; civilServants: number }> {
  const { db } = database;
  const [existing] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.slug, DEMO_REGION.slug));
  if (existing) return { created: false, civilServants: 0 };
  const r = rng(2018_11_12);
  const result = await db.transaction(async (tx) => {
    const regionId = await createRegion(tx, {
      ...DEMO_REGION,
      kind: 'kota',
      timezone: DEMO_TIMEZONE,
      headTitle: DEMO_HEAD_TITLE,
    });
    const missionIds = await insertMissions(tx, regionId, today.getUTCFullYear(), MISSIONS);
    const unitIds = await insertWorkUnits(
      tx,
      regionId,
      DEMO_UNITS.map(({ staff: _s, ...u }) => u),
    );
    const people = DEMO_UNITS.flatMap((u) =>
      Array.from({ length: u.staff }, () => ({
        ...buildCivilServant(r, {}, today),
        workUnitId: unitIds.get(u.code)!,
      })),
    );
    // NIPs are unique per region: drop the rare generated duplicate.
    const unique = [...new Map(people.map((p) => [p.nip, p])).values()];
    const ids = await insertCivilServants(tx, regionId, unique);
    const heads = new Map<string, (typeof unique)[number]>();
    for (const u of DEMO_UNITS) {
      const head = unique.find((p) => p.workUnitId === unitIds.get(u.code) && p.employmentType === 'PNS');
      if (!head) continue;
      heads.set(u.code, head);
      await setUnitHead(tx, regionId, unitIds.get(u.code)!, ids.get(head.nip)!);
    }
    const asnPerson = unique.find((p) => p.workUnitId === unitIds.get('1.02.01'))!;
    const seeds: UserSeed[] = DEMO_USERS.map((u) => {
      const person = u.role === 'asn' ? asnPerson : u.unitHead ? heads.get(u.unitCode!) : undefined;
      return {
        username: u.username,
        fullName: person?.name ?? u.fullName,
        password: u.password,
        roles: [{ role: u.role, workUnitId: u.unitCode ? unitIds.get(u.unitCode)! : null }],
        civilServantId: person ? ids.get(person.nip)! : null,
      };
    });
    const userIds = await createUsers(tx, regionId, seeds);
    const cycle = demoCycle(today.getUTCFullYear(), missionIds);
    const { id: cycleId, themes } = await insertCycleWithThemes(tx, regionId, cycle);
    await appendAudit(tx, regionId, null, {
      action: 'seed.demo',
      entityType: 'region',
      entityId: regionId,
      summary: `Data demo dimuat: ${DEMO_UNITS.length} unit, ${unique.length} ASN, ${seeds.length} pengguna`,
    });
    const user = (username: string) => userIds.get(username)!;
    const opdHeads = new Map(
      DEMO_USERS.filter((u) => u.role === 'opd_head' && u.unitCode).map((u) => [
        u.unitCode!,
        user(u.username),
      ]),
    );
    await seedDemoAuction(tx, {
      regionId,
      regionName: DEMO_REGION.name,
      headTitle: DEMO_HEAD_TITLE,
      cycleId,
      cycleName: cycle.name,
      startYear: cycle.startYear,
      rubric: cycle.rubric,
      themes,
      missionNames: new Map(MISSIONS.map((m) => [missionIds.get(m.number)!, `Misi ${m.number}: ${m.title}`])),
      units: new Map(DEMO_UNITS.map((u) => [u.code, { id: unitIds.get(u.code)!, name: u.name }])),
      unitHeads: new Map([...heads].map(([code, p]) => [code, { name: p.name, nip: p.nip }])),
      opdHeads,
      drafters: new Map([['1.02.01', user('operator.dinkes')]]),
      headOfRegion: {
        userId: user('walikota'),
        name: seeds.find((s) => s.username === 'walikota')!.fullName,
      },
      panelists: ['panelis', 'panelis2', 'panelis3'].map(user),
      today,
    });
    await seedDemoMonitoring(tx, {
      regionId,
      cycleId,
      year: cycle.startYear,
      timezone: DEMO_TIMEZONE,
      units: unitIds,
      opdHeads,
      operators: new Map([['1.02.01', user('operator.dinkes')]]),
      verifier: user('verifikator'),
      admin: user('admin.malang'),
      today,
      evidenceDir: opts.evidenceDir,
    });
    await seedDemoAttendance(tx, {
      regionId,
      timezone: DEMO_TIMEZONE,
      today,
      units: unitIds,
      asnDemo: ids.get(asnPerson.nip)!,
      hrUser: user('bkpsdm'),
    });
    return { created: true, civilServants: unique.length };
  });
  // Statistics for the planner after the bulk load: PGlite has no autovacuum to gather them, and
  // without them the dashboards' joins fall back to nested loops.
  await db.execute(sql`analyze`);
  if (result.created) {
    const [region] = await db
      .select({ id: regions.id })
      .from(regions)
      .where(eq(regions.slug, DEMO_REGION.slug));
    const [asnUser] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.regionId, region.id), eq(users.username, 'asn.demo')));
    await seedDemoDiscipline(database, region.id, today, { asnDemoUserId: asnUser.id });
  }
  return result;
}

/**
 * The cycle of the story, moved to the present: drafting in October of last year, the sessions at the
 * command center on 12-13 November, negotiation to the end of November, signing on 8 December (as in
 * 2018); this year is the first monitoring year of "Lelang Kinerja <this year>-<this year + 4>".
 */
export function demoCycle(year: number, missionIds: Map<number, string>): CycleSeed {
  const last = year - 1;
  const theme = (
    mission: number,
    name: string,
    description: string,
    indicator: string,
    unit: string,
    polarity: string,
  ) => ({
    missionId: missionIds.get(mission)!,
    name,
    description,
    outcomeIndicatorName: indicator,
    outcomeIndicatorUnit: unit,
    outcomePolarity: polarity,
  });
  return {
    name: `Lelang Kinerja ${year}-${year + 4}`,
    startYear: year,
    phases: {
      draftingStart: `${last}-10-01`,
      submissionDeadline: `${last}-10-31`,
      sessionsStart: `${last}-11-12`,
      sessionsEnd: `${last}-11-13`,
      negotiationDeadline: `${last}-11-30`,
      signingDeadline: `${last}-12-08`,
    },
    rubric: DEFAULT_RUBRIC,
    budgetCeilings: [0, 1, 2, 3, 4].map((i) => ({
      year: year + i,
      amount: 450_000_000_000 + i * 25_000_000_000,
    })),
    themes: [
      theme(
        1,
        DEMO_THEMES.maternal,
        'Dinas Kesehatan bersama lima kecamatan menurunkan kematian ibu melalui pendataan dan pendampingan ibu hamil.',
        'Angka kematian ibu',
        'per 100.000 kelahiran hidup',
        'lower_is_better',
      ),
      theme(
        1,
        DEMO_THEMES.stunting,
        'Intervensi gizi spesifik dan sensitif lintas perangkat daerah.',
        'Prevalensi balita stunting',
        '%',
        'lower_is_better',
      ),
      theme(
        2,
        DEMO_THEMES.creative,
        'Ekonomi kreatif, pariwisata dan kemudahan berusaha.',
        'Nilai realisasi investasi',
        'miliar rupiah',
        'higher_is_better',
      ),
      theme(
        4,
        DEMO_THEMES.service,
        'Kecepatan dan kepastian layanan perizinan dan administrasi.',
        'Indeks kepuasan masyarakat',
        'indeks',
        'higher_is_better',
      ),
      theme(
        1,
        DEMO_THEMES.education,
        'Semua anak bersekolah dan menguasai literasi dasar, diajar guru yang bersertifikat.',
        'Rata-rata lama sekolah',
        'tahun',
        'higher_is_better',
      ),
      theme(
        1,
        DEMO_THEMES.settlement,
        'Layanan dasar pekerjaan umum dan perumahan rakyat: drainase, sanitasi, rumah layak huni.',
        'Luas kawasan permukiman kumuh',
        'hektare',
        'lower_is_better',
      ),
    ],
  };
}
