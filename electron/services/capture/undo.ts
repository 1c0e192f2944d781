// Undoing a capture batch, the way an import is undone (importer/write.ts undoImportBatch, which
// hands capture batches here): in one transaction, the touches it wrote go (their contact links with
// them), the contacts it created go, and the contacts its cards updated get their before-images
// back. It refuses, changing nothing, when a later import changed those contacts (undo that first)
// or when touches, surveys or links from elsewhere now hang off a contact it created.
import type { Database } from 'better-sqlite3';
import { TendError } from '../../../shared/errors';
import { refuseIfLaterBatchesChanged } from '../importer/undo-order';

export interface CaptureUndo {
  batchId: number;
  removed: number;
  restored: number;
  accountIds: number[];
}

export function undoCaptureBatch(sqlite: Database, batch: { id: number; fileName: string }, now: string): CaptureUndo {
  const label = `Capture #${batch.id} (from ${batch.fileName})`;
  refuseIfLaterBatchesChanged(sqlite, batch.id, label, 'contacts');

  const imaged = `SELECT row_id FROM import_changes WHERE batch_id = @batch AND table_name = 'contacts' AND before IS NOT NULL`;
  const created = `SELECT id FROM contacts WHERE import_batch_id = @batch AND id NOT IN (${imaged})`;
  const foreignLinks = sqlite
    .prepare(
      `SELECT count(*) FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
       WHERE tc.contact_id IN (${created}) AND t.import_batch_id IS NOT @batch`,
    )
    .pluck()
    .get({ batch: batch.id }) as number;
  const surveys = sqlite.prepare(`SELECT count(*) FROM survey_responses WHERE contact_id IN (${created})`).pluck().get({ batch: batch.id }) as number;
  if (foreignLinks || surveys) {
    const blockers = [
      foreignLinks ? `${foreignLinks} touch${foreignLinks === 1 ? '' : 'es'}` : '',
      surveys ? `${surveys} survey response${surveys === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    const batches = sqlite
      .prepare(
        `SELECT DISTINCT t.import_batch_id FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
         WHERE tc.contact_id IN (${created}) AND t.import_batch_id IS NOT NULL AND t.import_batch_id <> @batch ORDER BY 1`,
      )
      .pluck()
      .all({ batch: batch.id }) as number[];
    const first = batches.length ? `Undo ${batches.map((id) => `#${id}`).join(', ')} first` : 'Remove those people from them first';
    throw new TendError(
      'conflict',
      `${label} cannot be undone yet: contacts it added now appear in ${blockers.join(' and ')} that ${batches.length ? 'later captures or imports' : 'you'} added, and would lose them. ${first}, then try again. Nothing was changed.`,
      { batchId: batch.id, blockingBatches: batches },
    );
  }

  const accountIds = new Set<number>();
  let removed = 0;
  let restored = 0;
  sqlite.transaction(() => {
    for (const id of sqlite.prepare('SELECT DISTINCT account_id FROM touches WHERE import_batch_id = ?').pluck().all(batch.id) as number[]) accountIds.add(id);
    for (const id of sqlite.prepare('SELECT DISTINCT account_id FROM contacts WHERE import_batch_id = ?').pluck().all(batch.id) as number[]) accountIds.add(id);
    // Touch links go with their touches (ON DELETE CASCADE).
    removed += sqlite.prepare("DELETE FROM touches WHERE import_batch_id = ? AND source IN ('calendar', 'email')").run(batch.id).changes;
    removed += sqlite.prepare(`DELETE FROM contacts WHERE id IN (${created})`).run({ batch: batch.id }).changes;
    const columns = new Set((sqlite.prepare("SELECT name FROM pragma_table_info('contacts')").pluck().all() as string[]).filter((c) => c !== 'id'));
    const images = sqlite
      .prepare("SELECT row_id AS rowId, before FROM import_changes WHERE batch_id = ? AND table_name = 'contacts' AND before IS NOT NULL")
      .all(batch.id) as { rowId: number; before: string }[];
    for (const image of images) {
      const before = JSON.parse(image.before) as Record<string, string | number | null>;
      const names = Object.keys(before).filter((c) => columns.has(c));
      restored += sqlite.prepare(`UPDATE contacts SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...names.map((c) => before[c]), image.rowId).changes;
      if (typeof before.account_id === 'number') accountIds.add(before.account_id);
    }
    sqlite.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(now, batch.id);
  })();
  const exists = sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  return { batchId: batch.id, removed, restored, accountIds: [...accountIds].filter((id) => exists.get(id) !== undefined) };
}
