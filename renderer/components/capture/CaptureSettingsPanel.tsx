// Settings → Capture: My domains (meetings and messages with nobody from outside them are internal
// and not logged), whether the first 500 characters of a message's text are kept, and the time zone
// touches are dated in. Saved on their own; nothing is rescored.
import { useEffect, useState } from 'react';
import { normalizeDomain } from '../../../shared/capture/addresses';
import type { CaptureSettings } from '../../../shared/settings';
import { useCaptureSettingsStore } from '../../stores/captureSettings';

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();
const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function CaptureSettingsPanel() {
  const { settings, saving, message, error, load, save } = useCaptureSettingsStore();
  const [draft, setDraft] = useState<{ domains: string; keepBody: boolean; timeZone: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (settings) setDraft({ domains: settings.myDomains.join('\n'), keepBody: settings.keepBody, timeZone: settings.timeZone });
  }, [settings]);

  if (!draft || !settings) return null;
  const parsed = draft.domains.split(/[\s,;]+/).filter(Boolean);
  const dirty = parsed.join('\n') !== settings.myDomains.join('\n') || draft.keepBody !== settings.keepBody || draft.timeZone !== settings.timeZone;

  const submit = () => {
    const domains = parsed.map((d) => normalizeDomain(d));
    const bad = parsed.find((_, i) => !domains[i]);
    if (bad) return setProblem(`“${bad}” is not a domain; write one per line, such as yourcompany.com.`);
    setProblem(null);
    const next: CaptureSettings = { myDomains: [...new Set(domains as string[])], keepBody: draft.keepBody, timeZone: draft.timeZone };
    void save(next);
  };

  return (
    <section className="panel capture-settings" aria-labelledby="capture-settings-heading">
      <h2 id="capture-settings-heading">Capture from calendar and mail files</h2>
      <div className="capture-settings-row">
        <label htmlFor="my-domains">My domains</label>
        <textarea
          id="my-domains"
          rows={3}
          value={draft.domains}
          placeholder={'yourcompany.com\nyourcompany.co.uk'}
          onChange={(e) => setDraft({ ...draft, domains: e.target.value })}
        />
        <span className="muted small">Your own company&rsquo;s e-mail domains, one per line. A meeting or message with nobody from outside them is internal and is not logged.</span>
      </div>
      <div className="capture-settings-row">
        <label className="check">
          <input type="checkbox" checked={draft.keepBody} onChange={(e) => setDraft({ ...draft, keepBody: e.target.checked })} />
          <span>
            Keep the first 500 characters of each message&rsquo;s text (a meeting&rsquo;s description) in the touch&rsquo;s notes
            <span className="muted small"> — off: only titles and subjects are kept. Attachments are never kept.</span>
          </span>
        </label>
      </div>
      <div className="capture-settings-row">
        <label htmlFor="capture-zone">Date touches in</label>
        <select id="capture-zone" value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}>
          <option value="">This computer&rsquo;s time zone ({systemZone})</option>
          {ZONES.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <div className="capture-settings-actions">
        <button type="button" className="primary" disabled={!dirty || saving} onClick={submit}>
          {saving ? 'Saving…' : 'Save capture settings'}
        </button>
        {(problem ?? error) && (
          <span className="field-error small" role="alert">
            {problem ?? error}
          </span>
        )}
        {!problem && !error && message && !dirty && (
          <span className="muted small" role="status">
            {message}
          </span>
        )}
      </div>
    </section>
  );
}
