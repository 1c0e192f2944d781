// The command palette: jump to any account or contact, run any command, and search touch notes
// (full text, SQLite FTS5). ↑/↓ move, Enter runs, Escape closes.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { labelOf } from '../../shared/format';
import { ScoreBadge } from '../components/Badges';
import { Dialog } from '../components/Dialog';
import { useAccountsStore } from '../stores/accounts';
import { useCaptureStore } from '../stores/capture';
import { useNewAccountStore } from '../stores/newAccount';
import { usePaletteStore } from '../stores/palette';
import { fuzzyFilter, matchRank } from './fuzzy';

interface Item {
  key: string;
  group: 'Commands' | 'Accounts' | 'Archived accounts' | 'Contacts' | 'Touch notes';
  label: ReactNode;
  hint?: ReactNode;
  run(): void;
}

/** Renders an FTS5 snippet with its \u0002…\u0003 hit markers as <mark>. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <>
      {parts.map((part, i) => (part.startsWith('\u0002') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}

export function CommandPalette() {
  const { query, results, setQuery, close } = usePaletteStore();
  const accounts = useAccountsStore((s) => s.accounts);
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const go = (to: string) => () => {
    close();
    navigate(to);
  };
  const commands = useMemo(
    () => [
      { name: 'Go to Portfolio', hint: 'Ctrl/⌘+1', run: go('/portfolio') },
      { name: 'Go to Today', hint: 'Ctrl/⌘+2', run: go('/today') },
      { name: 'Go to Import', hint: 'Ctrl/⌘+3', run: go('/import') },
      { name: 'Go to Settings', hint: 'Ctrl/⌘+4', run: go('/settings') },
      { name: 'Capture from calendar & mail files', hint: '.ics .eml .mbox .msg .vcf', run: go('/capture') },
      {
        name: 'Log a touch (quick capture)',
        hint: 'Ctrl/⌘+L',
        run: () => {
          close();
          const match = /#\/accounts\/(\d+)/.exec(window.location.hash);
          useCaptureStore.getState().show(match ? Number(match[1]) : null);
        },
      },
      {
        name: 'New account',
        hint: 'Ctrl/⌘+N',
        run: () => {
          close();
          useNewAccountStore.getState().show();
        },
      },
      {
        name: 'Load the sample book',
        hint: 'demo data',
        run: () => {
          close();
          void useAccountsStore.getState().loadDemo();
          navigate('/portfolio');
        },
      },
      { name: 'Go to Renewals', hint: 'Ctrl/⌘+5', run: go('/renewals') },
      { name: 'Go to Forecast', hint: 'Ctrl/⌘+6', run: go('/forecast') },
      { name: 'Go to Trends', hint: 'Ctrl/⌘+7', run: go('/trends') },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const items: Item[] = useMemo(() => {
    const list: Item[] = [];
    const commandItems: Item[] = [];
    const accountItems: Item[] = [];
    for (const c of fuzzyFilter(commands, query, (c) => c.name, query ? 4 : 6)) {
      commandItems.push({ key: `cmd:${c.name}`, group: 'Commands', label: c.name, hint: <kbd>{c.hint}</kbd>, run: c.run });
    }
    if (!query.trim()) list.push(...commandItems);
    if (query.trim()) {
      // Groups in the order of their best match: "copper" → accounts, "go today" → commands, and a
      // contact whose whole name is the query above an account that merely contains it.
      const best = (names: string[]) => Math.max(-Infinity, ...names.map((n) => matchRank(query, n) ?? -Infinity));
      const contactItems: Item[] = [];
      for (const a of fuzzyFilter(accounts, query, (a) => `${a.name} ${a.externalId ?? ''}`, 6)) {
        accountItems.push({
          key: `account:${a.id}`,
          group: 'Accounts',
          label: a.name,
          hint: (
            <>
              <span className="muted small">{labelOf(a.segment)} · {labelOf(a.stage)}</span> <ScoreBadge score={a.score} band={a.band} />
            </>
          ),
          run: go(`/accounts/${a.id}`),
        });
      }
      for (const c of results.contacts) {
        contactItems.push({
          key: `contact:${c.id}`,
          group: 'Contacts',
          label: c.name,
          hint: <span className="muted small">{[c.title, c.accountName].filter(Boolean).join(' · ')}</span>,
          run: go(`/accounts/${c.accountId}?contact=${c.id}`),
        });
      }
      const groups = [
        { items: commandItems, rank: best(commands.map((c) => c.name)) },
        { items: accountItems, rank: best(accounts.map((a) => a.name)) },
        { items: contactItems, rank: best(results.contacts.map((c) => c.name)) },
      ].sort((a, b) => b.rank - a.rank); // stable: ties keep commands, accounts, contacts
      for (const group of groups) list.push(...group.items);
      for (const a of results.accounts.filter((r) => r.archived)) {
        list.push({
          key: `account:${a.id}`,
          group: 'Archived accounts',
          label: a.name,
          hint: <span className="muted small">{labelOf(a.segment)} · archived</span>,
          run: go(`/accounts/${a.id}`),
        });
      }
      for (const t of results.touches) {
        list.push({
          key: `touch:${t.id}`,
          group: 'Touch notes',
          label: (
            <span className="touch-hit">
              <span>
                <strong>{t.accountName}</strong> <span className="muted small">{t.occurredAt.slice(0, 10)} · {labelOf(t.type)} · {t.summary}</span>
              </span>
              <span className="snippet small">
                <Snippet text={t.snippet} />
              </span>
            </span>
          ),
          run: go(`/accounts/${t.accountId}?touch=${t.id}`),
        });
      }
    }
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [commands, accounts, query, results]);

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    document.querySelector('.palette-item.active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  let lastGroup = '';
  return (
    <Dialog label="Command palette" onClose={close}>
      <div
        className="overlay palette"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            items[active]?.run();
          }
        }}
      >
        <input
          ref={input}
          data-autofocus=""
          className="palette-input"
          aria-label="Search accounts, contacts, touch notes and commands"
          placeholder="Jump to an account or contact, search touch notes, run a command…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
        />
        <ul id="palette-list" className="palette-list" role="listbox" aria-label="Results">
          {items.length === 0 && <li className="palette-empty muted">Nothing matches “{query}”.</li>}
          {items.map((item, i) => {
            const header = item.group !== lastGroup ? item.group : null;
            lastGroup = item.group;
            return (
              <li key={item.key} role="presentation">
                {header && <div className="palette-group">{header}</div>}
                <div
                  role="option"
                  aria-selected={i === active}
                  className={`palette-item${i === active ? ' active' : ''}`}
                  onMouseMove={() => setActive(i)}
                  onClick={() => item.run()}
                >
                  <span className="palette-label">{item.label}</span>
                  {item.hint && <span className="palette-hint">{item.hint}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </Dialog>
  );
}
