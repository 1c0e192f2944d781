// Capture from files (SPEC "Capture from calendar, e-mail and contact files"): drop files anywhere
// (or Choose files…, File → Capture…), watch them being read, then see every meeting and message
// with its account, people and whether it will be logged — tick, untick, move to another account,
// keep or drop the new people — and *Log* writes it all as one batch that Undo (here, or in the
// import history) takes back. The screen owns the layout; the capture store owns the data.
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import type { CaptureItemView } from '../../../shared/contracts/capture';
import { CaptureItems, type AccountOption } from '../../components/capture/CaptureItems';
import { Cards, NewContacts, Problems, Unmatched } from '../../components/capture/CapturePanels';
import { CaptureProgress, CaptureResult } from '../../components/capture/CaptureResult';
import { useAccountsStore } from '../../stores/accounts';
import { useFileCaptureStore, type CaptureFilter } from '../../stores/fileCapture';
import './capture.css';

const mod = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';
const n = (x: number) => x.toLocaleString('en-US');

const FILTERS: { key: CaptureFilter; label: string; test: (i: CaptureItemView) => boolean }[] = [
  { key: 'log', label: 'To log', test: (i) => i.status === 'new' },
  { key: 'unmatched', label: 'No account', test: (i) => i.status === 'unmatched' },
  { key: 'duplicate', label: 'Already logged', test: (i) => i.status === 'duplicate' },
  { key: 'skipped', label: 'Not logged', test: (i) => !['new', 'unmatched', 'duplicate'].includes(i.status) },
  { key: 'all', label: 'All', test: () => true },
];

export function CaptureScreen() {
  const s = useFileCaptureStore();
  const allAccounts = useAccountsStore((a) => a.accounts);

  useEffect(() => {
    if (!useAccountsStore.getState().accounts.length) void useAccountsStore.getState().load();
  }, []);

  // Ctrl/⌘+Enter logs what is ticked; Escape cancels reading.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const state = useFileCaptureStore.getState();
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && state.stage === 'preview') {
        event.preventDefault();
        void state.land();
      }
      if (event.key === 'Escape' && state.stage === 'reading') void state.cancel();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const accounts: AccountOption[] = useMemo(
    () => [...allAccounts].filter((a) => !a.archived).map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name)),
    [allAccounts],
  );
  const names = useMemo(() => {
    const map = new Map<number, string>(allAccounts.map((a) => [a.id, a.name]));
    for (const a of s.preview?.accounts ?? []) if (!map.has(a.id)) map.set(a.id, a.name);
    return map;
  }, [allAccounts, s.preview]);

  const filter = FILTERS.find((f) => f.key === s.filter) ?? FILTERS[0];
  // Oldest first, whatever file each came from.
  const items = useMemo(
    () => (s.preview ? s.preview.items.filter(filter.test).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id) : []),
    [s.preview, filter],
  );
  const chosen = useMemo(() => {
    let touches = 0;
    const onAccounts = new Set<number>();
    for (const c of s.items.values()) {
      if (!c.include || c.accountId === null) continue;
      touches++;
      onAccounts.add(c.accountId);
    }
    const contacts = [...s.contacts.values()].filter((c) => c.include && c.accountId !== null).length;
    const cards = [...s.cards.values()].filter((c) => c.include && c.accountId !== null).length;
    return { touches, accounts: onAccounts.size, contacts, cards };
  }, [s.items, s.contacts, s.cards]);

  return (
    <div className="screen capture-screen">
      <header className="screen-header">
        <div>
          <h1>Capture from files</h1>
          <p className="muted">
            Meetings and e-mails become touches, contact cards become contacts. You see every one before anything is logged.
          </p>
        </div>
        {s.stage !== 'reading' && s.stage !== 'landing' && (
          <button type="button" onClick={() => void s.choose()} disabled={s.choosing}>
            {s.choosing ? 'Choosing…' : 'Choose files…'}
          </button>
        )}
      </header>

      {s.error && (
        <div className="capture-error" role="alert">
          {s.error}
        </div>
      )}

      {s.stage === 'idle' && <Start onChoose={() => void s.choose()} choosing={s.choosing} />}
      {s.stage === 'reading' && <CaptureProgress job={s.job} files={s.files.length} onCancel={() => void s.cancel()} />}
      {s.stage === 'done' && s.result && <CaptureResult result={s.result} onUndo={() => void s.undo()} onMore={s.reset} />}

      {(s.stage === 'preview' || s.stage === 'landing') && s.preview && (
        <>
          <Tiles preview={s.preview} chosen={chosen.touches} />
          {s.preview.myDomains.length === 0 && (
            <div className="capture-notice" role="note">
              <span>
                Tend does not know your own e-mail domains yet, so it cannot tell your internal meetings from customer ones.
                {s.preview.suggestedMyDomains.length > 0 && (
                  <>
                    {' '}
                    <strong>{s.preview.suggestedMyDomains[0]}</strong> is in most of these items — is it yours?
                  </>
                )}
              </span>
              <span className="capture-notice-actions">
                {s.preview.suggestedMyDomains.map((d) => (
                  <button key={d} type="button" className="small-button" onClick={() => void s.useMyDomain(d)}>
                    Use {d} as my domain
                  </button>
                ))}
                <Link to="/settings">Settings → Capture</Link>
              </span>
            </div>
          )}
          <div className="capture-tabs">
            <div role="tablist" aria-label="Which items to show" className="capture-tablist">
              {FILTERS.map((f) => {
                const count = f.key === 'all' ? s.preview!.items.length : s.preview!.items.filter(f.test).length;
                return (
                  <button key={f.key} type="button" role="tab" aria-selected={s.filter === f.key} className={s.filter === f.key ? 'active' : undefined} onClick={() => s.setFilter(f.key)}>
                    {f.label} <span className="muted">{n(count)}</span>
                  </button>
                );
              })}
            </div>
            <span className="capture-tabs-tools">
              {(s.filter === 'log' || s.filter === 'unmatched') && items.length > 0 && (
                <>
                  <button type="button" className="link-button small" onClick={() => s.setMany(items.map((i) => i.id), true)}>
                    Tick all
                  </button>
                  <button type="button" className="link-button small" onClick={() => s.setMany(items.map((i) => i.id), false)}>
                    Untick all
                  </button>
                </>
              )}
            </span>
          </div>
          <CaptureItems items={items} choices={s.items} accounts={accounts} names={names} onToggle={s.toggleItem} onAccount={s.setItemAccount} />
          <div className="capture-panels">
            <NewContacts contacts={s.preview.contacts} choices={s.contacts} accounts={accounts} onToggle={s.toggleContact} onAccount={s.setContactAccount} />
            <Cards cards={s.preview.cards} choices={s.cards} accounts={accounts} onToggle={s.toggleCard} onAccount={s.setCardAccount} />
            <Unmatched unmatched={s.preview.unmatched} />
            <Problems skipped={s.preview.skipped} />
          </div>
          <footer className="capture-footer">
            <span className="muted small">
              {s.preview.keepBody ? 'Titles, subjects and the first 500 characters of each text are kept' : 'Only titles and subjects are kept'}; never
              attachments. Dated in {s.preview.timeZone}.{' '}
              <Link to="/settings" className="capture-inline-link">
                Change
              </Link>
            </span>
            <span className="capture-footer-actions">
              <button type="button" onClick={s.reset} disabled={s.stage === 'landing'}>
                Start over
              </button>
              <button
                type="button"
                className="primary"
                disabled={s.stage === 'landing' || chosen.touches + chosen.contacts + chosen.cards === 0}
                onClick={() => void s.land()}
              >
                {s.stage === 'landing'
                  ? 'Logging…'
                  : `Log ${n(chosen.touches)} touch${chosen.touches === 1 ? '' : 'es'}${chosen.contacts + chosen.cards ? ` and ${n(chosen.contacts + chosen.cards)} contact${chosen.contacts + chosen.cards === 1 ? '' : 's'}` : ''}`}{' '}
                <kbd className="capture-kbd">{mod}↵</kbd>
              </button>
            </span>
          </footer>
        </>
      )}
    </div>
  );
}

function Tiles({ preview, chosen }: { preview: NonNullable<ReturnType<typeof useFileCaptureStore.getState>['preview']>; chosen: number }) {
  const c = preview.counts;
  const notLogged = c.internal + c.future + c.cancelled + c.declined + c.automated;
  const tiles = [
    { label: 'To log', value: chosen, detail: `of ${n(c.new + c.unmatched)} that can be`, tone: 'accent' },
    { label: 'Already logged', value: c.duplicate, detail: 'by an earlier capture', tone: '' },
    { label: 'No account', value: c.unmatched, detail: `${n(preview.unmatched.length)} ${preview.unmatched.length === 1 ? 'person' : 'people'} to place`, tone: c.unmatched ? 'watch' : '' },
    { label: 'Not logged', value: notLogged, detail: `${n(c.internal)} internal, ${n(c.future)} later`, tone: '' },
    { label: 'Could not read', value: preview.skipped.length, detail: preview.skipped.length ? 'see below' : 'all read', tone: preview.skipped.length ? 'risk' : '' },
  ];
  return (
    <div className="capture-tiles">
      <div className="capture-files muted small">
        {preview.files.map((f) => `${f.fileName} (${f.items + f.cards} item${f.items + f.cards === 1 ? '' : 's'})`).join(' · ')}
      </div>
      {tiles.map((t) => (
        <div key={t.label} className={`capture-tile ${t.tone}`}>
          <span className="capture-tile-label">{t.label}</span>
          <strong className="capture-tile-value">{n(t.value)}</strong>
          <span className="muted small">{t.detail}</span>
        </div>
      ))}
    </div>
  );
}

function Start({ onChoose, choosing }: { onChoose(): void; choosing: boolean }) {
  return (
    <section className="capture-start" aria-label="Drop files to capture">
      <div className="capture-dropzone">
        <strong>Drop files anywhere on this window</strong>
        <span className="muted">Calendar exports (.ics), saved e-mails (.eml), mailboxes (.mbox), Outlook messages (.msg) and contact cards (.vcf) — several at once.</span>
        <button type="button" className="primary" onClick={onChoose} disabled={choosing}>
          {choosing ? 'Choosing…' : 'Choose files…'}
        </button>
      </div>
      <div className="capture-howto">
        <h2>Where to get the files</h2>
        <ul>
          <li>
            <strong>Google Calendar</strong>: Settings → Import &amp; export → Export (a .zip of .ics files; unzip it). <strong>Gmail</strong>: open a
            message → ⋮ → Download message (.eml), or Google Takeout → Mail (.mbox).
          </li>
          <li>
            <strong>Outlook</strong>: File → Save Calendar (.ics); drag messages out of Outlook or File → Save As (.msg); File → Open &amp; Export →
            Import/Export is for .pst, which Tend does not read.
          </li>
          <li>
            <strong>Apple Calendar / Mail</strong>: File → Export → Export… (.ics); select a mailbox → Mailbox → Export Mailbox… (.mbox folder). Contacts:
            File → Export → Export vCard….
          </li>
          <li>
            <strong>Thunderbird</strong>: right-click a message → Save As (.eml); a local folder is already an mbox file.
          </li>
        </ul>
        <p className="muted small">
          Tend keeps each meeting&rsquo;s title or message&rsquo;s subject, when it happened, who took part and its direction — and, only if you allow it
          in Settings, the first 500 characters of the text. Never attachments. Nothing leaves this computer.
        </p>
      </div>
    </section>
  );
}
