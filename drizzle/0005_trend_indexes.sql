-- Issue 16 (trends of a 10,000-account book under 1 s): two covering indexes. The book's state at a
-- date (band, triage, engagement score: services/scoring/states-at.ts) is read from the first
-- alone, without the component JSON; the touches of a month by type from the second.
-- Written by hand after drizzle-kit: it cannot write an expression index (it quotes each part of the
-- expression as a column). The expression is electron/db/snapshot-sql.ts's SNAPSHOT_ENGAGEMENT_SQL.
DROP INDEX `health_snapshots_date`;--> statement-breakpoint
CREATE INDEX `health_snapshots_date_state` ON `health_snapshots` (`date`, `account_id`, `band`, `in_triage`, CASE WHEN json_valid(components) THEN coalesce(json_extract(components, '$[2][0]'), json_extract(components, '$.engagement.score')) END);--> statement-breakpoint
CREATE INDEX `touches_date_type` ON `touches` (`occurred_at`, `type`, `account_id`);
