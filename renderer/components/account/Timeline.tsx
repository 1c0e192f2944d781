// The account's timeline: touches, flags raised/resolved, band changes, revenue events and survey
// responses, newest first, filterable by kind.
import { useState } from 'react';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '../../../shared/contracts/account-page';

const KIND_LABELS: Record<TimelineKind, string> = {
  touch: 'Touches',
  flag_raised: 'Flags raised',
  flag_resolved: 'Flags resolved',
  band_change: 'Band changes',
  revenue: 'Revenue',
  survey: 'Surveys',
};
const PAGE = 40;

export function Timeline({ items }: { items: TimelineItem[] }) {
  const [hidden, setHidden] = useState<Set<TimelineKind>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const counts = Object.fromEntries(TIMELINE_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<TimelineKind, number>;
  const shown = items.filter((i) => !hidden.has(i.kind));
  const toggle = (kind: TimelineKind) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-h">
      <div className="panel-head">
        <h2 id="timeline-h">Timeline</h2>
      </div>
      <div className="chip-filter" role="group" aria-label="Show in the timeline">
        {TIMELINE_KINDS.filter((k) => counts[k] > 0).map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={!hidden.has(kind)}
            className={`filter-chip kind-${kind}${hidden.has(kind) ? '' : ' on'}`}
            onClick={() => toggle(kind)}
          >
            {KIND_LABELS[kind]} <span className="count">{counts[kind]}</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted small">Nothing to show.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline entries">
          {shown.slice(0, limit).map((item) => (
            <li key={item.key} className={`tl-item kind-${item.kind}`} data-kind={item.kind}>
              <span className="tl-dot" aria-hidden="true" />
              <span className="tl-date">{item.date.slice(0, 10)}</span>
              <div className="tl-body">
                <div className="tl-title">
                  {item.title}
                  {item.sentiment !== undefined && item.sentiment !== null && (
                    <span className={`pulse pulse-${item.sentiment < 0 ? 'neg' : item.sentiment > 0 ? 'pos' : 'zero'}`}>
                      {item.sentiment > 0 ? `+${item.sentiment}` : item.sentiment}
                    </span>
                  )}
                  {item.severity && item.kind === 'flag_raised' && <span className={`flag-chip severity-${item.severity}`}>{item.severity}</span>}
                </div>
                {item.detail && <div className="tl-detail">{item.detail}</div>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {shown.length > limit && (
        <button type="button" className="link-button small" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
        </button>
      )}
    </section>
  );
}
