import { describe, expect, it } from 'vitest';
import { checkNip } from './nip.js';

const today = new Date('2026-11-28T00:00:00Z');

describe('checkNip', () => {
  it('accepts a plausible NIP and splits it', () => {
    const r = checkNip('198503142010011002', today);
    expect(r).toEqual({
      ok: true,
      parts: { birthDate: '1985-03-14', appointment: '2010-01', sex: 'male', serial: 2 },
    });
  });

  it('reads the sex digit 2 as female and ignores spaces', () => {
    const r = checkNip('19900101 201503 2 001', today);
    expect(r.ok && r.parts.sex).toBe('female');
  });

  it.each([
    ['19850314201001100', 'NIP harus 18 digit (terisi 17)'],
    ['1985031420100110021', 'NIP harus 18 digit (terisi 19)'],
    ['19850314201001100A', 'NIP hanya boleh berisi angka'],
    ['198502302010011002', 'Tanggal lahir pada NIP (digit 1-8) tidak masuk akal'],
    ['193912312010011002', 'Tanggal lahir pada NIP (digit 1-8) tidak masuk akal'],
    ['198513012010011002', 'Tanggal lahir pada NIP (digit 1-8) tidak masuk akal'],
    ['198503142010131002', 'Tanggal pengangkatan pada NIP (digit 9-14) tidak valid'],
    ['198503142010001002', 'Tanggal pengangkatan pada NIP (digit 9-14) tidak valid'],
    ['198503142000011002', 'Tanggal pengangkatan pada NIP tidak sesuai dengan tanggal lahir'],
    ['198503142010013002', 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2'],
    ['198503142010010002', 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2'],
    ['198503142010011000', 'Nomor urut pada NIP (digit 16-18) tidak boleh 000'],
    ['200001012026121001', 'Tanggal pengangkatan pada NIP berada di masa depan'],
  ])('refuses %s: %s', (nip, message) => {
    expect(checkNip(nip, today)).toEqual({ ok: false, message });
  });

  it('takes the appointment month into account for the age at appointment', () => {
    // Born March 1985: appointed February 2003 is 17 years old, March 2003 is 18.
    expect(checkNip('198503142003021001', today).ok).toBe(false);
    expect(checkNip('198503142003031001', today).ok).toBe(true);
  });

  it('accepts an appointment in the current month but not next month', () => {
    expect(checkNip('199001012026111001', today).ok).toBe(true);
    expect(checkNip('199001012026121001', today).ok).toBe(false);
  });
});
