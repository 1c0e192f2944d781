// SQL over health_snapshots shared by the schema (the index that covers it) and the readers: SQLite
// answers a query from an expression index only when the query repeats the indexed expression, so
// both take it from here.
import { COMPONENTS } from '../../shared/domain';

/**
 * A snapshot's engagement score from either stored form (shared/scoring/snapshot-components.ts):
 * the compact array (entry COMPONENTS.indexOf('engagement'), its first item) or the older object.
 * Null for components that are not JSON: json_extract would fail the write of such a row (and the
 * migration that builds the index), not just this read.
 */
export const SNAPSHOT_ENGAGEMENT_SQL = `CASE WHEN json_valid(components) THEN coalesce(json_extract(components, '$[${COMPONENTS.indexOf('engagement')}][0]'), json_extract(components, '$.engagement.score')) END`;
