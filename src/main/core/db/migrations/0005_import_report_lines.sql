CREATE TABLE `import_report_lines` (
	`report_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`line` text NOT NULL,
	PRIMARY KEY(`report_id`, `seq`),
	FOREIGN KEY (`report_id`) REFERENCES `import_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
