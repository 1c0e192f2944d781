-- Issue 17.3: Today's "done today" counts only what the CSM did. A reminder closed because its
-- reason went away (the touch was logged, the flag resolved, the renewal passed) is closed by the
-- system, not done by the CSM; reminders say which. Tasks and follow-ups already done were closed
-- by the CSM (nothing else closed them); a generated reminder closed before this cannot be told
-- apart and stays unknown (null). A flag's own reminder ('flag:<id>') now keeps its flag like a task
-- made from one, so resolving or snoozing the flag closes or snoozes it.
ALTER TABLE `reminders` ADD `closed_by` text;--> statement-breakpoint
UPDATE `reminders` SET `closed_by` = 'user' WHERE `done_at` IS NOT NULL AND `source` IN ('manual', 'follow_up') AND `flag_id` IS NULL;
--> statement-breakpoint
UPDATE `reminders` SET `flag_id` = CAST(substr(`source_key`, 6) AS INTEGER)
WHERE `source_key` LIKE 'flag:%' AND `flag_id` IS NULL AND CAST(substr(`source_key`, 6) AS INTEGER) IN (SELECT `id` FROM `flags`);
