DROP INDEX `articles_title_idx`;--> statement-breakpoint
ALTER TABLE `articles` ADD `title_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `author_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_title_key_idx` ON `articles` (`title_key`,`id`);--> statement-breakpoint
CREATE INDEX `articles_author_key_idx` ON `articles` (`author_key`,`id`);--> statement-breakpoint
ALTER TABLE `sources` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `sources_name_key_idx` ON `sources` (`name_key`,`id`);--> statement-breakpoint
-- warraq: data migration
-- the keys of existing rows, from the same TypeScript function every writer uses (open.ts
-- registers warraq_sort_key and warraq_source_key on the connection before migrating);
-- recomputing them is harmless, so the statements are safe to run again. The indexes are
-- dropped for the fill and built again after it: one sort instead of a million random inserts.
DROP INDEX IF EXISTS `articles_title_key_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `articles_author_key_idx`;--> statement-breakpoint
UPDATE `articles` SET `title_key` = warraq_sort_key(`title`),
  `author_key` = warraq_sort_key(CASE WHEN json_valid(`authors`) THEN json_extract(`authors`, '$[0]') END);--> statement-breakpoint
UPDATE `sources` SET `name_key` = warraq_source_key(`name`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `articles_title_key_idx` ON `articles` (`title_key`,`id`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `articles_author_key_idx` ON `articles` (`author_key`,`id`);
