// The count on Today in the sidebar (issue 17.5): how many items are due, and how many of them are
// overdue, kept fresh by the Today store (it reloads the count after every action).
import { useEffect } from 'react';
import { useTodayStore } from '../stores/today';

export function TodayBadge() {
  const summary = useTodayStore((s) => s.summary);
  const loadSummary = useTodayStore((s) => s.loadSummary);
  useEffect(() => {
    void loadSummary();
  }, [loadSummary]);
  if (!summary || summary.due === 0) return null;
  const label = `${summary.due} due${summary.overdue ? `, ${summary.overdue} overdue` : ''}`;
  return (
    <span className={`nav-badge${summary.overdue ? ' overdue' : ''}`} aria-label={label} title={label}>
      {summary.due}
    </span>
  );
}
