// Property: whatever bytes a file holds, an import either lands a whole, consistent batch or
// refuses with a TendError and leaves the database exactly as it was — never a partial batch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TendError } from '../../../shared/errors';
import { importSetup } from './helpers';

describe('importing arbitrary files', () => {
  it('lands a whole batch or nothing, for random bytes and random CSV-ish text', async () => {
    const env = await importSetup();
    let n = 0;
    const csvish = fc
      .array(fc.constantFrom('External ID', 'Name', 'a', 'é', '"', ',', ';', '\n', '\r\n', '1', '2024-01-0', '€', ' '), { maxLength: 300 })
      .map((parts) => new TextEncoder().encode(parts.join('')));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), csvish), fc.boolean(), async (bytes, strict) => {
        const file = env.write(`random-${n++}.csv`, Buffer.from(bytes));
        const before = env.fingerprint();
        const batchesBefore = env.count('import_batches');
        try {
          const result = await env.importer.run({ kind: 'accounts', file, strict });
          // Landed: one new batch whose counts match the rows that point at it.
          expect(env.count('import_batches')).toBe(batchesBefore + 1);
          const pointing = env.rows<{ n: number }>('SELECT count(*) AS n FROM accounts WHERE import_batch_id = ?', result.batchId)[0].n;
          expect(pointing).toBe(result.inserted + result.updated);
          expect(result.skipped).toBe(new Set(result.errors.map((e) => e.row)).size);
          if (strict) expect(result.errors).toEqual([]);
        } catch (err) {
          expect(err).toBeInstanceOf(TendError);
          expect(env.fingerprint()).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
