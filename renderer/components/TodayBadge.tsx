// The count on Today in the sidebar (issue 17.5): how many items are due, and how many of them are
// overdue, kept fresh by the Today store (it reloads the count after every action) and on every
// change of screen (a touch logged or a flag resolved elsewhere changes it).
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTodayStore } from '../stores/today';

export function TodayBadge() {
  const summary = useTodayStore((s) => s.summary);
  const loadSummary = useTodayStore((s) => s.loadSummary);
  const { pathname } = useLocation();
  useEffect(() => {
    void loadSummary();
  }, [loadSummary, pathname]);
  if (!summary || summary.due === 0) return null;
  const label = `${summary.due} due${summary.overdue ? `, ${summary.overdue} overdue` : ''}`;
  return (
    <>
      <span className={`nav-badge${summary.overdue ? ' overdue' : ''}`} aria-hidden="true" title={label}>
        {summary.due}
      </span>
      <span className="nav-badge-text">, {label}</span>
    </>
  );
}
