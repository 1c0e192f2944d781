-- SPEC revision 2026-12: renewals, opportunities and triage cases; accounts keep their e-mail
-- domains, churn date and reason; touches record where they came from (and the calendar UID or
-- Message-ID, so a capture never logs one twice); a health snapshot may have no score (band
-- no_data: SQLite cannot drop NOT NULL in place, so the table is rebuilt with its rows); tasks know
-- the flag they were made from; presets keep value maps. Rows that came from an import are marked so.
CREATE TABLE `opportunities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`title` text NOT NULL,
	`arr_cents` integer DEFAULT 0 NOT NULL,
	`stage` text DEFAULT 'identified' NOT NULL,
	`expected_close` text,
	`source` text DEFAULT 'manual' NOT NULL,
	`closed_on` text,
	`revenue_event_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revenue_event_id`) REFERENCES `revenue_events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `opportunities_account` ON `opportunities` (`account_id`);--> statement-breakpoint
CREATE TABLE `renewals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`term_months` integer DEFAULT 12 NOT NULL,
	`forecast` text,
	`expected_arr_cents` integer,
	`outcome` text,
	`closed_on` text,
	`renewed_mrr_cents` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `renewals_account` ON `renewals` (`account_id`);--> statement-breakpoint
CREATE INDEX `renewals_due` ON `renewals` (`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `renewals_one_open` ON `renewals` (`account_id`) WHERE "renewals"."outcome" IS NULL;--> statement-breakpoint
CREATE TABLE `triage_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`opened_on` text NOT NULL,
	`triggers` text DEFAULT '[]' NOT NULL,
	`root_cause` text,
	`plan` text DEFAULT '' NOT NULL,
	`target_date` text,
	`closed_on` text,
	`outcome` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `triage_cases_account` ON `triage_cases` (`account_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `triage_cases_one_open` ON `triage_cases` (`account_id`) WHERE "triage_cases"."closed_on" IS NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_health_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`score` integer,
	`band` text NOT NULL,
	`confidence` real NOT NULL,
	`components` text NOT NULL,
	`in_triage` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_health_snapshots`("id", "account_id", "date", "score", "band", "confidence", "components", "in_triage") SELECT "id", "account_id", "date", "score", "band", "confidence", "components", "in_triage" FROM `health_snapshots`;--> statement-breakpoint
DROP TABLE `health_snapshots`;--> statement-breakpoint
ALTER TABLE `__new_health_snapshots` RENAME TO `health_snapshots`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `health_snapshots_account_date` ON `health_snapshots` (`account_id`,`date`);--> statement-breakpoint
CREATE INDEX `health_snapshots_date` ON `health_snapshots` (`date`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `domains` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `churned_on` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `churn_reason` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `edited_in_app` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `edited_in_app` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_presets` ADD `options` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `reminders` ADD `flag_id` integer REFERENCES flags(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `reminders` ADD `shared` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `revenue_events` ADD `source` text;--> statement-breakpoint
ALTER TABLE `revenue_events` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `touches` ADD `next_step_shared` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `touches` ADD `source` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `touches` ADD `direction` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `external_ref` text;--> statement-breakpoint
CREATE UNIQUE INDEX `touches_external_ref` ON `touches` (`external_ref`);--> statement-breakpoint
UPDATE `touches` SET `source` = 'import' WHERE `import_batch_id` IS NOT NULL;--> statement-breakpoint
UPDATE `revenue_events` SET `source` = 'import' WHERE `import_batch_id` IS NOT NULL;