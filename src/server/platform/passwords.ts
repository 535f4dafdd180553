import argon2 from 'argon2';

/**
 * argon2id with explicit OWASP parameters (m = 19 MiB, t = 2, p = 1); the stored PHC string carries
 * them and a test asserts them, so a library default change cannot weaken hashing silently.
 */
export const ARGON2_PARAMS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | null = null;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('lelang-kinerja-dummy-password');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

/** A short list of the most common passwords (ASVS 6.1.2 asks to refuse them); lower-cased. */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'password1234',
  'passwordpassword',
  'qwertyuiop12',
  'qwerty123456',
  '111111111111',
  '000000000000',
  'iloveyou1234',
  'admin1234567',
  'administrator',
  'welcome12345',
  'bismillah123',
  'bismillah1234',
  'indonesia123',
  'indonesia1234',
  'jakarta12345',
  'malang123456',
  'katasandi123',
  'katasandi1234',
  'rahasia12345',
  'passw0rd1234',
  'abcdefghijkl',
  'abc123456789',
  'p@ssw0rd1234',
  'superman1234',
  'letmein12345',
  'football1234',
  'sayangku1234',
  'password123!',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}
