// Batches are undone newest first where they overlap: a batch cannot be undone while a later batch
// (import or capture) still holds a before-image of a row it wrote — undoing it would lose that
// later change. Shared by import undo (write.ts) and capture undo (capture/undo.ts).
import type { Database } from 'better-sqlite3';
import { TendError } from '../../../shared/errors';

/** Refuses, changing nothing, when later batches changed rows `batchId` wrote (`rows` words them). */
export function refuseIfLaterBatchesChanged(sqlite: Database, batchId: number, label: string, rows: string): void {
  const later = sqlite
    .prepare(
      `SELECT DISTINCT b.id FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
       WHERE b.undone_at IS NULL AND c.batch_id <> ? AND c.before IS NOT NULL
         AND json_extract(c.before, '$.import_batch_id') = ? ORDER BY b.id`,
    )
    .pluck()
    .all(batchId, batchId) as number[];
  if (later.length === 0) return;
  throw new TendError(
    'conflict',
    `${label} cannot be undone yet: import${later.length > 1 ? 's' : ''} ${later.map((id) => `#${id}`).join(', ')} later changed ${rows} it wrote. Undo ${later.length > 1 ? 'those' : 'that one'} first. Nothing was changed.`,
    { batchId, laterBatches: later },
  );
}
