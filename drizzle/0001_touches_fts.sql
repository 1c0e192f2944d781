-- Full-text search over touch summaries and notes (the command palette). An external-content FTS5
-- index: the text lives once, in touches; triggers keep the index in step; existing rows are
-- backfilled here. drizzle-kit does not model virtual tables, hence a custom migration.
CREATE VIRTUAL TABLE `touches_fts` USING fts5(summary, notes, content='touches', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `touches_fts_insert` AFTER INSERT ON `touches` BEGIN
  INSERT INTO touches_fts(rowid, summary, notes) VALUES (new.id, new.summary, new.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `touches_fts_delete` AFTER DELETE ON `touches` BEGIN
  INSERT INTO touches_fts(touches_fts, rowid, summary, notes) VALUES ('delete', old.id, old.summary, old.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `touches_fts_update` AFTER UPDATE OF summary, notes ON `touches` BEGIN
  INSERT INTO touches_fts(touches_fts, rowid, summary, notes) VALUES ('delete', old.id, old.summary, old.notes);
  INSERT INTO touches_fts(rowid, summary, notes) VALUES (new.id, new.summary, new.notes);
END;
--> statement-breakpoint
INSERT INTO touches_fts(touches_fts) VALUES ('rebuild');
