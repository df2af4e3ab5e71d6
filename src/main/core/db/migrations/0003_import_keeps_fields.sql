ALTER TABLE `articles` ADD `summary` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `published_time` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `extra` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `story_uid` text;--> statement-breakpoint
CREATE INDEX `articles_source_ref_idx` ON `articles` (`source_ref`);--> statement-breakpoint
CREATE INDEX `articles_url_idx` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_story_idx` ON `articles` (`story_uid`);