-- A MOVED_TO_CENTRE history row names the centre the gift is now expected at, so the donor's history
-- can say where. Earlier rows: the last move of a letter still waiting for its gift is to its centre.
ALTER TABLE letter_status_change ADD COLUMN handover_point_id bigint;

UPDATE letter_status_change h SET handover_point_id = l.handover_point_id
FROM letter l
WHERE l.id = h.letter_id AND h.reason = 'MOVED_TO_CENTRE'
  AND h.id = (SELECT max(h2.id) FROM letter_status_change h2 WHERE h2.letter_id = h.letter_id AND h2.reason = 'MOVED_TO_CENTRE');
