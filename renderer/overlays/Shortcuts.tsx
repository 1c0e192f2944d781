// Every keyboard shortcut on one sheet: `?` anywhere outside a text field, or Help → Keyboard
// Shortcuts. Escape, `?` or a click outside closes it (the dialog primitive does the rest).
import { Dialog } from '../components/Dialog';

const mod = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl';

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'Anywhere',
    keys: [
      [`${mod}+K`, 'Command palette: accounts, contacts, touch notes, commands'],
      [`${mod}+L`, 'Log a touch (quick capture)'],
      [`${mod}+N`, 'New account'],
      [`${mod}+1 … 4`, 'Portfolio, Today, Import, Settings'],
      [`${mod}+5, ${mod}+6, ${mod}+7`, 'Renewals, Forecast, Trends'],
      ['?', 'This sheet'],
    ],
  },
  {
    title: 'Portfolio',
    keys: [
      ['/', 'Search accounts'],
      ['↑ ↓  or  j k', 'Move through the list'],
      ['Enter', 'Open the account'],
      ['Esc', 'Clear the search'],
    ],
  },
  {
    title: 'Account',
    keys: [
      [`${mod}+Enter`, 'Save a touch being edited'],
      ['b', 'The brief before a call (b or Esc closes it)'],
      ['Esc', 'Cancel an edit, or back to the portfolio'],
    ],
  },
  {
    title: 'Renewals',
    keys: [
      ['↑ ↓  or  j k', 'Move through the renewals'],
      ['1 2 3 4', 'Forecast commit, likely, at risk, lost'],
      ['0', 'Clear the forecast'],
      ['c', 'Close the renewal (renewed or churned)'],
      ['Enter', 'Open the account'],
    ],
  },
  {
    title: 'Today',
    keys: [
      ['↑ ↓  or  j k', 'Move through the reminders'],
      ['d', 'Done'],
      ['s', 'Snooze to tomorrow'],
      ['u', 'Undo the last done'],
      ['Enter', 'Open the account'],
    ],
  },
];

export function Shortcuts({ onClose }: { onClose(): void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose}>
      <div
        className="overlay shortcuts"
        onKeyDown={(event) => {
          if (event.key === '?') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <div className="overlay-title">
          <strong>Keyboard shortcuts</strong>
          <button type="button" className="link-button small" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
        <div className="shortcut-groups">
          {GROUPS.map((group) => (
            <section key={group.title}>
              <h3>{group.title}</h3>
              <dl>
                {group.keys.map(([keys, what]) => (
                  <div key={keys + what} className="shortcut">
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </Dialog>
  );
}
