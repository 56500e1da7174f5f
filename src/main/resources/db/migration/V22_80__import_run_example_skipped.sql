-- A background run remembers whether it skipped the template's example row, so its page says so.
ALTER TABLE letter_import_run ADD COLUMN example_skipped boolean NOT NULL DEFAULT false;
