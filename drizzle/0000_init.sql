CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`segment` text DEFAULT 'smb' NOT NULL,
	`stage` text DEFAULT 'onboarding' NOT NULL,
	`mrr_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`contract_start` text,
	`renewal_date` text,
	`seats` integer,
	`industry` text,
	`website` text,
	`notes` text DEFAULT '' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`import_batch_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_external_id` ON `accounts` (`external_id`);--> statement-breakpoint
CREATE INDEX `accounts_name` ON `accounts` (`name`);--> statement-breakpoint
CREATE INDEX `accounts_renewal` ON `accounts` (`renewal_date`);--> statement-breakpoint
CREATE INDEX `accounts_batch` ON `accounts` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`title` text,
	`level` text DEFAULT 'ic' NOT NULL,
	`is_user` integer DEFAULT false NOT NULL,
	`role` text,
	`strength` integer DEFAULT 0 NOT NULL,
	`left_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`import_batch_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_account` ON `contacts` (`account_id`);--> statement-breakpoint
CREATE INDEX `contacts_email` ON `contacts` (lower("email"));--> statement-breakpoint
CREATE INDEX `contacts_batch` ON `contacts` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`rule` text NOT NULL,
	`severity` text NOT NULL,
	`reason` text NOT NULL,
	`raised_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`cleared_at` text,
	`snoozed_until` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `flags_account_open` ON `flags` (`account_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `flags_rule` ON `flags` (`rule`);--> statement-breakpoint
CREATE TABLE `health_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`score` integer NOT NULL,
	`band` text NOT NULL,
	`confidence` real NOT NULL,
	`components` text NOT NULL,
	`in_triage` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `health_snapshots_account_date` ON `health_snapshots` (`account_id`,`date`);--> statement-breakpoint
CREATE INDEX `health_snapshots_date` ON `health_snapshots` (`date`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`kind` text NOT NULL,
	`mapping` text DEFAULT '{}' NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`undone_at` text
);
--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`before` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_changes_batch` ON `import_changes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`headers_key` text NOT NULL,
	`mapping` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_name_unique` ON `import_presets` (`name`);--> statement-breakpoint
CREATE TABLE `metric_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`key` text NOT NULL,
	`value` real NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`import_batch_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_samples_natural` ON `metric_samples` (`account_id`,`key`,`date`);--> statement-breakpoint
CREATE INDEX `metric_samples_batch` ON `metric_samples` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer,
	`title` text NOT NULL,
	`due` text NOT NULL,
	`done_at` text,
	`snoozed_until` text,
	`source` text DEFAULT 'manual' NOT NULL,
	`source_key` text,
	`notified_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`due`);--> statement-breakpoint
CREATE INDEX `reminders_account` ON `reminders` (`account_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_source_key` ON `reminders` (`source_key`);--> statement-breakpoint
CREATE TABLE `revenue_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`mrr_delta_cents` integer NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`import_batch_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revenue_events_account_date` ON `revenue_events` (`account_id`,`date`);--> statement-breakpoint
CREATE INDEX `revenue_events_date` ON `revenue_events` (`date`);--> statement-breakpoint
CREATE INDEX `revenue_events_batch` ON `revenue_events` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `success_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`goal` text NOT NULL,
	`measure` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`due_date` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `success_goals_account` ON `success_goals` (`account_id`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`contact_id` integer,
	`kind` text NOT NULL,
	`score` real NOT NULL,
	`date` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`import_batch_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `survey_responses_account_date` ON `survey_responses` (`account_id`,`date`);--> statement-breakpoint
CREATE INDEX `survey_responses_date` ON `survey_responses` (`date`);--> statement-breakpoint
CREATE INDEX `survey_responses_batch` ON `survey_responses` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `touch_contacts` (
	`touch_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	PRIMARY KEY(`touch_id`, `contact_id`),
	FOREIGN KEY (`touch_id`) REFERENCES `touches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `touch_contacts_contact` ON `touch_contacts` (`contact_id`);--> statement-breakpoint
CREATE TABLE `touches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`type` text NOT NULL,
	`occurred_at` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`sentiment` integer,
	`next_step` text,
	`follow_up_due` text,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`import_batch_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `touches_account_date` ON `touches` (`account_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `touches_follow_up` ON `touches` (`follow_up_due`);--> statement-breakpoint
CREATE INDEX `touches_batch` ON `touches` (`import_batch_id`);