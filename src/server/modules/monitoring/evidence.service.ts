import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Database, Tx } from '../../db/client.js';
import { evidenceFiles } from '../../db/schema.js';
import { AppError, fieldError } from '../../platform/errors.js';
import {
  displayName,
  EVIDENCE_TYPES,
  removeEvidenceFile,
  sha256,
  sniffEvidence,
  storeEvidence,
  type EvidenceType,
} from '../../platform/evidence.js';
import type { Actor } from '../../platform/policy.js';

/** Files of evidence one realization or milestone may hold. */
export const MAX_EVIDENCE_FILES = 10;

/** An uploaded file already written to the store, waiting for its row. */
export interface StoredEvidence {
  id: string;
  type: EvidenceType;
  /** The name to show (cleaned of paths and control characters). */
  name: string;
  /** "PDF", "JPG" or "PNG", for messages. */
  typeLabel: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The common path of an evidence upload: the type from the magic bytes (else 415 with a field
 * message), the bytes written under a new generated id, then `attach` in one transaction; when
 * anything fails the stored file is removed again, so no file is left without its row.
 */
export async function withStoredEvidence<T>(
  database: Database,
  config: Config,
  actor: Actor,
  file: { name: string; data: Buffer },
  attach: (tx: Tx, stored: StoredEvidence) => Promise<T>,
): Promise<T> {
  const type = sniffEvidence(file.data);
  if (!type)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Berkas bukti harus PDF, JPG atau PNG', [
      { path: 'file', message: 'Berkas bukti harus PDF, JPG atau PNG' },
    ]);
  const id = randomUUID();
  await storeEvidence(config.EVIDENCE_DIR, actor.regionId, id, file.data);
  try {
    return await database.db.transaction((tx) =>
      attach(tx, {
        id,
        type,
        name: displayName(file.name),
        typeLabel: EVIDENCE_TYPES[type],
        sizeBytes: file.data.length,
        sha256: sha256(file.data),
      }),
    );
  } catch (err) {
    await removeEvidenceFile(config.EVIDENCE_DIR, actor.regionId, id);
    throw err;
  }
}

/** Writes the row of a stored file for its owner, within the limit of files per owner. */
export async function insertEvidenceRow(
  tx: Tx,
  actor: Actor,
  owner: { type: 'realization' | 'milestone' | 'sanction_appeal'; id: string; noun: string },
  stored: StoredEvidence,
  now: Date,
) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.regionId, actor.regionId),
        eq(evidenceFiles.ownerType, owner.type),
        eq(evidenceFiles.ownerId, owner.id),
      ),
    );
  if (n >= MAX_EVIDENCE_FILES)
    throw fieldError('file', `Paling banyak ${MAX_EVIDENCE_FILES} berkas bukti per ${owner.noun}`);
  await tx.insert(evidenceFiles).values({
    id: stored.id,
    regionId: actor.regionId,
    ownerType: owner.type,
    ownerId: owner.id,
    originalName: stored.name,
    contentType: stored.type,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    uploadedBy: actor.userId,
    createdAt: now,
  });
}
