import { NavLink } from 'react-router';
import { TodayBadge } from './TodayBadge';

const ITEMS = [
  { to: '/portfolio', label: 'Portfolio', key: '1' },
  { to: '/today', label: 'Today', key: '2' },
  { to: '/import', label: 'Import', key: '3' },
  { to: '/settings', label: 'Settings', key: '4' },
  { to: '/renewals', label: 'Renewals', key: '5' },
  { to: '/forecast', label: 'Forecast', key: '6' },
  { to: '/trends', label: 'Trends', key: '7' },
] as const;

export function Sidebar({ dbFile }: { dbFile: string | null }) {
  const mod = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Tend
      </div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}>
              <span>{item.label}</span>
              {item.to === '/today' && <TodayBadge />}
              <kbd>
                {mod}
                {item.key}
              </kbd>
            </NavLink>
          </li>
        ))}
      </ul>
      {dbFile && (
        <div className="sidebar-footer" title={dbFile}>
          <span className="muted">Database</span>
          <span className="db-file">{dbFile.split(/[\\/]/).pop()}</span>
        </div>
      )}
    </nav>
  );
}
