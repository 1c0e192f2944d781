// Money vocabulary in words, for the timeline, the panels and the CLI.
import type { ChurnReason, ForecastCategory, RevenueSource } from '../domain';

/** Where a revenue event came from. */
export const REVENUE_SOURCE_WORDS: Record<RevenueSource, string> = {
  manual: 'entered by hand',
  import: 'imported',
  mrr_edit: 'MRR edit',
  churn: 'churn',
  reactivation: 'came back',
  renewal: 'renewal closed',
  opportunity: 'opportunity won',
};

export const CHURN_REASON_WORDS: Record<ChurnReason, string> = {
  value_not_realised: 'Value not realised',
  stalled_implementation: 'Stalled implementation',
  sponsor_lost: 'Sponsor lost',
  low_adoption: 'Low adoption',
  acquired: 'Acquired',
  missing_features: 'Missing features',
  price: 'Price',
  budget: 'Budget',
  other: 'Other',
};

export const FORECAST_WORDS: Record<ForecastCategory | 'none', string> = {
  commit: 'Commit',
  likely: 'Likely',
  at_risk: 'At risk',
  lost: 'Lost',
  none: 'No forecast',
};
