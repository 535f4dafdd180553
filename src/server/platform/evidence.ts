import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Evidence files: the type is read from the first bytes (never from the name or the declared type),
 * and files live outside the web root under their generated id, so an upload can neither be served
 * as something else nor overwrite another.
 */

export const EVIDENCE_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

/** The content type by magic bytes, or null when the file is none of PDF, JPEG, PNG. */
export function sniffEvidence(data: Uint8Array): EvidenceType | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** A display name safe to keep and to send back in a header: no path, no control characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'berkas').slice(0, 200);
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Where one stored file lives: `<dir>/<region>/<id>` (ids are UUIDs the server generated). */
function fileOf(dir: string, regionId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(regionId) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('invalid id');
  return path.join(dir, regionId, id);
}

/** Writes atomically (temporary name, then rename). */
export async function storeEvidence(dir: string, regionId: string, id: string, data: Uint8Array) {
  const target = fileOf(dir, regionId, id);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomUUID()}.tmp`;
  await writeFile(tmp, data, { flag: 'wx' });
  await rename(tmp, target);
}

export const readEvidence = (dir: string, regionId: string, id: string) =>
  readFile(fileOf(dir, regionId, id));

export const removeEvidenceFile = (dir: string, regionId: string, id: string) =>
  rm(fileOf(dir, regionId, id), { force: true });
