import { checkNip } from '../../contract/nip.js';
import type { Rng } from './random.js';

/**
 * Builders of plain rows, shared by the demo seed and the tests (`buildX(overrides)`). Names of
 * people are generated from common given names and family names; they name nobody real.
 */
const maleNames = [
  'Agus',
  'Bambang',
  'Budi',
  'Dedi',
  'Eko',
  'Fajar',
  'Hadi',
  'Hendra',
  'Imam',
  'Joko',
  'Kurniawan',
  'Made',
  'Nur',
  'Rudi',
  'Slamet',
  'Teguh',
  'Wahyu',
  'Yudi',
  'Arif',
  'Bayu',
  'Dimas',
  'Rizky',
  'Andi',
  'Gilang',
  'Hari',
  'Ilham',
  'Lukman',
  'Mochamad',
  'Rahmat',
  'Sigit',
];
const femaleNames = [
  'Ani',
  'Dewi',
  'Endah',
  'Fitri',
  'Indah',
  'Kartika',
  'Lestari',
  'Maya',
  'Nining',
  'Puji',
  'Ratna',
  'Sri',
  'Tri',
  'Wulan',
  'Yuni',
  'Ayu',
  'Diah',
  'Eka',
  'Hana',
  'Intan',
  'Lina',
  'Novi',
  'Putri',
  'Rina',
  'Siti',
  'Umi',
  'Wahyuni',
  'Yeni',
  'Zahra',
  'Nurul',
];
const familyNames = [
  'Santoso',
  'Wibowo',
  'Susanto',
  'Prasetyo',
  'Hidayat',
  'Setiawan',
  'Kusuma',
  'Purnomo',
  'Wijaya',
  'Saputra',
  'Nugroho',
  'Rahayu',
  'Handayani',
  'Suryani',
  'Pratama',
  'Utomo',
  'Firmansyah',
  'Hartono',
  'Sulistyo',
  'Permana',
  'Anggraini',
  'Maharani',
  'Lestari',
  'Ramadhan',
  'Gunawan',
  'Syahputra',
  'Wardani',
  'Mulyadi',
  'Haryanto',
  'Budiman',
];

export const pnsRanks = [
  'Pengatur (II/c)',
  'Pengatur Tk. I (II/d)',
  'Penata Muda (III/a)',
  'Penata Muda Tk. I (III/b)',
  'Penata (III/c)',
  'Penata Tk. I (III/d)',
  'Pembina (IV/a)',
  'Pembina Tk. I (IV/b)',
  'Pembina Utama Muda (IV/c)',
];
export const pppkRanks = ['Golongan V', 'Golongan VII', 'Golongan IX', 'Golongan X'];
export const positions = [
  'Analis Kebijakan',
  'Pranata Komputer',
  'Pengelola Keuangan',
  'Analis Sumber Daya Manusia Aparatur',
  'Perencana',
  'Arsiparis',
  'Pengadministrasi Umum',
  'Bendahara',
  'Auditor',
  'Penyuluh',
  'Guru',
  'Perawat',
  'Bidan',
  'Dokter',
  'Teknik Jalan dan Jembatan',
  'Pengelola Data',
  'Statistisi',
  'Kepala Sub Bagian Umum',
  'Kepala Seksi',
  'Kepala Bidang',
];

export function buildName(r: Rng, sex: 'male' | 'female'): string {
  const given = r.pick(sex === 'male' ? maleNames : femaleNames);
  return r.chance(0.15) ? given : `${given} ${r.pick(familyNames)}`;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A plausible NIP: born 1966-2000, appointed between 22 and 35 years old and not after `today`. */
export function buildNip(
  r: Rng,
  opts: { sex?: 'male' | 'female'; today?: Date; serial?: number } = {},
): string {
  const today = opts.today ?? new Date();
  for (;;) {
    const by = r.int(1966, Math.min(2000, today.getUTCFullYear() - 23));
    const bm = r.int(1, 12);
    const bd = r.int(1, 28);
    const ay = Math.min(by + r.int(22, 35), today.getUTCFullYear() - 1);
    const am = r.int(1, 12);
    const sex = opts.sex ?? (r.chance(0.5) ? 'male' : 'female');
    const nip = `${by}${pad(bm, 2)}${pad(bd, 2)}${ay}${pad(am, 2)}${sex === 'male' ? 1 : 2}${pad(opts.serial ?? r.int(1, 999), 3)}`;
    if (checkNip(nip, today).ok) return nip;
  }
}

export interface CivilServantSeed {
  nip: string;
  name: string;
  rankGrade: string;
  position: string;
  employmentType: 'PNS' | 'PPPK';
  birthDate: string;
  sex: 'male' | 'female';
  email: string | null;
  phone: string | null;
}

export function buildCivilServant(
  r: Rng,
  overrides: Partial<CivilServantSeed> = {},
  today = new Date(),
): CivilServantSeed {
  const sex = overrides.sex ?? (r.chance(0.52) ? 'female' : 'male');
  const nip = overrides.nip ?? buildNip(r, { sex, today });
  const parts = checkNip(nip, today);
  if (!parts.ok) throw new Error(`buildCivilServant: ${parts.message}`);
  const employmentType = overrides.employmentType ?? (r.chance(0.2) ? 'PPPK' : 'PNS');
  const name = overrides.name ?? buildName(r, sex);
  return {
    nip,
    name,
    rankGrade: r.pick(employmentType === 'PNS' ? pnsRanks : pppkRanks),
    position: r.pick(positions),
    employmentType,
    birthDate: parts.parts.birthDate,
    sex: parts.parts.sex,
    email: r.chance(0.7)
      ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${nip.slice(-4)}@malangkota.go.id`
      : null,
    phone: r.chance(0.6) ? `08${r.int(11, 59)}${pad(r.int(0, 99999999), 8)}` : null,
    ...overrides,
  };
}

export interface WorkUnitSeed {
  code: string;
  name: string;
  kind: string;
}

export function buildWorkUnit(n: number, overrides: Partial<WorkUnitSeed> = {}): WorkUnitSeed {
  return { code: `9.${pad(n, 2)}.01`, name: `Unit Uji ${n}`, kind: 'dinas', ...overrides };
}
