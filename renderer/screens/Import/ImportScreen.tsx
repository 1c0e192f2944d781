import { EmptyState } from '../../components/EmptyState';

// The CSV import wizard arrives with its own issue; the CLI's `tend import` is the way in meanwhile.
export function ImportScreen() {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Import</h1>
      </header>
      <EmptyState title="The import wizard is not built yet">
        <p>
          Until it is, import CSV files from a terminal with <code>tend import accounts accounts.csv</code> (see the README).
        </p>
      </EmptyState>
    </div>
  );
}
