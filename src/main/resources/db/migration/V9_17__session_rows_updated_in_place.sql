-- A session's last access is written at most once a minute, and those UPDATEs should be HOT (rewritten
-- in place, no index touched). The index on expiry_time made every one of them a non-HOT update that
-- also wrote all three indexes. It served only the clean-up that deletes expired sessions once a minute
-- per node; that now scans the table, which holds only signed-in people's sessions (visitors who have
-- not signed in no longer get one), a few thousand short rows at the busiest.
DROP INDEX spring_session_ix2;
-- Room on each page for the new version of a row, so that its update can stay on the same page.
ALTER TABLE spring_session SET (fillfactor = 70);
