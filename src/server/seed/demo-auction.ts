import type { PactContent } from '../../contract/agreements.js';
import type { ProposalDocument, ProposalStatus } from '../../contract/proposals.js';
import type { Tx } from '../db/client.js';
import {
  auctionSessions,
  contractAmendments,
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  contractVersions,
  negotiationAnswers,
  negotiationRounds,
  pacts,
  proposals,
  proposalScores,
  sessionAgenda,
  sessionPanelists,
} from '../db/schema.js';
import { appendAudit } from '../platform/audit.js';
import type { RubricCriterion } from '../modules/auction/cycle.domain.js';
import {
  agreedTerms,
  offeredTerms,
  type ClosingAnswer,
  type Offer,
  type Side,
} from '../modules/auction/negotiation.domain.js';
import {
  buildPactContent,
  contractRows,
  pactHash,
  pactNumber,
  verificationCode,
} from '../modules/auction/pact.domain.js';
import { termsFromDraft, type ProposalDraft } from '../modules/auction/proposal.domain.js';
import { aggregate, type CriterionScore } from '../modules/auction/scoring.domain.js';
import {
  applyTerms,
  type MilestoneDate,
  type Polarity,
  type TargetEntry,
  type Terms,
} from '../modules/auction/terms.js';
import { rng, type Rng } from './random.js';

/**
 * The auction of the demo cycle (domain.md section 6): the nine OPDs that signed first and the five
 * kecamatan, one proposal each, in every phase. Two sessions at the command center on 12-13 November
 * of last year, the negotiation to 30 November, the pacts and the contracts signed up to 8 December.
 * Dinas Kesehatan leads the maternal mortality program with the five kecamatan as collaborators.
 *
 * {@link demoAuctionPlan} is the story as plain data (pure, so the unit test checks every document
 * and every round with the domain rules); {@link seedDemoAuction} writes it in a handful of
 * multi-row inserts and derives the rest (scores, pacts, contracts) with the domain functions.
 */

// ---------------------------------------------------------------------------------------------
// The story as data

/** The themes of the demo cycle, by name (demo.ts creates them). */
export const DEMO_THEMES = {
  maternal: 'Penurunan Angka Kematian Ibu',
  stunting: 'Penurunan Stunting',
  creative: 'Kota Kreatif dan Investasi',
  service: 'Pelayanan Publik Prima',
  education: 'Pemerataan Mutu Pendidikan',
  settlement: 'Permukiman Layak dan Infrastruktur Dasar',
} as const;

export const DEMO_SESSION_PLACE = 'Command Center Balai Kota Malang';

/** One target of a term year: a value, or `[lower, upper]` for a range indicator. */
type Target = number | readonly [number, number];

interface IndicatorSpec {
  key: string;
  name: string;
  unit: string;
  polarity: Polarity;
  aggregation: 'sum' | 'latest' | 'average';
  frequency: 'monthly' | 'quarterly' | 'semester' | 'yearly';
  weight: number;
  /** `yearsBefore`: 1 for last year's data, 2 for the last full statistical year. */
  baseline: { value: number; yearsBefore: 1 | 2; source: string; breakdown: [string, number][] };
  /** One per term year, first year first. */
  targets: Target[];
}

/** `[indicatorKey, term year index, target]` and `[milestoneKey, term year index, 'MM-DD']`. */
type TargetChange = readonly [string, number, Target];
type DateChange = readonly [string, number, string];

interface RoundSpec {
  by: Side;
  /** `MM-DD HH:MM` of last year, WIB. */
  at: string;
  targets: TargetChange[];
  milestones?: DateChange[];
  reason: string;
}

interface AmendmentSpec {
  status: 'approved' | 'proposed';
  targets: TargetChange[];
  reason: string;
  proposedAt: Date;
  decidedAt?: Date;
  decisionReason?: string;
}

interface ProgramSpec {
  unitCode: string;
  status: ProposalStatus;
  theme: string;
  title: string;
  problemStatement: string;
  leadShare: number;
  collaborators: [string, number][];
  budget: number[];
  indicators: IndicatorSpec[];
  milestones: [string, string, number, string][];
  /** `MM-DD HH:MM` of last year, WIB. */
  createdAt: string;
  submittedAt?: string;
  /** Session day (0: 12 November, 1: 13 November) and position on its agenda. */
  session?: [0 | 1, number];
  /** Base score per rubric criterion (rubric order) and how many of the panel have handed in. */
  scores?: { base: number[]; submittedBy?: number };
  rounds?: RoundSpec[];
  answer?: { side: Side; kind: 'accept' | 'refuse'; at: string; reason?: string };
  agreedAsIsAt?: string;
  signatures?: { opdHead?: string; headOfRegion?: string };
  amendments?: AmendmentSpec[];
  /** Reason of the admin's extension of this negotiation (open until three weeks after `today`). */
  negotiationExtension?: string;
}

const wibAt = (year: number, monthDayTime: string) => {
  const [md, hm] = monthDayTime.split(' ');
  return new Date(`${year}-${md}T${hm ?? '09:00'}:00+07:00`);
};

const KEC = ['7.01.01', '7.01.02', '7.01.03', '7.01.04', '7.01.05'];
const DINKES = '1.02.01';

/**
 * The fourteen programs. `y` is the first year of the term; everything that happened did so in
 * October-December of `y - 1`, except the amendment still waiting for a decision (a week before
 * `today`).
 */
function programs(y: number, today: Date): ProgramSpec[] {
  const l = y - 1;
  const weekAgo = new Date(
    Math.max(
      wibAt(l, '12-15 10:00').getTime(),
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 7, 3),
    ),
  );
  return [
    {
      unitCode: DINKES,
      status: 'signed',
      theme: DEMO_THEMES.maternal,
      title: 'Gerakan Bersama Selamatkan Ibu (GEBRAK AKI)',
      problemStatement:
        `Angka kematian ibu Kota Malang tahun ${y - 2} sebesar 98,3 per 100.000 kelahiran hidup (13 kematian ` +
        'dari 13.226 kelahiran hidup), di atas target nasional. Sebagian besar kematian terjadi pada ibu hamil ' +
        'risiko tinggi yang terlambat dikenali dan terlambat dirujuk. Dinas Kesehatan bersama lima kecamatan ' +
        'mendata seluruh ibu hamil sejak trimester pertama, mendampingi ibu hamil risiko tinggi melalui kader ' +
        'kelurahan, dan memastikan rujukan tepat waktu ke puskesmas PONED dan rumah sakit PONEK.',
      leadShare: 50,
      collaborators: KEC.map((code) => [code, 10]),
      budget: [6_850_000_000, 7_200_000_000, 7_450_000_000, 7_600_000_000, 7_800_000_000],
      indicators: [
        {
          key: 'aki',
          name: 'Angka kematian ibu',
          unit: 'per 100.000 kelahiran hidup',
          polarity: 'lower_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 50,
          baseline: {
            value: 98.3,
            yearsBefore: 2,
            source: `Profil Kesehatan Kota Malang ${y - 2}, Dinas Kesehatan`,
            breakdown: [
              ['Jumlah kelahiran hidup', 13_226],
              ['Jumlah kematian ibu', 13],
              ['Ibu hamil tercatat', 14_350],
              [`Ibu hamil usia kehamilan 8 bulan ke atas (Oktober ${l})`, 1_180],
              ['Ibu hamil risiko tinggi', 2_010],
              ['Ibu hamil dari keluarga miskin (desil 1-2)', 1_640],
              ['Ibu hamil kurang energi kronis', 912],
            ],
          },
          targets: [90, 82, 75, 68, 60],
        },
        {
          key: 'k6',
          name: 'Cakupan pelayanan antenatal K6',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'monthly',
          weight: 30,
          baseline: {
            value: 84.6,
            yearsBefore: 2,
            source: 'e-Kohort ibu hamil puskesmas se-Kota Malang',
            breakdown: [
              ['Sasaran ibu hamil', 14_350],
              ['Ibu hamil mendapat pelayanan K6', 12_140],
            ],
          },
          targets: [87, 90, 92, 94, 95],
        },
        {
          key: 'rujukan',
          name: 'Persentase ibu hamil risiko tinggi yang dirujuk tepat waktu',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 20,
          baseline: {
            value: 71.2,
            yearsBefore: 2,
            source: 'Sistem Rujukan Terintegrasi (SISRUTE) dan register rujukan puskesmas',
            breakdown: [
              ['Ibu hamil risiko tinggi', 2_010],
              ['Dirujuk tepat waktu', 1_431],
            ],
          },
          targets: [78, 83, 88, 92, 95],
        },
      ],
      milestones: [
        ['pendataan', 'Pendataan seluruh ibu hamil by name by address di 57 kelurahan', 0, '03-31'],
        ['kader', 'Pelatihan 570 kader pendamping ibu hamil risiko tinggi', 0, '06-30'],
        ['rujukan_daring', 'Puskesmas PONED dan rumah sakit PONEK terhubung rujukan daring', 1, '06-30'],
        ['evaluasi', 'Evaluasi paruh periode bersama lima kecamatan', 2, '12-15'],
      ],
      createdAt: '10-02 08:40',
      submittedAt: '10-27 14:10',
      session: [0, 1],
      scores: { base: [90, 84, 92, 80, 93] },
      rounds: [
        {
          by: 'panel',
          at: '11-18 10:00',
          targets: [
            ['aki', 2, 72],
            ['aki', 3, 64],
            ['aki', 4, 55],
          ],
          milestones: [['kader', 0, '05-31']],
          reason:
            'Panel meminta penurunan angka kematian ibu lebih cepat mulai tahun ketiga agar sejalan dengan ' +
            'target nasional, dan pelatihan kader selesai sebelum puncak persalinan pertengahan tahun.',
        },
        {
          by: 'opd',
          at: '11-22 13:00',
          targets: [
            ['aki', 2, 74],
            ['aki', 3, 66],
            ['aki', 4, 58],
          ],
          milestones: [['kader', 0, '05-31']],
          reason:
            'Dinas Kesehatan menyanggupi percepatan pelatihan kader. Penurunan angka kematian ibu tahun ketiga ' +
            'dan seterusnya disesuaikan dengan rumah sakit PONEK kedua yang baru beroperasi penuh tahun ' +
            `${y + 2}.`,
        },
      ],
      answer: { side: 'panel', kind: 'accept', at: '11-25 10:00' },
      signatures: { opdHead: '12-03 10:00', headOfRegion: '12-08 09:15' },
    },
    {
      unitCode: '1.01.01',
      status: 'signed',
      theme: DEMO_THEMES.education,
      title: 'Malang Cerdas: Tuntas Wajib Belajar dan Literasi Dasar',
      problemStatement:
        `Verifikasi lapangan ${y - 2} menemukan 1.146 anak usia 7-15 tahun tidak bersekolah atau putus sekolah, ` +
        'dan Rapor Pendidikan menunjukkan 38% murid SD belum mencapai kompetensi minimum literasi. Program ini ' +
        'menjemput anak kembali ke sekolah bersama kelurahan, memperkuat pembelajaran literasi di kelas awal, ' +
        'dan mempercepat sertifikasi guru.',
      leadShare: 100,
      collaborators: [],
      budget: [12_400_000_000, 13_100_000_000, 13_650_000_000, 14_200_000_000, 14_800_000_000],
      indicators: [
        {
          key: 'ats',
          name: 'Jumlah anak tidak sekolah usia 7-15 tahun',
          unit: 'anak',
          polarity: 'lower_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 40,
          baseline: {
            value: 1_146,
            yearsBefore: 2,
            source: 'Dapodik dan verifikasi lapangan kelurahan',
            breakdown: [
              ['Belum pernah sekolah', 212],
              ['Putus sekolah di jenjang SD', 358],
              ['Putus sekolah di jenjang SMP', 576],
            ],
          },
          targets: [950, 760, 580, 420, 300],
        },
        {
          key: 'literasi',
          name: 'Persentase murid SD mencapai kompetensi minimum literasi',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'yearly',
          weight: 35,
          baseline: {
            value: 62,
            yearsBefore: 2,
            source: 'Rapor Pendidikan Kota Malang (Asesmen Nasional)',
            breakdown: [
              ['Murid kelas 5 peserta asesmen', 11_840],
              ['Mencapai kompetensi minimum', 7_341],
            ],
          },
          targets: [65, 68, 71, 74, 77],
        },
        {
          key: 'guru',
          name: 'Persentase guru SD dan SMP negeri bersertifikat pendidik',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'yearly',
          weight: 25,
          baseline: {
            value: 71.5,
            yearsBefore: 1,
            source: 'SIMPKB dan data kepegawaian Dinas Pendidikan',
            breakdown: [
              ['Guru SD dan SMP negeri', 4_210],
              ['Bersertifikat pendidik', 3_010],
            ],
          },
          targets: [74, 77, 80, 83, 86],
        },
      ],
      milestones: [
        ['pemetaan', 'Pemetaan anak tidak sekolah per kelurahan', 0, '02-28'],
        ['jemput', 'Gerakan jemput anak kembali ke sekolah pada awal tahun ajaran', 0, '07-15'],
        ['pojok_baca', 'Pojok baca di seluruh SD negeri', 1, '12-31'],
        ['asesmen', 'Asesmen literasi akhir periode', 4, '11-30'],
      ],
      createdAt: '10-03 09:15',
      submittedAt: '10-29 10:30',
      session: [0, 4],
      scores: { base: [85, 80, 86, 78, 70] },
      rounds: [
        {
          by: 'panel',
          at: '11-19 09:00',
          targets: [
            ['ats', 3, 380],
            ['ats', 4, 250],
            ['literasi', 3, 76],
            ['literasi', 4, 80],
          ],
          reason:
            'Panel meminta anak tidak sekolah turun di bawah 250 pada akhir periode dan literasi dasar ' +
            'mencapai 80%, karena data per kelurahan sudah lengkap dan anggaran jemput sekolah tersedia.',
        },
        {
          by: 'opd',
          at: '11-23 11:00',
          targets: [
            ['ats', 3, 400],
            ['ats', 4, 280],
            ['literasi', 4, 78],
          ],
          reason:
            'Sebagian anak tidak sekolah adalah anak berkebutuhan khusus yang memerlukan sekolah inklusi; ' +
            'Dinas Pendidikan menyanggupi 280 anak dan literasi 78% pada akhir periode.',
        },
        {
          by: 'panel',
          at: '11-25 15:00',
          targets: [
            ['ats', 3, 400],
            ['ats', 4, 270],
            ['literasi', 4, 78],
          ],
          reason:
            'Panel menerima target literasi dan target tahun keempat, dengan anak tidak sekolah 270 pada ' +
            'akhir periode bersama dukungan sekolah inklusi dari Dinas Sosial.',
        },
      ],
      answer: { side: 'opd', kind: 'accept', at: '11-27 10:00' },
      signatures: { opdHead: '12-04 13:30', headOfRegion: '12-08 09:30' },
    },
    {
      unitCode: '1.03.01',
      status: 'signed',
      theme: DEMO_THEMES.settlement,
      title: 'Malang Bebas Genangan: Rehabilitasi dan Normalisasi Drainase',
      problemStatement:
        `Pada musim hujan ${y - 2} tercatat 38 titik genangan, 11 di antaranya surut lebih dari dua jam. Saluran ` +
        'tersumbat sedimen dan sampah, dan kapasitas saluran primer tidak lagi sebanding dengan alih fungsi ' +
        'lahan. Program ini merehabilitasi saluran primer dan sekunder, membangun sumur resapan bersama ' +
        'kelurahan, dan menangani aduan genangan dalam tiga hari.',
      leadShare: 80,
      collaborators: [['1.04.01', 20]],
      budget: [24_500_000_000, 31_000_000_000, 29_750_000_000, 27_500_000_000, 22_000_000_000],
      indicators: [
        {
          key: 'genangan',
          name: 'Jumlah titik genangan',
          unit: 'titik',
          polarity: 'lower_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 45,
          baseline: {
            value: 38,
            yearsBefore: 2,
            source: 'Inventarisasi titik genangan Bidang Sumber Daya Air DPUPR',
            breakdown: [
              ['Titik genangan di jalan arteri dan kolektor', 14],
              ['Titik genangan di jalan lingkungan', 24],
              ['Surut lebih dari 2 jam', 11],
            ],
          },
          targets: [32, 26, 20, 15, 10],
        },
        {
          key: 'saluran',
          name: 'Persentase saluran drainase dalam kondisi baik',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 35,
          baseline: {
            value: 58.4,
            yearsBefore: 2,
            source: 'Survei kondisi saluran drainase DPUPR',
            breakdown: [
              ['Panjang saluran drainase (km)', 1_134],
              ['Dalam kondisi baik (km)', 662],
            ],
          },
          targets: [62, 66, 70, 74, 78],
        },
        {
          key: 'aduan',
          name: 'Persentase aduan genangan yang ditangani dalam 3 hari',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'average',
          frequency: 'monthly',
          weight: 20,
          baseline: {
            value: 64,
            yearsBefore: 1,
            source: `Aduan SAMBAT Januari-September ${l}`,
            breakdown: [
              ['Aduan genangan', 412],
              ['Ditangani dalam 3 hari', 264],
            ],
          },
          targets: [70, 75, 80, 85, 90],
        },
      ],
      milestones: [
        ['survei', 'Survei dan pemetaan kondisi saluran primer dan sekunder', 0, '03-31'],
        ['ded', 'Desain rinci saluran primer koridor Soekarno-Hatta', 0, '06-30'],
        ['tahap1', 'Rehabilitasi saluran primer tahap I selesai', 1, '11-30'],
        ['resapan', 'Pembangunan 500 sumur resapan bersama kelurahan', 2, '10-31'],
        ['tahap2', 'Rehabilitasi saluran primer tahap II selesai', 3, '11-30'],
      ],
      createdAt: '10-02 13:20',
      submittedAt: '10-24 09:45',
      session: [0, 5],
      scores: { base: [82, 76, 80, 85, 74] },
      agreedAsIsAt: '11-17 10:00',
      signatures: { opdHead: '12-02 15:00', headOfRegion: '12-08 09:45' },
      amendments: [
        {
          status: 'approved',
          targets: [['genangan', 0, 34]],
          reason:
            `APBD ${y} menggeser sebagian anggaran rehabilitasi saluran ke penanganan darurat longsor di ` +
            `Kedungkandang, sehingga target titik genangan tahun ${y} disesuaikan.`,
          proposedAt: wibAt(l, '12-15 09:00'),
          decidedAt: wibAt(l, '12-22 10:00'),
          decisionReason: 'Disetujui sesuai Peraturan Daerah tentang APBD yang telah ditetapkan.',
        },
      ],
    },
    {
      unitCode: '2.18.01',
      status: 'signed',
      theme: DEMO_THEMES.creative,
      title: 'Izin Cepat, Investasi Tumbuh: Perizinan Berusaha Terintegrasi',
      problemStatement:
        'Rata-rata penyelesaian izin berusaha risiko menengah-tinggi masih 9,5 hari kerja dan seperempat izin ' +
        'terbit melewati standar layanan. Program ini memindahkan seluruh layanan ke Mal Pelayanan Publik, ' +
        'mengintegrasikan sistem perizinan daerah dengan OSS-RBA, dan membuka klinik investasi untuk UMKM.',
      leadShare: 100,
      collaborators: [],
      budget: [3_100_000_000, 3_250_000_000, 3_300_000_000, 3_400_000_000, 3_500_000_000],
      indicators: [
        {
          key: 'investasi',
          name: 'Nilai realisasi investasi PMA dan PMDN',
          unit: 'miliar rupiah',
          polarity: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'quarterly',
          weight: 40,
          baseline: {
            value: 2_150,
            yearsBefore: 2,
            source: 'Laporan Kegiatan Penanaman Modal (LKPM) melalui OSS-RBA',
            breakdown: [
              ['Realisasi PMA (miliar rupiah)', 640],
              ['Realisasi PMDN (miliar rupiah)', 1_510],
              ['Proyek yang melapor', 3_870],
            ],
          },
          targets: [2_300, 2_450, 2_600, 2_800, 3_000],
        },
        {
          key: 'waktu_izin',
          name: 'Rata-rata waktu penyelesaian izin berusaha risiko menengah-tinggi',
          unit: 'hari kerja',
          polarity: 'lower_is_better',
          aggregation: 'average',
          frequency: 'monthly',
          weight: 35,
          baseline: {
            value: 9.5,
            yearsBefore: 1,
            source: `Sistem informasi perizinan DPMPTSP, Januari-September ${l}`,
            breakdown: [
              ['Izin terbit', 2_140],
              ['Izin terbit melewati standar layanan', 486],
            ],
          },
          targets: [8, 7, 6, 5, 5],
        },
        {
          key: 'ikm',
          name: 'Indeks kepuasan masyarakat layanan perizinan',
          unit: 'indeks',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 25,
          baseline: {
            value: 82.4,
            yearsBefore: 2,
            source: 'Survei Kepuasan Masyarakat DPMPTSP',
            breakdown: [['Responden survei', 1_200]],
          },
          targets: [84, 85, 86, 87, 88],
        },
      ],
      milestones: [
        ['mpp', 'Mal Pelayanan Publik melayani 24 jenis izin usaha', 0, '06-30'],
        ['integrasi', 'Integrasi sistem perizinan daerah dengan OSS-RBA dan pajak daerah', 0, '09-30'],
        ['klinik', 'Klinik investasi UMKM di lima kecamatan', 1, '03-31'],
        ['forum', 'Malang Investment Forum tahunan', 1, '10-31'],
      ],
      createdAt: '10-06 10:00',
      submittedAt: '10-28 15:20',
      session: [1, 1],
      scores: { base: [80, 72, 84, 82, 68] },
      rounds: [
        {
          by: 'panel',
          at: '11-18 09:30',
          targets: [
            ['waktu_izin', 1, 6],
            ['waktu_izin', 2, 5],
            ['waktu_izin', 3, 4],
            ['waktu_izin', 4, 4],
            ['investasi', 4, 3_100],
          ],
          reason:
            'Setelah integrasi dengan OSS-RBA, waktu penyelesaian izin dapat turun lebih cepat; panel meminta ' +
            '4 hari kerja mulai tahun keempat dan realisasi investasi Rp3,1 triliun pada akhir periode.',
        },
      ],
      answer: { side: 'opd', kind: 'accept', at: '11-20 14:00' },
      signatures: { opdHead: '12-01 10:30', headOfRegion: '12-08 10:00' },
      amendments: [
        {
          status: 'proposed',
          targets: [['ikm', 1, 84.5]],
          reason:
            'Survei kepuasan masyarakat mengikuti metode baru PermenPANRB mulai tahun kedua, sehingga nilai ' +
            'tahun kedua belum sebanding dengan titik nol; target tahun kedua diusulkan 84,5.',
          proposedAt: weekAgo,
        },
      ],
    },
    {
      unitCode: '7.01.02',
      status: 'signed',
      theme: DEMO_THEMES.maternal,
      title: 'Kedungkandang Siaga Ibu Hamil: Pendampingan Berbasis Kelurahan',
      problemStatement:
        `Kedungkandang mencatat 4 kematian ibu pada ${y - 2}, terbanyak di Kota Malang, dan baru 46% ibu hamil ` +
        'risiko tinggi didampingi kader. Jarak ke rumah sakit dari kelurahan di pinggiran kota membuat rujukan ' +
        'terlambat. Kecamatan membentuk tim pendamping di 12 kelurahan, membuka rumah tunggu kelahiran dan ' +
        'menyiagakan ambulans kelurahan.',
      leadShare: 75,
      collaborators: [[DINKES, 25]],
      budget: [850_000_000, 900_000_000, 950_000_000, 1_000_000_000, 1_050_000_000],
      indicators: [
        {
          key: 'pendampingan',
          name: 'Persentase ibu hamil risiko tinggi yang didampingi kader',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'monthly',
          weight: 50,
          baseline: {
            value: 46,
            yearsBefore: 1,
            source: `Register kohort ibu hamil empat puskesmas di Kedungkandang (s.d. September ${l})`,
            breakdown: [
              ['Ibu hamil', 3_180],
              ['Ibu hamil risiko tinggi', 512],
              ['Didampingi kader', 236],
            ],
          },
          targets: [65, 75, 85, 90, 95],
        },
        {
          key: 'kematian_ibu',
          name: 'Jumlah kematian ibu di wilayah kecamatan',
          unit: 'kasus',
          polarity: 'lower_is_better',
          aggregation: 'sum',
          frequency: 'quarterly',
          weight: 30,
          baseline: {
            value: 4,
            yearsBefore: 2,
            source: 'Laporan Audit Maternal Perinatal Dinas Kesehatan',
            breakdown: [
              ['Meninggal saat hamil', 1],
              ['Meninggal saat bersalin', 1],
              ['Meninggal pada masa nifas', 2],
            ],
          },
          targets: [3, 3, 2, 2, 1],
        },
        {
          key: 'rumah_tunggu',
          name: 'Jumlah rumah tunggu kelahiran aktif',
          unit: 'unit',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 20,
          baseline: {
            value: 1,
            yearsBefore: 1,
            source: 'Data Kecamatan Kedungkandang',
            breakdown: [['Kelurahan', 12]],
          },
          targets: [3, 5, 7, 9, 12],
        },
      ],
      milestones: [
        ['sk_pendamping', 'SK Camat tentang tim pendamping ibu hamil di 12 kelurahan', 0, '02-28'],
        ['rumah_tunggu', 'Tiga rumah tunggu kelahiran beroperasi', 0, '08-31'],
        ['ambulans', 'Ambulans kelurahan siaga 24 jam terhubung Public Safety Center 112', 1, '06-30'],
        ['kaji_ulang', 'Kaji ulang pendampingan bersama Dinas Kesehatan', 2, '12-31'],
      ],
      createdAt: '10-07 09:00',
      submittedAt: '10-30 11:00',
      session: [0, 2],
      scores: { base: [78, 82, 88, 76, 86] },
      rounds: [
        {
          by: 'panel',
          at: '11-18 14:00',
          targets: [['pendampingan', 0, 70]],
          milestones: [
            ['rumah_tunggu', 0, '06-30'],
            ['ambulans', 0, '12-31'],
          ],
          reason:
            'Rumah tunggu dan ambulans kelurahan paling dibutuhkan pada tahun pertama; panel meminta keduanya ' +
            'lebih awal dan pendampingan 70% pada tahun pertama.',
        },
      ],
      answer: { side: 'opd', kind: 'accept', at: '11-21 10:00' },
      signatures: { opdHead: '12-05 09:00', headOfRegion: '12-08 10:15' },
    },
    {
      unitCode: '3.26.01',
      status: 'agreed',
      theme: DEMO_THEMES.creative,
      title: 'Malang Kota Heritage dan Kreatif: Kayutangan dan Kampung Tematik',
      problemStatement:
        'Wisatawan datang ke Malang tetapi rata-rata hanya menginap 1,6 malam, dan kunjungan terpusat pada ' +
        'akhir pekan. Program ini menata koridor Kayutangan Heritage, menyertifikasi kampung tematik sebagai ' +
        'desa wisata, dan menyusun kalender event budaya dan ekonomi kreatif berskala nasional.',
      leadShare: 85,
      collaborators: [['3.31.01', 15]],
      budget: [4_200_000_000, 4_600_000_000, 4_750_000_000, 4_900_000_000, 5_000_000_000],
      indicators: [
        {
          key: 'kunjungan',
          name: 'Jumlah kunjungan wisatawan',
          unit: 'orang',
          polarity: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'monthly',
          weight: 40,
          baseline: {
            value: 6_240_000,
            yearsBefore: 2,
            source: 'Data kunjungan wisatawan Disbudpar (hotel, destinasi dan kampung tematik)',
            breakdown: [
              ['Wisatawan nusantara', 6_150_000],
              ['Wisatawan mancanegara', 90_000],
              ['Kunjungan kawasan Kayutangan Heritage', 1_120_000],
            ],
          },
          targets: [6_500_000, 6_800_000, 7_100_000, 7_400_000, 7_700_000],
        },
        {
          key: 'lama_menginap',
          name: 'Rata-rata lama menginap wisatawan',
          unit: 'malam',
          polarity: 'higher_is_better',
          aggregation: 'average',
          frequency: 'quarterly',
          weight: 30,
          baseline: {
            value: 1.6,
            yearsBefore: 2,
            source: 'Statistik hotel BPS Kota Malang',
            breakdown: [['Malam kamar terjual', 1_480_000]],
          },
          targets: [1.7, 1.8, 1.9, 2, 2.1],
        },
        {
          key: 'event',
          name: 'Jumlah event budaya dan ekonomi kreatif berskala nasional',
          unit: 'event',
          polarity: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'yearly',
          weight: 30,
          baseline: {
            value: 6,
            yearsBefore: 2,
            source: 'Kalender event Disbudpar',
            breakdown: [
              ['Festival budaya', 3],
              ['Event ekonomi kreatif', 3],
            ],
          },
          targets: [8, 9, 10, 11, 12],
        },
      ],
      milestones: [
        ['kalender', 'Kalender event tahunan ditetapkan', 0, '01-31'],
        ['kayutangan', 'Penataan koridor Kayutangan Heritage tahap II', 0, '10-31'],
        ['kampung', 'Sertifikasi 10 kampung tematik sebagai desa wisata', 1, '09-30'],
        ['paket', 'Paket wisata terpadu bersama Dinas Perdagangan dan Dinas Perindustrian', 2, '06-30'],
      ],
      createdAt: '10-08 10:30',
      submittedAt: '10-29 16:00',
      session: [1, 3],
      scores: { base: [74, 78, 80, 70, 72] },
      rounds: [
        {
          by: 'panel',
          at: '11-20 10:00',
          targets: [
            ['kunjungan', 2, 7_300_000],
            ['kunjungan', 3, 7_700_000],
            ['kunjungan', 4, 8_100_000],
            ['lama_menginap', 4, 2.3],
          ],
          reason:
            'Dengan Kayutangan tahap II dan kampung tematik bersertifikat, panel meminta kunjungan 8,1 juta ' +
            'dan lama menginap 2,3 malam pada akhir periode.',
        },
        {
          by: 'opd',
          at: '11-24 10:00',
          targets: [
            ['kunjungan', 2, 7_200_000],
            ['kunjungan', 3, 7_550_000],
            ['kunjungan', 4, 7_900_000],
            ['lama_menginap', 4, 2.2],
          ],
          reason:
            'Kapasitas kamar hotel dan parkir kawasan wisata baru bertambah pada tahun ketiga; Disbudpar ' +
            'menyanggupi 7,9 juta kunjungan dan 2,2 malam pada akhir periode.',
        },
      ],
      answer: { side: 'panel', kind: 'accept', at: '11-28 14:00' },
      signatures: { opdHead: '12-05 14:00' },
    },
    {
      unitCode: '2.09.01',
      status: 'refused',
      theme: DEMO_THEMES.service,
      title: 'Parkir Tertib Non-Tunai dan Angkutan Pengumpan Terjadwal',
      problemStatement:
        'Baru 12,5% transaksi parkir tepi jalan umum dibayar non-tunai sehingga retribusi bocor, dan waktu ' +
        'tempuh koridor utama pada jam sibuk mencapai 38 menit. Program ini memasang QRIS di titik parkir, ' +
        'memperluas pengaturan lalu lintas terpadu (ATCS) dan menjalankan angkutan pengumpan terjadwal.',
      leadShare: 100,
      collaborators: [],
      budget: [5_400_000_000, 6_100_000_000, 5_800_000_000, 5_200_000_000, 5_000_000_000],
      indicators: [
        {
          key: 'parkir_nontunai',
          name: 'Persentase transaksi parkir tepi jalan umum secara non-tunai',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'average',
          frequency: 'monthly',
          weight: 40,
          baseline: {
            value: 12.5,
            yearsBefore: 1,
            source: `Laporan retribusi parkir UPT Perparkiran, Januari-September ${l}`,
            breakdown: [
              ['Titik parkir tepi jalan umum', 1_010],
              ['Juru parkir terdaftar', 1_850],
              ['Titik dengan QRIS aktif', 142],
            ],
          },
          targets: [25, 40, 55, 65, 75],
        },
        {
          key: 'waktu_tempuh',
          name: 'Rata-rata waktu tempuh koridor utama pada jam sibuk',
          unit: 'menit',
          polarity: 'lower_is_better',
          aggregation: 'average',
          frequency: 'quarterly',
          weight: 35,
          baseline: {
            value: 38,
            yearsBefore: 1,
            source: 'Survei waktu tempuh dan data ATCS Dinas Perhubungan',
            breakdown: [
              ['Panjang koridor (km)', 9.6],
              ['Simpang bersinyal ATCS', 64],
            ],
          },
          targets: [37, 36, 35, 34, 33],
        },
        {
          key: 'retribusi',
          name: 'Pendapatan retribusi parkir',
          unit: 'juta rupiah',
          polarity: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'monthly',
          weight: 25,
          baseline: {
            value: 9_800,
            yearsBefore: 2,
            source: 'Laporan Realisasi Anggaran BPKAD',
            breakdown: [
              ['Retribusi parkir tepi jalan (juta rupiah)', 7_900],
              ['Retribusi tempat khusus parkir (juta rupiah)', 1_900],
            ],
          },
          targets: [11_000, 12_500, 14_000, 15_000, 16_000],
        },
      ],
      milestones: [
        ['qris', 'QRIS aktif di 500 titik parkir', 0, '06-30'],
        ['atcs', 'Perluasan ATCS ke 20 simpang', 1, '12-31'],
        ['pengumpan', 'Angkutan pengumpan terjadwal di tiga koridor', 2, '06-30'],
      ],
      createdAt: '10-09 08:30',
      submittedAt: '10-31 13:40',
      session: [1, 5],
      scores: { base: [70, 62, 72, 66, 60] },
      rounds: [
        {
          by: 'panel',
          at: '11-19 10:00',
          targets: [
            ['parkir_nontunai', 0, 35],
            ['parkir_nontunai', 1, 55],
            ['parkir_nontunai', 2, 70],
            ['parkir_nontunai', 3, 80],
            ['parkir_nontunai', 4, 90],
          ],
          reason:
            'Panel meminta seluruh juru parkir terdaftar menerima pembayaran non-tunai sebelum akhir tahun ' +
            'kedua, sejalan dengan elektronifikasi transaksi pemerintah daerah, hingga 90% pada akhir periode.',
        },
      ],
      answer: {
        side: 'opd',
        kind: 'refuse',
        at: '11-24 15:00',
        reason:
          'Dinas Perhubungan tidak menyanggupi 90% transaksi non-tunai: sebagian besar pengguna parkir tepi ' +
          'jalan membayar dalam nominal kecil secara tunai, dan perangkat serta pelatihan 1.850 juru parkir ' +
          'belum dianggarkan.',
      },
    },
    {
      unitCode: '1.04.01',
      status: 'in_negotiation',
      negotiationExtension:
        'Penawaran panel bergantung pada hasil verifikasi ulang data rumah tidak layak huni bersama kelurahan, ' +
        'yang baru selesai setelah batas waktu negosiasi siklus.',
      theme: DEMO_THEMES.settlement,
      title: 'Kampung Layak Huni: Rumah Tidak Layak Huni dan Kawasan Kumuh',
      problemStatement:
        `Kota Malang masih memiliki 608,6 hektare kawasan kumuh di 29 kelurahan (penetapan ${y - 2}) dan 4.870 ` +
        'rumah tidak layak huni. Program ini memverifikasi ulang data rumah tidak layak huni bersama ' +
        'kelurahan, membangun IPAL komunal di kelurahan padat, dan menata kawasan kumuh tepi Sungai Brantas.',
      leadShare: 90,
      collaborators: [['1.03.01', 10]],
      budget: [18_200_000_000, 19_500_000_000, 21_000_000_000, 21_500_000_000, 20_000_000_000],
      indicators: [
        {
          key: 'kumuh',
          name: 'Luas kawasan permukiman kumuh',
          unit: 'hektare',
          polarity: 'lower_is_better',
          aggregation: 'latest',
          frequency: 'yearly',
          weight: 45,
          baseline: {
            value: 608.6,
            yearsBefore: 2,
            source: 'SK Wali Kota tentang lokasi perumahan dan permukiman kumuh, hasil verifikasi',
            breakdown: [
              ['Kelurahan dengan kawasan kumuh', 29],
              ['Kumuh ringan (hektare)', 501.2],
              ['Kumuh sedang (hektare)', 107.4],
            ],
          },
          targets: [560, 500, 440, 380, 320],
        },
        {
          key: 'rtlh',
          name: 'Jumlah rumah tidak layak huni yang ditangani',
          unit: 'unit',
          polarity: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'quarterly',
          weight: 35,
          baseline: {
            value: 350,
            yearsBefore: 2,
            source: 'Basis data rumah tidak layak huni Disperkim',
            breakdown: [
              ['Rumah tidak layak huni terdata', 4_870],
              ['Ditangani APBD', 280],
              ['Ditangani CSR dan Baznas', 70],
            ],
          },
          targets: [400, 450, 500, 500, 500],
        },
        {
          key: 'sanitasi',
          name: 'Persentase rumah tangga dengan akses sanitasi layak',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'yearly',
          weight: 20,
          baseline: {
            value: 91.2,
            yearsBefore: 2,
            source: 'Susenas BPS Kota Malang',
            breakdown: [['Rumah tangga', 241_300]],
          },
          targets: [92, 93, 94, 95, 96],
        },
      ],
      milestones: [
        ['verifikasi', 'Verifikasi ulang data rumah tidak layak huni bersama kelurahan', 0, '03-31'],
        ['ipal', 'IPAL komunal di 10 kelurahan padat', 1, '10-31'],
        ['brantas1', 'Penataan kawasan kumuh tepi Sungai Brantas tahap I', 2, '12-31'],
        ['brantas2', 'Penataan kawasan kumuh tepi Sungai Brantas tahap II', 4, '06-30'],
      ],
      createdAt: '10-06 14:00',
      submittedAt: '10-30 09:20',
      session: [0, 6],
      scores: { base: [76, 70, 82, 68, 78] },
      rounds: [
        {
          by: 'panel',
          at: '11-21 10:00',
          targets: [
            ['kumuh', 2, 420],
            ['kumuh', 3, 350],
            ['kumuh', 4, 280],
            ['rtlh', 3, 550],
            ['rtlh', 4, 600],
          ],
          reason:
            'Penataan tepi Sungai Brantas mengurangi kawasan kumuh dalam jumlah besar; panel meminta kawasan ' +
            'kumuh 280 hektare dan 600 rumah ditangani pada akhir periode.',
        },
        {
          by: 'opd',
          at: '11-27 16:00',
          targets: [
            ['kumuh', 3, 365],
            ['kumuh', 4, 300],
            ['rtlh', 4, 550],
          ],
          reason:
            'Pembebasan lahan tepi sungai baru selesai pada tahun keempat. Disperkim menyanggupi 300 hektare ' +
            'dan 550 rumah pada akhir periode, dengan target tahun ketiga tetap seperti usulan.',
        },
      ],
    },
    {
      unitCode: '3.30.01',
      status: 'scored',
      theme: DEMO_THEMES.creative,
      title: 'Pasar Rakyat Berdaya dan Harga Pangan Stabil',
      problemStatement:
        'Inflasi kelompok makanan Kota Malang lebih tinggi dari inflasi umum, dan baru 3 dari 26 pasar rakyat ' +
        'melayani pembayaran non-tunai dan memenuhi SNI. Program ini memantau harga pangan harian di semua ' +
        'pasar, merevitalisasi Pasar Besar, dan membuka gerai pangan murah tetap di lima kecamatan.',
      leadShare: 100,
      collaborators: [],
      budget: [7_800_000_000, 15_500_000_000, 9_200_000_000, 6_000_000_000, 5_500_000_000],
      indicators: [
        {
          key: 'inflasi',
          name: 'Inflasi tahunan Kota Malang (year on year)',
          unit: '%',
          polarity: 'range',
          aggregation: 'latest',
          frequency: 'monthly',
          weight: 35,
          baseline: {
            value: 2.7,
            yearsBefore: 2,
            source: 'Berita Resmi Statistik BPS Kota Malang',
            breakdown: [
              ['Inflasi kelompok makanan, minuman dan tembakau (%)', 3.9],
              ['Andil beras (poin persen)', 0.42],
              ['Andil cabai rawit (poin persen)', 0.18],
            ],
          },
          targets: [
            [1.5, 3.5],
            [1.5, 3.5],
            [1.5, 3.5],
            [1.5, 3],
            [1.5, 3],
          ],
        },
        {
          key: 'pasar_sni',
          name: 'Jumlah pasar rakyat non-tunai dan memenuhi SNI',
          unit: 'pasar',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 35,
          baseline: {
            value: 3,
            yearsBefore: 1,
            source: 'Data pengelolaan pasar Dinas Perdagangan',
            breakdown: [['Pasar rakyat dikelola pemerintah kota', 26]],
          },
          targets: [6, 10, 14, 18, 22],
        },
        {
          key: 'omzet',
          name: 'Rata-rata omzet pedagang pasar rakyat binaan',
          unit: 'juta rupiah per bulan',
          polarity: 'higher_is_better',
          aggregation: 'average',
          frequency: 'quarterly',
          weight: 30,
          baseline: {
            value: 18.5,
            yearsBefore: 1,
            source: 'Survei pedagang Dinas Perdagangan',
            breakdown: [['Pedagang yang disurvei', 1_250]],
          },
          targets: [19.5, 20.5, 21.5, 22.5, 23.5],
        },
      ],
      milestones: [
        ['harga_harian', 'Informasi harga pangan harian dari 26 pasar', 0, '04-30'],
        ['pasar_besar', 'Revitalisasi Pasar Besar tahap I', 1, '12-15'],
        ['gerai', 'Gerai pangan murah tetap di lima kecamatan', 2, '08-31'],
      ],
      createdAt: '10-10 09:00',
      submittedAt: '10-30 15:45',
      session: [1, 4],
      scores: { base: [72, 66, 70, 74, 64] },
    },
    {
      unitCode: '7.01.04',
      status: 'scored',
      theme: DEMO_THEMES.maternal,
      title: 'Lowokwaru Peduli Ibu: Mahasiswa dan Kader Mendampingi Ibu Hamil',
      problemStatement:
        'Lowokwaru memiliki banyak ibu hamil pendatang yang belum tercatat di kelurahan, dan baru separuh ibu ' +
        'hamil risiko tinggi dikunjungi rutin. Bersama tiga perguruan tinggi, kecamatan melibatkan mahasiswa ' +
        'KKN tematik dan kader untuk kunjungan rumah dan kelas ibu hamil.',
      leadShare: 70,
      collaborators: [[DINKES, 30]],
      budget: [600_000_000, 650_000_000, 650_000_000, 700_000_000, 700_000_000],
      indicators: [
        {
          key: 'kunjungan_rumah',
          name: 'Persentase ibu hamil risiko tinggi yang dikunjungi rumah sebulan sekali',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'average',
          frequency: 'monthly',
          weight: 60,
          baseline: {
            value: 52,
            yearsBefore: 1,
            source: `Register kunjungan rumah tiga puskesmas di Lowokwaru (s.d. September ${l})`,
            breakdown: [
              ['Ibu hamil', 2_640],
              ['Ibu hamil risiko tinggi', 398],
              ['Dikunjungi rutin', 207],
            ],
          },
          targets: [65, 75, 85, 90, 95],
        },
        {
          key: 'kelas_ibu',
          name: 'Jumlah kelas ibu hamil aktif',
          unit: 'kelas',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 40,
          baseline: {
            value: 12,
            yearsBefore: 1,
            source: 'Data Kecamatan Lowokwaru',
            breakdown: [['Kelurahan', 12]],
          },
          targets: [18, 24, 24, 30, 36],
        },
      ],
      milestones: [
        ['mou', 'Nota kesepahaman dengan tiga perguruan tinggi untuk KKN tematik', 0, '02-28'],
        ['kkn', 'KKN tematik pendampingan ibu hamil angkatan pertama', 0, '08-31'],
        ['e_kohort', 'Kunjungan rumah tercatat langsung di e-Kohort Dinas Kesehatan', 1, '03-31'],
      ],
      createdAt: '10-13 10:00',
      submittedAt: '10-31 10:15',
      session: [0, 3],
      scores: { base: [68, 74, 85, 72, 80] },
    },
    {
      unitCode: '3.31.01',
      status: 'in_session',
      theme: DEMO_THEMES.creative,
      title: 'IKM Naik Kelas: Sertifikasi dan Pemasaran Digital',
      problemStatement:
        'Dari 4.980 industri kecil dan menengah (IKM) yang terdaftar, baru 1.240 yang bersertifikat halal, ' +
        'PIRT atau SNI, dan sepertiga IKM binaan berjualan daring. Program ini membuka rumah kemasan, klinik ' +
        'sertifikasi halal dan galeri produk IKM.',
      leadShare: 100,
      collaborators: [],
      budget: [2_900_000_000, 3_000_000_000, 3_100_000_000, 3_200_000_000, 3_300_000_000],
      indicators: [
        {
          key: 'sertifikasi',
          name: 'Jumlah IKM bersertifikat halal, PIRT atau SNI (kumulatif)',
          unit: 'IKM',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 50,
          baseline: {
            value: 1_240,
            yearsBefore: 1,
            source: 'SIINas dan data pembinaan Dinas Perindustrian',
            breakdown: [
              ['IKM terdaftar', 4_980],
              ['Bersertifikat halal', 730],
              ['Bersertifikat PIRT', 480],
              ['Bersertifikat SNI', 30],
            ],
          },
          targets: [1_500, 1_800, 2_100, 2_400, 2_700],
        },
        {
          key: 'daring',
          name: 'Persentase IKM binaan yang berjualan di lokapasar daring',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 50,
          baseline: {
            value: 34,
            yearsBefore: 1,
            source: 'Survei IKM binaan Dinas Perindustrian',
            breakdown: [
              ['IKM binaan', 1_600],
              ['Berjualan daring', 544],
            ],
          },
          targets: [40, 46, 52, 58, 64],
        },
      ],
      milestones: [
        ['rumah_kemasan', 'Rumah kemasan melayani desain label dan kemasan', 0, '05-31'],
        ['klinik_halal', 'Klinik sertifikasi halal bersama pendamping proses produk halal', 0, '09-30'],
        ['galeri', 'Galeri produk IKM di Malang Creative Center', 1, '06-30'],
      ],
      createdAt: '10-14 09:30',
      submittedAt: '10-31 14:30',
      session: [1, 2],
      scores: { base: [70, 68, 76, 72, 62], submittedBy: 2 },
    },
    {
      unitCode: '7.01.05',
      status: 'submitted',
      theme: DEMO_THEMES.stunting,
      title: 'Sukun Cegah Stunting Sejak Calon Pengantin',
      problemStatement:
        `Bulan penimbangan Agustus ${l} mencatat 17,8% balita di Sukun stunting, tertinggi di Kota Malang, dan ` +
        'kurang dari separuh calon pengantin memeriksakan kesehatan sebelum menikah. Kecamatan bersama Dinas ' +
        'Kesehatan mendampingi calon pengantin dan membuka dapur sehat di setiap kelurahan.',
      leadShare: 60,
      collaborators: [[DINKES, 40]],
      budget: [750_000_000, 800_000_000, 800_000_000, 850_000_000, 850_000_000],
      indicators: [
        {
          key: 'stunting',
          name: 'Prevalensi balita stunting di Kecamatan Sukun',
          unit: '%',
          polarity: 'lower_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 60,
          baseline: {
            value: 17.8,
            yearsBefore: 1,
            source: `Bulan Penimbangan Balita Agustus ${l} (e-PPGBM)`,
            breakdown: [
              ['Balita diukur', 9_420],
              ['Balita stunting', 1_677],
              ['Balita dari keluarga penerima bantuan sosial', 2_310],
            ],
          },
          targets: [16, 14, 12, 10.5, 9],
        },
        {
          key: 'catin',
          name: 'Persentase calon pengantin yang diperiksa tiga bulan sebelum menikah',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 40,
          baseline: {
            value: 41,
            yearsBefore: 1,
            source: 'Data KUA Kecamatan Sukun dan Elsimil BKKBN',
            breakdown: [
              ['Pasangan menikah', 1_380],
              ['Calon pengantin diperiksa', 566],
            ],
          },
          targets: [55, 65, 75, 85, 90],
        },
      ],
      milestones: [
        ['elsimil', 'Pendaftaran calon pengantin melalui Elsimil di KUA dan kelurahan', 0, '03-31'],
        ['dapur_sehat', 'Dapur sehat atasi stunting di 11 kelurahan', 0, '07-31'],
        ['audit_stunting', 'Audit kasus stunting bersama tim percepatan kota', 1, '11-30'],
      ],
      createdAt: '10-15 08:45',
      submittedAt: '10-30 16:30',
    },
    {
      unitCode: '7.01.01',
      status: 'draft',
      theme: DEMO_THEMES.stunting,
      title: 'Blimbing Gemar Makan Ikan dan Sayur untuk Balita',
      problemStatement:
        'Prevalensi stunting di Blimbing 15,2% dan baru 38% posyandu menjalankan pemberian makanan tambahan ' +
        'berbahan pangan lokal. Kecamatan menggerakkan kelas PMT lokal di setiap posyandu.',
      leadShare: 100,
      collaborators: [],
      budget: [450_000_000, 475_000_000, 500_000_000, 500_000_000, 525_000_000],
      indicators: [
        {
          key: 'stunting',
          name: 'Prevalensi balita stunting di Kecamatan Blimbing',
          unit: '%',
          polarity: 'lower_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 70,
          baseline: {
            value: 15.2,
            yearsBefore: 1,
            source: `Bulan Penimbangan Balita Agustus ${l} (e-PPGBM)`,
            breakdown: [
              ['Balita diukur', 10_150],
              ['Balita stunting', 1_543],
            ],
          },
          targets: [14, 12.5, 11, 10, 9],
        },
        {
          key: 'pmt_lokal',
          name: 'Persentase posyandu dengan kelas PMT pangan lokal aktif',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'quarterly',
          weight: 30,
          baseline: {
            value: 38,
            yearsBefore: 1,
            source: 'Data posyandu Kecamatan Blimbing',
            breakdown: [
              ['Posyandu', 128],
              ['Posyandu dengan kelas PMT lokal', 49],
            ],
          },
          targets: [50, 65, 80, 90, 100],
        },
      ],
      milestones: [
        ['pelatihan', 'Pelatihan kader PMT pangan lokal', 0, '04-30'],
        ['kebun_gizi', 'Kebun gizi di 11 kelurahan', 1, '08-31'],
        ['evaluasi', 'Evaluasi bersama Dinas Kesehatan', 2, '12-31'],
      ],
      createdAt: '10-20 10:00',
    },
    {
      unitCode: '7.01.03',
      status: 'draft',
      theme: DEMO_THEMES.service,
      title: 'Layanan Kelurahan Sehari Jadi',
      problemStatement:
        'Baru 58% layanan administrasi di kelurahan se-Kecamatan Klojen selesai pada hari yang sama; warga ' +
        'bolak-balik karena berkas belum lengkap. Kecamatan menerapkan daftar periksa berkas daring dan ' +
        'layanan antar dokumen.',
      leadShare: 100,
      collaborators: [],
      budget: [300_000_000, 320_000_000, 340_000_000, 350_000_000, 360_000_000],
      indicators: [
        {
          key: 'sehari_jadi',
          name: 'Persentase layanan administrasi kelurahan selesai di hari yang sama',
          unit: '%',
          polarity: 'higher_is_better',
          aggregation: 'average',
          frequency: 'monthly',
          weight: 60,
          baseline: {
            value: 58,
            yearsBefore: 1,
            source: 'Buku register layanan 11 kelurahan se-Kecamatan Klojen',
            breakdown: [
              ['Permohonan layanan per tahun', 21_400],
              ['Selesai di hari yang sama', 12_412],
            ],
          },
          targets: [70, 80, 85, 90, 95],
        },
        {
          key: 'ikm',
          name: 'Indeks kepuasan masyarakat layanan kecamatan',
          unit: 'indeks',
          polarity: 'higher_is_better',
          aggregation: 'latest',
          frequency: 'semester',
          weight: 40,
          baseline: {
            value: 80.1,
            yearsBefore: 2,
            source: 'Survei Kepuasan Masyarakat Kecamatan Klojen',
            breakdown: [['Responden survei', 400]],
          },
          targets: [82, 83.5, 85, 86, 87],
        },
      ],
      milestones: [
        ['daftar_periksa', 'Daftar periksa berkas layanan daring', 0, '03-31'],
        ['antar_dokumen', 'Layanan antar dokumen bersama kantor pos', 0, '09-30'],
        ['survei', 'Survei kepuasan masyarakat tahunan', 1, '11-30'],
      ],
      createdAt: '10-21 13:00',
    },
  ];
}

/** A planned round, with its instant. */
export interface PlannedRound {
  round: number;
  side: Side;
  targets: TargetEntry[];
  milestoneDeadlines: MilestoneDate[];
  reason: string;
  at: Date;
}

export interface PlannedAmendment {
  status: 'approved' | 'proposed';
  changes: { targets: TargetEntry[] };
  reason: string;
  proposedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
}

/** One proposal of the demo auction, with its history. */
export interface ProposalPlan {
  unitCode: string;
  status: ProposalStatus;
  document: ProposalDocument;
  createdAt: Date;
  submittedAt: Date | null;
  /** Index of the session (0: 12 November, 1: 13 November) and position on its agenda. */
  session: { index: 0 | 1; position: number } | null;
  /** Base score per rubric criterion (rubric order); `submittedBy` of the three panelists handed in. */
  scoring: { base: readonly number[]; submittedBy: number } | null;
  rounds: PlannedRound[];
  answer: { round: number; side: Side; kind: 'accept' | 'refuse'; reason: string | null; at: Date } | null;
  agreedAsIsAt: Date | null;
  signatures: { opdHead: Date | null; headOfRegion: Date | null } | null;
  amendments: PlannedAmendment[];
  /** A later negotiation deadline for this proposal (YYYY-MM-DD), granted by the admin. */
  negotiationExtension: { deadline: string; reason: string } | null;
}

export interface PlanRefs {
  /** Work unit ids by code. */
  units: ReadonlyMap<string, string>;
  /** Theme ids and their mission ids, by theme name. */
  themes: ReadonlyMap<string, { id: string; missionId: string }>;
}

const target = (indicatorKey: string, year: number, t: Target): TargetEntry =>
  typeof t === 'number' ? { indicatorKey, year, value: t } : { indicatorKey, year, lower: t[0], upper: t[1] };

/**
 * The demo auction as plain data for a term starting in `year`: the documents with the ids of `refs`,
 * and the history of each proposal. Pure; `today` only dates the amendment still awaiting a decision.
 */
export function demoAuctionPlan(year: number, refs: PlanRefs, today: Date): ProposalPlan[] {
  const l = year - 1;
  const unitId = (code: string) => {
    const id = refs.units.get(code);
    if (!id) throw new Error(`Unit demo ${code} tidak ada`);
    return id;
  };
  return programs(year, today).map((p) => {
    const theme = refs.themes.get(p.theme);
    if (!theme) throw new Error(`Tema demo "${p.theme}" tidak ada`);
    const document: ProposalDocument = {
      title: p.title,
      problemStatement: p.problemStatement,
      missionId: theme.missionId,
      themeId: theme.id,
      leadShare: p.leadShare,
      collaborators: p.collaborators.map(([code, share]) => ({ unitId: unitId(code), share })),
      budget: p.budget.map((amount, i) => ({ year: year + i, amount })),
      indicators: p.indicators.map((ind) => ({
        key: ind.key,
        name: ind.name,
        unit: ind.unit,
        polarity: ind.polarity,
        aggregation: ind.aggregation,
        frequency: ind.frequency,
        weight: ind.weight,
        baseline: {
          value: ind.baseline.value,
          year: year - ind.baseline.yearsBefore,
          source: ind.baseline.source,
          breakdown: ind.baseline.breakdown.map(([label, value]) => ({ label, value })),
        },
        targets: ind.targets.map((t, i) => {
          const { indicatorKey: _k, ...rest } = target(ind.key, year + i, t);
          return rest;
        }),
      })),
      milestones: p.milestones.map(([key, title, i, md]) => ({ key, title, dueDate: `${year + i}-${md}` })),
    };
    const rounds = (p.rounds ?? []).map((r, i) => ({
      round: i + 1,
      side: r.by,
      targets: r.targets.map(([key, y, t]) => target(key, year + y, t)),
      milestoneDeadlines: (r.milestones ?? []).map(([milestoneKey, y, md]) => ({
        milestoneKey,
        date: `${year + y}-${md}`,
      })),
      reason: r.reason,
      at: wibAt(l, r.at),
    }));
    return {
      unitCode: p.unitCode,
      status: p.status,
      document,
      createdAt: wibAt(l, p.createdAt),
      submittedAt: p.submittedAt ? wibAt(l, p.submittedAt) : null,
      session: p.session ? { index: p.session[0], position: p.session[1] } : null,
      scoring: p.scores ? { base: p.scores.base, submittedBy: p.scores.submittedBy ?? 3 } : null,
      rounds,
      answer: p.answer
        ? {
            round: rounds.length,
            side: p.answer.side,
            kind: p.answer.kind,
            reason: p.answer.reason ?? null,
            at: wibAt(l, p.answer.at),
          }
        : null,
      agreedAsIsAt: p.agreedAsIsAt ? wibAt(l, p.agreedAsIsAt) : null,
      signatures: p.signatures
        ? {
            opdHead: p.signatures.opdHead ? wibAt(l, p.signatures.opdHead) : null,
            headOfRegion: p.signatures.headOfRegion ? wibAt(l, p.signatures.headOfRegion) : null,
          }
        : null,
      negotiationExtension: p.negotiationExtension
        ? { deadline: extendedDeadline(year, today), reason: p.negotiationExtension }
        : null,
      amendments: (p.amendments ?? []).map((a) => ({
        status: a.status,
        changes: { targets: a.targets.map(([key, i, t]) => target(key, year + i, t)) },
        reason: a.reason,
        proposedAt: a.proposedAt,
        decidedAt: a.decidedAt ?? null,
        decisionReason: a.decisionReason ?? null,
      })),
    };
  });
}

/**
 * The negotiation still in progress stays open on every start: three weeks after `today` (WIB), at
 * the latest at the end of the term's first year (the rule of the extension route).
 */
export function extendedDeadline(year: number, today: Date): string {
  const inThreeWeeks = new Date(today.getTime() + 7 * 3600_000 + 21 * 86_400_000).toISOString().slice(0, 10);
  const endOfYear = `${year}-12-31`;
  return inThreeWeeks < endOfYear ? inThreeWeeks : endOfYear;
}

/** The plan's draft as the domain functions take it. */
export const planDraft = (plan: ProposalPlan, leadUnitId: string): ProposalDraft => ({
  ...plan.document,
  leadUnitId,
});

/** The rounds as the negotiation domain's offers. */
export const planOffers = (plan: ProposalPlan): Offer[] =>
  plan.rounds.map((r) => ({
    round: r.round,
    by: r.side,
    targets: r.targets,
    milestoneDeadlines: r.milestoneDeadlines,
    reason: r.reason,
    createdAt: r.at,
  }));

/**
 * When the negotiation ended (the answer, or the panel taking the bid as it is); null while it is open
 * or before it started.
 */
export const negotiationEnd = (plan: ProposalPlan): Date | null => plan.answer?.at ?? plan.agreedAsIsAt;

/**
 * The terms the pact records: for an agreement the accepted round over the bid (or the bid taken as
 * it is), for a refusal the panel's last offer over the bid.
 */
export function planOutcome(
  plan: ProposalPlan,
  draft: ProposalDraft,
): { kind: 'agreed'; terms: Terms } | { kind: 'refused'; terms: Terms; reason: string } | null {
  const original = termsFromDraft(draft);
  if (plan.agreedAsIsAt) return { kind: 'agreed', terms: original };
  if (!plan.answer) return null;
  const offers = planOffers(plan);
  if (plan.answer.kind === 'refuse') {
    const lastPanel = [...offers].reverse().find((o) => o.by === 'panel') ?? null;
    return { kind: 'refused', terms: offeredTerms(original, lastPanel), reason: plan.answer.reason ?? '' };
  }
  const answers: ClosingAnswer[] = [
    {
      round: plan.answer.round,
      by: plan.answer.side,
      kind: 'accept',
      reason: null,
      createdAt: plan.answer.at,
    },
  ];
  const terms = agreedTerms(original, offers, answers);
  if (!terms) throw new Error('Negosiasi demo tanpa kesepakatan');
  return { kind: 'agreed', terms };
}

// ---------------------------------------------------------------------------------------------
// Writing it

const CRITERION_NOTES: Record<string, [string, string, string]> = {
  baseline_data_quality: [
    'Titik nol lengkap dengan sumber dan rincian data pendukung.',
    'Titik nol jelas; rincian per kelurahan perlu diperbarui.',
    'Sumber titik nol belum kuat dan rinciannya belum lengkap.',
  ],
  target_ambition: [
    'Target menantang dan terukur setiap tahun.',
    'Target wajar, masih dapat dipercepat.',
    'Target terlalu landai dibanding titik nol.',
  ],
  mission_alignment: [
    'Sangat selaras dengan misi dan tema.',
    'Selaras dengan tema; kaitan ke sasaran misi perlu dipertegas.',
    'Kaitan dengan tema masih lemah.',
  ],
  feasibility_budget: [
    'Anggaran wajar dan jadwal kerja realistis.',
    'Anggaran wajar; beberapa tahapan perlu dirinci.',
    'Kebutuhan anggaran belum dirinci per kegiatan.',
  ],
  integration: [
    'Pembagian peran dengan unit lain jelas.',
    'Ada kolaborasi, pembagian peran perlu dipertegas.',
    'Belum melibatkan unit lain yang relevan.',
  ],
};

/** Panelist leanings: the first is the strictest. */
const PANEL_BIAS = [-3, 1, 3];

function panelistScores(
  r: Rng,
  rubric: readonly RubricCriterion[],
  base: readonly number[],
  panelist: number,
): CriterionScore[] {
  return rubric.map((c, i) => {
    const score = Math.max(0, Math.min(100, base[i] + PANEL_BIAS[panelist] + r.int(-4, 4)));
    const notes = CRITERION_NOTES[c.code] ?? ['Baik.', 'Cukup.', 'Perlu diperbaiki.'];
    return { criterionCode: c.code, score, note: notes[score >= 80 ? 0 : score >= 65 ? 1 : 2] };
  });
}

/** The calendar year of an instant in WIB (the demo region's zone). */
const wibYear = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).getUTCFullYear();
const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

export interface AuctionSeedContext {
  regionId: string;
  regionName: string;
  headTitle: string;
  cycleId: string;
  cycleName: string;
  startYear: number;
  rubric: readonly RubricCriterion[];
  themes: ReadonlyMap<string, { id: string; missionId: string }>;
  /** Mission names as the pact prints them (`Misi 1: ...`), by mission id. */
  missionNames: ReadonlyMap<string, string>;
  /** Work units by code. */
  units: ReadonlyMap<string, { id: string; name: string }>;
  /** The civil servant heading each unit, by unit code. */
  unitHeads: ReadonlyMap<string, { name: string; nip: string }>;
  /** The OPD head user of each unit with a proposal, by unit code. */
  opdHeads: ReadonlyMap<string, string>;
  /** Who started the draft, by unit code, when not the OPD head (the operator of Dinas Kesehatan). */
  drafters: ReadonlyMap<string, string>;
  headOfRegion: { userId: string; name: string };
  /** The three panelists, the strictest first. */
  panelists: readonly string[];
  today: Date;
}

/**
 * Writes the demo auction: proposals, sessions with panel and agenda, scores, negotiation rounds and
 * answers, pacts, contracts with versions, rows and amendments, and one audit entry. A fixed seed, so
 * the demo is the same on every start for a given date.
 */
export async function seedDemoAuction(
  tx: Tx,
  ctx: AuctionSeedContext,
): Promise<{ proposals: number; sessions: number; pacts: number; contracts: number }> {
  const r = rng(2018_12_08);
  const { regionId, startYear } = ctx;
  const l = startYear - 1;
  const unitIds = new Map([...ctx.units].map(([code, u]) => [code, u.id]));
  const plans = demoAuctionPlan(startYear, { units: unitIds, themes: ctx.themes }, ctx.today);
  const opdHead = (code: string) => {
    const id = ctx.opdHeads.get(code);
    if (!id) throw new Error(`Kepala OPD demo untuk unit ${code} tidak ada`);
    return id;
  };
  const walikota = ctx.headOfRegion.userId;

  // The two session days at the command center, chaired by the head of region, with the panel.
  const sessionDates = [`${l}-11-12`, `${l}-11-13`];
  const sessionRows = await tx
    .insert(auctionSessions)
    .values(
      sessionDates.map((date, i) => ({
        regionId,
        cycleId: ctx.cycleId,
        title: `Sidang Lelang Kinerja hari ${i === 0 ? 'pertama' : 'kedua'}`,
        date,
        place: DEMO_SESSION_PLACE,
        chairUserId: walikota,
        // A session stays open while a proposal on its agenda is still being scored.
        status: plans.some((p) => p.session?.index === i && p.status === 'in_session')
          ? 'in_progress'
          : 'closed',
        createdAt: wibAt(l, '11-03 09:00'),
        updatedAt: wibAt(l, '11-06 15:00'),
      })),
    )
    .returning({ id: auctionSessions.id, date: auctionSessions.date });
  const sessionIds = sessionDates.map((d) => sessionRows.find((s) => s.date === d)!.id);
  await tx
    .insert(sessionPanelists)
    .values(
      sessionIds.flatMap((sessionId) => ctx.panelists.map((userId) => ({ regionId, sessionId, userId }))),
    );

  // When each proposal was presented, and when its scoring ended.
  const presentedAt = (p: ProposalPlan) => (p.session ? wibAt(l, `11-${12 + p.session.index} 08:30`) : null);
  const scoreTime = (p: ProposalPlan, panelist: number) =>
    addMinutes(presentedAt(p)!, p.session!.position * 40 + 25 + panelist * 4);
  const scheduledAt = wibAt(l, '11-06 15:00');
  const lastEvent = (p: ProposalPlan): Date => {
    const events = [
      p.createdAt,
      p.submittedAt,
      p.session ? scheduledAt : null,
      p.scoring ? scoreTime(p, p.scoring.submittedBy - 1) : null,
      ...p.rounds.map((x) => x.at),
      negotiationEnd(p),
      p.signatures?.opdHead ?? null,
      p.signatures?.headOfRegion ?? null,
    ].filter((d): d is Date => d !== null);
    return new Date(Math.max(...events.map((d) => d.getTime())));
  };

  const proposalRows = await tx
    .insert(proposals)
    .values(
      plans.map((p) => ({
        regionId,
        cycleId: ctx.cycleId,
        leadWorkUnitId: unitIds.get(p.unitCode)!,
        collaboratorUnitIds: p.document.collaborators.map((c) => c.unitId),
        title: p.document.title,
        status: p.status,
        document: p.document,
        submittedAt: p.submittedAt,
        submittedBy: p.submittedAt ? opdHead(p.unitCode) : null,
        createdBy: ctx.drafters.get(p.unitCode) ?? opdHead(p.unitCode),
        negotiationDeadline: p.negotiationExtension?.deadline ?? null,
        negotiationExtensionReason: p.negotiationExtension?.reason ?? null,
        createdAt: p.createdAt,
        updatedAt: lastEvent(p),
      })),
    )
    .returning({ id: proposals.id, unitId: proposals.leadWorkUnitId });
  const proposalId = (p: ProposalPlan) =>
    proposalRows.find((row) => row.unitId === unitIds.get(p.unitCode))!.id;

  const scheduled = plans.filter((p) => p.session);
  await tx.insert(sessionAgenda).values(
    scheduled.map((p) => ({
      regionId,
      sessionId: sessionIds[p.session!.index],
      proposalId: proposalId(p),
      position: p.session!.position,
    })),
  );

  // Scores: every panelist for scored proposals, some for the one still in session.
  const sheets = new Map<ProposalPlan, { panelist: string; scores: CriterionScore[]; at: Date }[]>();
  for (const p of scheduled) {
    if (!p.scoring) continue;
    sheets.set(
      p,
      ctx.panelists.slice(0, p.scoring.submittedBy).map((panelist, i) => ({
        panelist,
        scores: panelistScores(r, ctx.rubric, p.scoring!.base, i),
        at: scoreTime(p, i),
      })),
    );
  }
  await tx.insert(proposalScores).values(
    [...sheets].flatMap(([p, list]) =>
      list.map((s) => ({
        regionId,
        proposalId: proposalId(p),
        sessionId: sessionIds[p.session!.index],
        panelistUserId: s.panelist,
        scores: s.scores,
        submittedAt: s.at,
        createdAt: addMinutes(s.at, -20),
        updatedAt: s.at,
      })),
    ),
  );
  const panelScore = (p: ProposalPlan) =>
    aggregate(
      ctx.rubric,
      (sheets.get(p) ?? []).map((s) => ({
        panelistId: s.panelist,
        conflict: false,
        submitted: true,
        scores: s.scores,
      })),
    ).score;

  // The negotiation.
  const sideUser = (p: ProposalPlan, side: Side) => (side === 'panel' ? walikota : opdHead(p.unitCode));
  const roundRows = plans.flatMap((p) =>
    p.rounds.map((x) => ({
      regionId,
      proposalId: proposalId(p),
      round: x.round,
      side: x.side,
      targets: x.targets,
      milestoneDeadlines: x.milestoneDeadlines,
      reason: x.reason,
      createdBy: sideUser(p, x.side),
      createdAt: x.at,
    })),
  );
  if (roundRows.length) await tx.insert(negotiationRounds).values(roundRows);
  const answerRows = plans.flatMap((p) =>
    p.answer
      ? [
          {
            regionId,
            proposalId: proposalId(p),
            round: p.answer.round,
            side: p.answer.side,
            kind: p.answer.kind,
            reason: p.answer.reason,
            createdBy: sideUser(p, p.answer.side),
            createdAt: p.answer.at,
          },
        ]
      : [],
  );
  if (answerRows.length) await tx.insert(negotiationAnswers).values(answerRows);

  // Pacts, numbered in the order the negotiations ended.
  const ended = plans
    .filter((p) => negotiationEnd(p) && ['agreed', 'refused', 'signed'].includes(p.status))
    .sort((a, b) => negotiationEnd(a)!.getTime() - negotiationEnd(b)!.getTime());
  const pactPlans = ended.map((p, i) => {
    const unit = ctx.units.get(p.unitCode)!;
    const draft = planDraft(p, unit.id);
    const outcome = planOutcome(p, draft)!;
    const issuedAt = negotiationEnd(p)!;
    const head = ctx.unitHeads.get(p.unitCode);
    const theme = [...ctx.themes].find(([, t]) => t.id === p.document.themeId);
    const content: PactContent = buildPactContent(
      {
        number: pactNumber(i + 1, p.unitCode, wibYear(issuedAt)),
        regionName: ctx.regionName,
        cycleName: ctx.cycleName,
        term: { startYear, endYear: startYear + 4 },
        unit: { code: p.unitCode, name: unit.name },
        opdHead: { name: head?.name ?? '', nip: head?.nip ?? null },
        headOfRegion: { name: ctx.headOfRegion.name, title: ctx.headTitle },
        missionName: ctx.missionNames.get(p.document.missionId ?? '') ?? null,
        themeName: theme ? theme[0] : null,
        score: panelScore(p),
        rounds: p.rounds.length,
        issuedAt,
      },
      draft,
      outcome,
    );
    const bytes = Uint8Array.from({ length: 12 }, () => r.int(0, 255));
    return { plan: p, draft, outcome, content, sequence: i + 1, code: verificationCode(bytes), issuedAt };
  });
  const pactRows = await tx
    .insert(pacts)
    .values(
      pactPlans.map((x) => {
        const sig = x.plan.signatures;
        return {
          regionId,
          proposalId: proposalId(x.plan),
          cycleId: ctx.cycleId,
          workUnitId: unitIds.get(x.plan.unitCode)!,
          sequence: x.sequence,
          number: x.content.number,
          verificationCode: x.code,
          outcome: x.outcome.kind,
          content: x.content,
          contentHash: pactHash(x.content),
          opdHeadSignedAt: sig?.opdHead ?? null,
          opdHeadSignedBy: sig?.opdHead ? opdHead(x.plan.unitCode) : null,
          headOfRegionSignedAt: sig?.headOfRegion ?? null,
          headOfRegionSignedBy: sig?.headOfRegion ? walikota : null,
          version: 1 + (sig?.opdHead ? 1 : 0) + (sig?.headOfRegion ? 1 : 0),
          createdAt: x.issuedAt,
          updatedAt: lastEvent(x.plan),
        };
      }),
    )
    .returning({ id: pacts.id, proposalId: pacts.proposalId });

  // Contracts of the signed proposals.
  const signed = pactPlans.filter((x) => x.plan.status === 'signed');
  const signedAt = (p: ProposalPlan) =>
    new Date(Math.max(p.signatures!.opdHead!.getTime(), p.signatures!.headOfRegion!.getTime()));
  const contractRowsOut = signed.length
    ? await tx
        .insert(contracts)
        .values(
          signed.map((x) => ({
            regionId,
            proposalId: proposalId(x.plan),
            pactId: pactRows.find((row) => row.proposalId === proposalId(x.plan))!.id,
            cycleId: ctx.cycleId,
            workUnitId: unitIds.get(x.plan.unitCode)!,
            themeId: x.plan.document.themeId,
            title: x.plan.document.title,
            currentVersion: 1 + x.plan.amendments.filter((a) => a.status === 'approved').length,
            signedAt: signedAt(x.plan),
            version: 1 + x.plan.amendments.filter((a) => a.status === 'approved').length,
            createdAt: signedAt(x.plan),
            // An approved amendment moves the contract to its new version.
            updatedAt: new Date(
              Math.max(
                signedAt(x.plan).getTime(),
                ...x.plan.amendments
                  .filter((a) => a.status === 'approved')
                  .map((a) => a.decidedAt!.getTime()),
              ),
            ),
          })),
        )
        .returning({ id: contracts.id, proposalId: contracts.proposalId })
    : [];
  const contractId = (p: ProposalPlan) => contractRowsOut.find((row) => row.proposalId === proposalId(p))!.id;

  // Each amendment is proposed against the version current at the time.
  const amendmentInputs = signed.flatMap((x) =>
    x.plan.amendments.map((a, i) => ({
      x,
      a,
      baseVersion: 1 + x.plan.amendments.slice(0, i).filter((b) => b.status === 'approved').length,
    })),
  );
  const amendmentRows = amendmentInputs.length
    ? await tx
        .insert(contractAmendments)
        .values(
          amendmentInputs.map(({ x, a, baseVersion }) => ({
            regionId,
            contractId: contractId(x.plan),
            baseVersion,
            changes: a.changes,
            reason: a.reason,
            status: a.status,
            proposedBy: opdHead(x.plan.unitCode),
            decidedBy: a.decidedAt ? walikota : null,
            decidedAt: a.decidedAt,
            decisionReason: a.decisionReason,
            version: a.decidedAt ? 2 : 1,
            createdAt: a.proposedAt,
            updatedAt: a.decidedAt ?? a.proposedAt,
          })),
        )
        .returning({
          id: contractAmendments.id,
          contractId: contractAmendments.contractId,
          baseVersion: contractAmendments.baseVersion,
          status: contractAmendments.status,
        })
    : [];

  // Versions: 1 as signed, then one per approved amendment; the rows follow the last version.
  const versionRows: (typeof contractVersions.$inferInsert)[] = [];
  const indicatorRows: (typeof contractIndicators.$inferInsert)[] = [];
  const targetRows: (typeof contractTargets.$inferInsert)[] = [];
  const milestoneRows: (typeof contractMilestones.$inferInsert)[] = [];
  for (const x of signed) {
    const id = contractId(x.plan);
    let terms = x.outcome.terms;
    versionRows.push({ regionId, contractId: id, version: 1, terms, createdAt: signedAt(x.plan) });
    let version = 1;
    for (const a of x.plan.amendments) {
      if (a.status !== 'approved') continue;
      const amendment = amendmentRows.find(
        (row) => row.contractId === id && row.baseVersion === version && row.status === 'approved',
      )!;
      terms = applyTerms(terms, a.changes);
      version += 1;
      versionRows.push({
        regionId,
        contractId: id,
        version,
        terms,
        amendmentId: amendment.id,
        createdAt: a.decidedAt!,
      });
    }
    const rows = contractRows(regionId, id, x.draft, terms);
    indicatorRows.push(...rows.indicators);
    targetRows.push(...rows.targets);
    milestoneRows.push(...rows.milestones);
  }
  if (versionRows.length) await tx.insert(contractVersions).values(versionRows);
  if (indicatorRows.length) await tx.insert(contractIndicators).values(indicatorRows);
  if (targetRows.length) await tx.insert(contractTargets).values(targetRows);
  if (milestoneRows.length) await tx.insert(contractMilestones).values(milestoneRows);

  await appendAudit(tx, regionId, null, {
    action: 'seed.demo_auction',
    entityType: 'cycle',
    entityId: ctx.cycleId,
    summary:
      `Data demo lelang dimuat: ${plans.length} usulan, ${sessionIds.length} sidang, ` +
      `${roundRows.length} putaran negosiasi, ${pactRows.length} pakta integritas, ` +
      `${contractRowsOut.length} kontrak`,
  });
  return {
    proposals: plans.length,
    sessions: sessionIds.length,
    pacts: pactRows.length,
    contracts: contractRowsOut.length,
  };
}
