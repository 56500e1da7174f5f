-- A centre's address and opening hours in the reader's language, as its name already is (issue 22).
-- address and hours stay the Azerbaijani text, required; English and Russian are optional and a page
-- falls back to the Azerbaijani text where they are missing.
ALTER TABLE handover_point
    ADD COLUMN address_en varchar(300),
    ADD COLUMN address_ru varchar(300),
    ADD COLUMN hours_en   varchar(160),
    ADD COLUMN hours_ru   varchar(160);

-- The demo's centres, where a database already holds them: their English and Russian words.
UPDATE handover_point p
SET address_en = t.address_en, address_ru = t.address_ru
FROM (VALUES
    ('Bakı, Yasamal rayonu', 'Yasamal district, Baku', 'Баку, Ясамальский район'),
    ('Bakı, Xətai rayonu', 'Khatai district, Baku', 'Баку, Хатаинский район'),
    ('Bakı, Sabunçu rayonu', 'Sabunchu district, Baku', 'Баку, Сабунчинский район'),
    ('Bakı, Nərimanov rayonu', 'Narimanov district, Baku', 'Баку, Наримановский район'),
    ('Sumqayıt şəhəri', 'Sumqayit city', 'город Сумгайыт'),
    ('Gəncə şəhəri', 'Ganja city', 'город Гянджа'),
    ('Şəki şəhəri', 'Shaki city', 'город Шеки'),
    ('Masallı şəhəri', 'Masally town', 'город Масаллы'),
    ('Quba şəhəri', 'Guba town', 'город Губа'),
    ('Bərdə şəhəri', 'Barda town', 'город Барда')
) AS t(address_az, address_en, address_ru)
WHERE p.address = t.address_az AND p.address_en IS NULL AND p.address_ru IS NULL;

UPDATE handover_point
SET hours_en = 'Mon–Sat 09:00–20:00', hours_ru = 'Пн–Сб 09:00–20:00'
WHERE hours = 'B.e.–Şənbə 09:00–20:00' AND hours_en IS NULL AND hours_ru IS NULL;
