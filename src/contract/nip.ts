/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM,
 * sex digit (1 male, 2 female), serial NNN. Pure; shared by server validation, forms and the seed.
 */
export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  appointment: string; // YYYY-MM
  sex: 'male' | 'female';
  serial: number;
}

export type NipCheck = { ok: true; parts: NipParts } | { ok: false; message: string };

function isValidDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Minimum age at appointment: CPNS applicants are at least 18 (UU ASN). */
const MIN_AGE_AT_APPOINTMENT = 18;
const MAX_AGE_AT_APPOINTMENT = 60;

/**
 * Checks an NIP and explains the first problem in Bahasa Indonesia. `today` is passed in so the
 * check stays pure (an appointment in the future is not plausible).
 */
export function checkNip(raw: string, today: Date = new Date()): NipCheck {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d+$/.test(nip)) return { ok: false, message: 'NIP hanya boleh berisi angka' };
  if (nip.length !== 18) return { ok: false, message: `NIP harus 18 digit (terisi ${nip.length})` };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sexDigit = nip[14];
  const serial = Number(nip.slice(15, 18));
  const thisYear = today.getUTCFullYear();
  if (!isValidDate(by, bm, bd) || by < 1940 || by > thisYear - MIN_AGE_AT_APPOINTMENT) {
    return { ok: false, message: 'Tanggal lahir pada NIP (digit 1-8) tidak masuk akal' };
  }
  if (am < 1 || am > 12 || ay < 1960) {
    return { ok: false, message: 'Tanggal pengangkatan pada NIP (digit 9-14) tidak valid' };
  }
  const ageAtAppointment = ay - by - (am < bm ? 1 : 0);
  if (ageAtAppointment < MIN_AGE_AT_APPOINTMENT || ageAtAppointment > MAX_AGE_AT_APPOINTMENT) {
    return { ok: false, message: 'Tanggal pengangkatan pada NIP tidak sesuai dengan tanggal lahir' };
  }
  if (ay * 12 + am > thisYear * 12 + today.getUTCMonth() + 1) {
    return { ok: false, message: 'Tanggal pengangkatan pada NIP berada di masa depan' };
  }
  if (sexDigit !== '1' && sexDigit !== '2') {
    return { ok: false, message: 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2' };
  }
  if (serial < 1) return { ok: false, message: 'Nomor urut pada NIP (digit 16-18) tidak boleh 000' };
  return {
    ok: true,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      sex: sexDigit === '1' ? 'male' : 'female',
      serial,
    },
  };
}
