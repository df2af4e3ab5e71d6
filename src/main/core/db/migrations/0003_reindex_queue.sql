CREATE TABLE `reindex_queue` (
	`article_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
