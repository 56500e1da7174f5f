-- A gift tag code is checked against its own letter, so it need not be unique across all letters:
-- at a million letters, 40 random bits would collide now and then and refuse a registration. The
-- index stays for looking a tag up.
ALTER TABLE letter DROP CONSTRAINT letter_gift_tag_code_key;
CREATE INDEX letter_gift_tag_code_idx ON letter (gift_tag_code);
