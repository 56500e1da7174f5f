-- The physical tree: a letter printed as a tag hangs on the paper tree of one ASAN service centre
-- (a handover point) as well as on the online tree. Printing it again at another centre moves it there.
ALTER TABLE letter ADD COLUMN paper_tree_point_id bigint REFERENCES handover_point (id);
ALTER TABLE letter ADD COLUMN paper_printed_at timestamptz;
CREATE INDEX letter_paper_tree_idx ON letter (paper_tree_point_id, paper_printed_at) WHERE paper_tree_point_id IS NOT NULL;
