// The portfolio review's trends page: the twelve months through the review's month, each measured as
// the review's own month is (trends.get — the same metrics code), as the Trends screen draws them.
// Loaded beside the review data; the document is ready to print once it is there.
import { useEffect, useState } from 'react';
import { TRENDS_DEFAULT_MONTHS, type TrendsView } from '../../../shared/contracts/trends';
import { call } from '../../api';
import { TrendsCharts, monthShort } from '../../components/charts/TrendsCharts';
import '../../components/charts/trends.css';

export function useReviewTrends(month: string | null): { trends: TrendsView | null; error: string | null } {
  const [state, setState] = useState<{ trends: TrendsView | null; error: string | null }>({ trends: null, error: null });
  useEffect(() => {
    if (!month) return;
    call('trends.get', { months: TRENDS_DEFAULT_MONTHS, through: month }).then(
      (trends) => setState({ trends, error: null }),
      (error: unknown) => setState({ trends: null, error: (error as Error).message }),
    );
  }, [month]);
  return state;
}

export function ReviewTrends({ trends }: { trends: TrendsView }) {
  const first = trends.months[0];
  const last = trends.months[trends.months.length - 1];
  return (
    <section className="doc-section review-trends" aria-label="Trends">
      <h2>
        Trends — {monthShort(first.month)} to {monthShort(last.month)}, each month at its end
      </h2>
      <TrendsCharts view={trends} height={118} />
      <p className="muted small">
        {last.toDate ? `* ${last.month} is measured to ${last.asOf}. ` : ''}NPS points drawn hollow stand on fewer than {trends.minSurveyResponses} responses.
      </p>
    </section>
  );
}
