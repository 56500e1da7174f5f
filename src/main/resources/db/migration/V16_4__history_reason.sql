-- A history row's reason (IMPORTED, HOLD_EXPIRED, MISSING_CONSENT, …) gets its own column; the
-- free text a person typed keeps its own. Until now both were one text, "REASON: note", parsed back
-- with a regular expression on every read. The old rows are parsed here once, by the same rule: the
-- part before the first ": " is a reason when it is made of capital letters and underscores only.
ALTER TABLE letter_status_change
    ADD COLUMN reason    varchar(40),
    ADD COLUMN note_text varchar(500);

UPDATE letter_status_change
SET reason    = split_part(note, ': ', 1),
    note_text = CASE WHEN position(': ' IN note) > 0 THEN substr(note, position(': ' IN note) + 2) END
WHERE note IS NOT NULL AND split_part(note, ': ', 1) ~ '^[A-Z_]+$' AND length(split_part(note, ': ', 1)) <= 40;

UPDATE letter_status_change SET note_text = note WHERE note IS NOT NULL AND reason IS NULL;

-- The line as one text stays readable for queries and exports that read it so, but nobody writes it:
-- the database derives it from the two columns.
ALTER TABLE letter_status_change DROP COLUMN note;
ALTER TABLE letter_status_change ADD COLUMN note text GENERATED ALWAYS AS (
    CASE WHEN reason IS NULL THEN note_text
         WHEN note_text IS NULL THEN reason
         ELSE reason || ': ' || note_text END) STORED;
