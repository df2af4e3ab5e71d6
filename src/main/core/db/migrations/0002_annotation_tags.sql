CREATE TABLE `annotation_tags` (
	`annotation_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`annotation_id`, `tag_id`),
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `annotation_tags_tag_idx` ON `annotation_tags` (`tag_id`);--> statement-breakpoint
-- warraq: data migration
-- 1. every tag name the annotations' JSON arrays hold gets its row in `tags` (trimmed, as the
--    app writes them; blanks and non-strings dropped; an array that is not JSON counts as none)
INSERT OR IGNORE INTO `tags` (`name`)
  SELECT DISTINCT trim(j.value) FROM `annotations` n,
    json_each(CASE WHEN json_valid(n.`tags`) THEN n.`tags` ELSE '[]' END) j
  WHERE j.type = 'text' AND trim(j.value) <> '';--> statement-breakpoint
-- 2. one link per annotation and tag (repeats in an array collapse)
INSERT OR IGNORE INTO `annotation_tags` (`annotation_id`, `tag_id`)
  SELECT n.`id`, t.`id` FROM `annotations` n,
    json_each(CASE WHEN json_valid(n.`tags`) THEN n.`tags` ELSE '[]' END) j
    JOIN `tags` t ON t.`name` = trim(j.value)
  WHERE j.type = 'text';--> statement-breakpoint
-- 3. drizzle-kit's DROP COLUMN, moved here from the generated part: it must come after the copy.
--    When migrations are regenerated into one file, keep this statement last.
ALTER TABLE `annotations` DROP COLUMN `tags`;
