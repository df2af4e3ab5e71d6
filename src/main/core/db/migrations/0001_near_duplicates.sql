CREATE TABLE `article_signatures` (
	`article_id` integer NOT NULL,
	`band` integer NOT NULL,
	`hash` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_signatures_hash_idx` ON `article_signatures` (`hash`);--> statement-breakpoint
CREATE INDEX `article_signatures_article_idx` ON `article_signatures` (`article_id`);--> statement-breakpoint
CREATE TABLE `duplicate_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`other_id` integer NOT NULL,
	`score` real NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_candidates_pair_idx` ON `duplicate_candidates` (`article_id`,`other_id`);--> statement-breakpoint
CREATE INDEX `duplicate_candidates_other_idx` ON `duplicate_candidates` (`other_id`);--> statement-breakpoint
CREATE INDEX `duplicate_candidates_status_idx` ON `duplicate_candidates` (`status`);