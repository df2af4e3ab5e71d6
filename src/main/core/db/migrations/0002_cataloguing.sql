CREATE TABLE `bulk_operations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`summary` text NOT NULL,
	`inverse` text NOT NULL,
	`article_count` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bulk_operations_uid_unique` ON `bulk_operations` (`uid`);--> statement-breakpoint
CREATE INDEX `annotations_entity_idx` ON `annotations` (`entity_id`);--> statement-breakpoint
CREATE INDEX `collection_articles_position_idx` ON `collection_articles` (`collection_id`,`position`,`article_id`);