// The open expansion pipeline of the active book, under the portfolio's tiles.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useMoneyStore } from '../../stores/money';
import { short } from './format';
import './money.css';

export function PipelineLine() {
  const { pipeline, loadPipeline } = useMoneyStore();
  useEffect(() => {
    void loadPipeline();
  }, [loadPipeline]);
  if (!pipeline) return null;
  const { byStage } = pipeline;
  return (
    <p className="pipeline-line" aria-label="Expansion pipeline">
      <span className="muted">Expansion pipeline</span>
      <strong>{short(pipeline.arrCents)} ARR</strong>
      <span className="muted">
        {pipeline.count} open opportunit{pipeline.count === 1 ? 'y' : 'ies'} · identified {short(byStage.identified.arr)} · qualified {short(byStage.qualified.arr)} · proposed{' '}
        {short(byStage.proposed.arr)}
      </span>
      <Link to="/forecast" className="small">
        Renewals forecast →
      </Link>
    </p>
  );
}
