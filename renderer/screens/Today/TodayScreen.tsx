import { EmptyState } from '../../components/EmptyState';

// Today's follow-ups, renewals and new flags arrive with the scoring service and the screens issue.
export function TodayScreen() {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Today</h1>
      </header>
      <EmptyState title="Today is not built yet">
        <p>This screen will list overdue and due follow-ups, cadence-due accounts, renewals in 30 days and newly raised flags.</p>
      </EmptyState>
    </div>
  );
}
