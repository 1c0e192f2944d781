-- The CRM's own id for a contact (Salesforce Contact.Id), so re-imports match contacts by it before
-- e-mail and activity rows can find their contact by WhoId. Nullable: contacts made by hand have none;
-- the unique index never counts NULLs as duplicates, so it is unique among the contacts that have one.
ALTER TABLE `contacts` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_external_id` ON `contacts` (`external_id`);
