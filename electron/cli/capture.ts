// `tend capture <file>… [--dry-run] [--json]` (SPEC "Capture …"): meetings and messages from .ics,
// .eml, .mbox and .msg files become touches, .vcf cards contacts — everything the preview would
// log, with the offered new contacts, as one batch (undo it with `tend undo-import`). `--json`
// prints SPEC's shape; exit 3 when items were skipped for errors (they are listed).
import path from 'node:path';
import { normalizeDomain } from '../../shared/capture/addresses';
import type { CaptureResultView } from '../../shared/contracts/capture';
import { TendError } from '../../shared/errors';
import type { Services } from '../services';

export interface CaptureCommandInput {
  files: string[];
  dryRun: boolean;
  /** --my-domain: added to Settings → My domains before reading (for this run only with --dry-run). */
  myDomains: string[];
  services: Services;
}

/** What SPEC's `capture --json` promises, and a few more keys. */
export function captureJson(result: CaptureResultView) {
  const { inserted, duplicates, internal, contacts, unmatched, skipped, batchId, dryRun, notLogged, accounts, hints, suggestedMyDomains } = result;
  return { inserted, duplicates, internal, contacts, unmatched, skipped, batchId, dryRun, notLogged, accounts, hints, suggestedMyDomains };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function printCapture(result: CaptureResultView, files: number): string {
  const lines: string[] = [];
  const verb = result.dryRun ? 'Would log' : 'Logged';
  lines.push(
    `${verb} ${plural(result.inserted, 'touch', 'touches')} from ${plural(files, 'file')}${result.batchId ? ` (capture #${result.batchId}; undo with: tend undo-import ${result.batchId})` : ''}.`,
  );
  if (result.contacts.inserted || result.contacts.updated) {
    lines.push(`${result.dryRun ? 'Would add' : 'Added'} ${plural(result.contacts.inserted, 'contact')}, ${result.dryRun ? 'would update' : 'updated'} ${result.contacts.updated}.`);
  }
  for (const a of result.accounts) {
    const score = a.scoreBefore !== null && a.scoreAfter !== null && a.scoreBefore !== a.scoreAfter ? ` (score ${a.scoreBefore} → ${a.scoreAfter})` : '';
    lines.push(`  ${a.name}: ${plural(a.touches, 'touch', 'touches')}${score}`);
  }
  const n = result.notLogged;
  const notLogged = [
    result.duplicates && `${result.duplicates} already logged`,
    result.internal && `${result.internal} internal`,
    n.unmatched && `${n.unmatched} with nobody Tend knows`,
    n.future && `${n.future} after today`,
    n.cancelled && `${n.cancelled} cancelled`,
    n.declined && `${n.declined} declined`,
    n.automated && `${n.automated} from automated senders`,
  ].filter(Boolean);
  if (notLogged.length) lines.push(`Not logged: ${notLogged.join(', ')}.`);
  if (result.unmatched.length) {
    lines.push('Senders and attendees Tend could not place (add their domain to an account, or add them as contacts):');
    for (const u of result.unmatched.slice(0, 20)) lines.push(`  ${u.email}${u.name ? ` (${u.name})` : ''}: ${plural(u.items, 'item')}`);
    if (result.unmatched.length > 20) lines.push(`  … and ${result.unmatched.length - 20} more (see --json)`);
  }
  if (result.skipped.length) {
    lines.push(`Skipped ${plural(result.skipped.length, 'problem')}:`);
    for (const s of result.skipped) lines.push(`  ${s.file}${s.item ? `, ${s.item}` : ''}: ${s.reason}`);
  }
  for (const domain of result.suggestedMyDomains) {
    lines.push(`Tip: ${domain} takes part in most of these items. If it is your own company's domain, run again with --my-domain ${domain} so meetings among yourselves are not logged.`);
  }
  if (result.hints) lines.push(`${plural(result.hints, 'relationship hint')} wait on the relationship maps of the accounts above.`);
  return lines.join('\n');
}

export async function runCapture({ files, dryRun, myDomains: domains, services }: CaptureCommandInput): Promise<CaptureResultView> {
  let myDomains: string[] = [];
  if (domains.length) {
    const settings = services.capture.settings();
    const parsed = domains.map((d) => normalizeDomain(d));
    const bad = domains.find((_, i) => !parsed[i]);
    if (bad !== undefined) throw new TendError('invalid_input', `--my-domain takes a domain such as yourcompany.com (got "${bad}"). Nothing was changed.`, { field: 'my-domain' });
    // A dry run writes nothing, not even the setting: the domains count for this run only.
    if (!dryRun) services.capture.saveSettings({ ...settings, myDomains: [...new Set([...settings.myDomains, ...(parsed as string[])])] });
    myDomains = parsed as string[];
  }
  return services.capture.run(
    files.map((file) => ({ path: path.resolve(file), name: path.basename(file) })),
    { dryRun, myDomains },
  );
}
