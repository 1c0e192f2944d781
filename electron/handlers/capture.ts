// Handlers of the capture channels (shared/contracts/capture.ts). Files arrive as tokens (chosen in
// the native dialog here, or dropped on the window and granted by the preload's channel); their
// paths never reach the renderer.
import path from 'node:path';
import { captureJob, captureResult, type captureContract } from '../../shared/contracts/capture';
import type { GetServices, HandlerEnv, HandlersOf } from './types';

const CAPTURE_FILES = [
  { name: 'Calendar, e-mail and contact files', extensions: ['ics', 'eml', 'mbox', 'msg', 'vcf'] },
  { name: 'All files', extensions: ['*'] },
];

export const captureHandlers = (s: GetServices, { platform, grants }: HandlerEnv): HandlersOf<typeof captureContract> => ({
  'capture.choose': async () => {
    const options = { title: 'Capture meetings, e-mails and contacts from files', filters: CAPTURE_FILES };
    const files = platform.chooseFiles ? await platform.chooseFiles(options) : await platform.chooseFile(options).then((f) => (f ? [f] : null));
    return files?.length ? files.map((file) => grants.grant(file)) : null;
  },
  'capture.read': ({ tokens }) => {
    const files = tokens.map((token) => {
      const file = grants.resolve(token);
      return { path: file, name: path.basename(file) };
    });
    return s().capture.startRead(files);
  },
  'capture.job': ({ jobId }) => captureJob.parse(s().capture.job(jobId)),
  'capture.cancel': ({ jobId }) => captureJob.parse(s().capture.cancel(jobId)),
  'capture.land': async (input) => captureResult.parse(await s().capture.land(input)),
  'capture.settings': () => s().capture.settings(),
  'capture.saveSettings': ({ settings }) => s().capture.saveSettings(settings),
  'capture.hints': ({ accountId }) => s().capture.hints(accountId),
  'capture.dismissHint': ({ contactId, to }) => s().capture.dismissHint(contactId, to),
  'capture.domainSuggestions': ({ accountId }) => s().capture.domainSuggestions(accountId),
});
