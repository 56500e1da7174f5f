-- A donor's message to the child belongs to the hold it was written in. Until now it stayed on the
-- letter when that hold ended without a gift, and the next donor saw it as their own: messages whose
-- writer no longer holds (or held until the gift) the letter were never passed on and are deleted.
DELETE FROM donor_message m
WHERE NOT EXISTS (SELECT 1 FROM letter l WHERE l.id = m.letter_id AND l.donor_id = m.donor_id);
