// "What changed" since 7 and 30 days ago: the score delta and the components that moved it, with why.
import { useState } from 'react';
import type { ScoreChangeView } from '../../../shared/contracts/account-page';
import { formatSigned } from '../../../shared/format';
import { componentLabel } from '../../../shared/scoring/changes';

export function WhatChanged({ d7, d30 }: { d7: ScoreChangeView | null; d30: ScoreChangeView | null }) {
  const [span, setSpan] = useState<'d7' | 'd30'>('d7');
  const change = span === 'd7' ? d7 : d30;
  return (
    <div className="what-changed">
      <div className="panel-head">
        <h2>What changed</h2>
        <div className="segmented" role="tablist" aria-label="Compare with">
          {(['d7', 'd30'] as const).map((key) => (
            <button key={key} type="button" role="tab" aria-selected={span === key} className={span === key ? 'on' : ''} onClick={() => setSpan(key)}>
              {key === 'd7' ? '7 days' : '30 days'}
            </button>
          ))}
        </div>
      </div>
      {!change ? (
        <p className="muted small">No score history that far back yet.</p>
      ) : (
        <>
          {change.scoreDelta === null ? (
            // One side had not enough data to be scored: say so rather than draw a delta.
            <p className="change-summary">
              <span>{change.summary}</span>
            </p>
          ) : (
            <p className="change-summary">
              <span className={`delta ${change.scoreDelta > 0 ? 'up' : change.scoreDelta < 0 ? 'down' : ''}`}>{formatSigned(change.scoreDelta)}</span>
              <span>
                {change.scoreBefore} → {change.scoreAfter} <span className="muted small">since {change.from}</span>
              </span>
            </p>
          )}
          {change.components.length === 0 ? (
            <p className="muted small">No component moved.</p>
          ) : (
            <ul className="change-list">
              {change.components.slice(0, 5).map((c) => (
                <li key={c.component}>
                  <span className={`delta small ${c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : ''}`}>{formatSigned(c.delta)}</span>
                  <span>
                    <strong>{componentLabel(c.component)}</strong>
                    {c.component === change.driver && <span className="driver">main driver</span>}
                    <span className="muted small change-reason">{c.reason}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
