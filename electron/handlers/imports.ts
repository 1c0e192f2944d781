// Handlers of the imports channels (shared/contracts/imports.ts). Outputs are parsed through the
// contract so nothing beyond it (such as a file's full path) reaches the renderer.
import fs from 'node:fs';
import { importBatch, importJob, importPreview, type importsContract } from '../../shared/contracts/imports';
import { TendError } from '../../shared/errors';
import { exportKindCsv, toCsv } from '../services/importer/export';
import { describeDelimiter, inspectCsv, readHeader } from '../services/importer/read';
import type { RowError } from '../services/importer';
import type { GetServices, HandlerEnv, HandlersOf } from './types';

const CSV = [{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }];

const isFileDetails = (details: unknown): details is Record<string, unknown> =>
  typeof details === 'object' && details !== null && 'file' in details && !('headers' in details);

/** The headers and dialect of a file, or null when it cannot be read (its own error is clearer). */
async function readFileHeader(file: string) {
  try {
    const csv = await inspectCsv(file);
    const { headers } = await readHeader(csv);
    return { headers, encoding: csv.encoding, bom: csv.bom, delimiterName: describeDelimiter(csv.delimiter) };
  } catch {
    return null;
  }
}

export const importsHandlers = (s: GetServices, { platform, grants }: HandlerEnv): HandlersOf<typeof importsContract> => ({
  'imports.choose': async () => {
    const file = await platform.chooseFile({ title: 'Import a CSV file', filters: CSV });
    return file ? grants.grant(file) : null;
  },
  'imports.preview': async ({ token, ...request }) => {
    const file = grants.resolve(token);
    try {
      return importPreview.parse(await s().importer.preview({ ...request, file, quick: true }));
    } catch (err) {
      // A file the mapping refuses (a required column not found, MRR and ARR both mapped) still has
      // headers, and the wizard needs them to let the user choose the columns: they go in details.
      if (err instanceof TendError && err.code === 'invalid_input' && isFileDetails(err.details)) {
        const header = await readFileHeader(file);
        if (header) throw new TendError(err.code, err.message, { ...err.details, ...header });
      }
      throw err;
    }
  },
  'imports.count': ({ token, ...request }) => s().importJobs.count({ ...request, file: grants.resolve(token) }),
  'imports.start': ({ token, presetName, ...request }) => {
    const file = grants.resolve(token);
    const started = s().importJobs.start({ ...request, file });
    if (presetName) {
      // Saved once the headers are known: the preview has read them already.
      void s()
        .importer.preview({ ...request, file, rows: 1, quick: true })
        .then((preview) =>
          s().importer.savePreset(presetName, request.kind, preview.headers, preview.mapping, { valueMaps: preview.valueMaps, dateFormat: request.dateFormat }),
        )
        .catch(() => {});
    }
    return started;
  },
  'imports.job': ({ jobId }) => importJob.parse(s().importJobs.get(jobId)),
  'imports.cancel': ({ jobId }) => importJob.parse(s().importJobs.cancel(jobId)),
  'imports.list': () => s().importer.list().map((batch) => importBatch.parse(batch)),
  'imports.undo': ({ batchId }) => s().importer.undo(batchId),
  'imports.saveErrors': async ({ jobId }) => {
    const job = s().importJobs.get(jobId);
    // A finished import lists its skipped rows; a strict refusal carries the rows it refused for.
    const details = job.error?.details as { errors?: RowError[]; file?: string } | undefined;
    const errors = job.result?.errors ?? (Array.isArray(details?.errors) ? details.errors : null);
    const fileName = job.result?.fileName ?? details?.file ?? 'import';
    if (!errors) throw new TendError('invalid_input', 'That import has no rows with errors to save.');
    const file = await platform.chooseSaveFile({
      title: 'Save the rows that did not import',
      defaultName: `${fileName.replace(/\.[^.]+$/, '')}-errors.csv`,
      filters: CSV,
    });
    if (!file) return null;
    fs.writeFileSync(file, s().importer.errorsCsv(errors));
    return { file };
  },
  'exports.csv': async ({ kind }) => {
    const file = await platform.chooseSaveFile({ title: `Export ${kind} as CSV`, defaultName: `tend-${kind}.csv`, filters: CSV });
    if (!file) return null;
    fs.writeFileSync(file, exportKindCsv(s().ctx, kind));
    return { file };
  },
  'exports.table': async ({ name, headers, rows }) => {
    const safe = name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'tend-export';
    const file = await platform.chooseSaveFile({ title: `Export ${name} as CSV`, defaultName: `${safe}.csv`, filters: CSV });
    if (!file) return null;
    fs.writeFileSync(file, toCsv(headers, rows));
    return { file };
  },
});
