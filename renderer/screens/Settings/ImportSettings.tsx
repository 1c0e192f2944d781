// Settings → Imports (issue 14): the employee counts at which a company becomes mid-market and
// enterprise, used when an import reads a company-size column as the segment (SPEC "Import fields":
// < 100 smb, 100–999 mid_market, ≥ 1000 enterprise by default). Only offered by the import wizard,
// never applied unasked.
import { describeSegmentEdges } from '../../../shared/import/values';
import type { Settings } from '../../../shared/settings';
import { NumberField, type Errors, type Path } from './fields';

export function ImportSettings({ draft, errors, onChange }: { draft: Settings; errors: Errors; onChange(path: Path, value: unknown): void }) {
  const field = { draft, errors, onChange };
  const edges = draft.import.segmentByEmployees;
  const valid = Number.isFinite(edges.midMarketFrom) && Number.isFinite(edges.enterpriseFrom) && edges.midMarketFrom < edges.enterpriseFrom;
  return (
    <section className="panel" aria-labelledby="import-settings-heading">
      <h2 id="import-settings-heading">Imports</h2>
      <p className="muted small section-hint">
        When a file gives company sizes as employee counts, the import wizard offers to read them as the segment.
      </p>
      <div className="band-edges">
        <NumberField {...field} path={['import', 'segmentByEmployees', 'midMarketFrom']} label="Mid-market from" suffix="employees" min={1} />
        <NumberField {...field} path={['import', 'segmentByEmployees', 'enterpriseFrom']} label="Enterprise from" suffix="employees" min={2} />
        <p className="muted small band-explain" data-testid="segment-edges">
          {valid ? describeSegmentEdges(edges) : 'Enterprise must start above mid-market.'}
        </p>
      </div>
    </section>
  );
}
