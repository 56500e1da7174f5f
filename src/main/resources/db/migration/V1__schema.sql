-- The schema of ASAN Məktub. Names that people sort and search use the Azerbaijani ICU collation,
-- so that ə, ğ, ı/İ, ö, ü, ç, ş sort and compare the Azerbaijani way.

CREATE TABLE economic_region (
    id      smallserial PRIMARY KEY,
    name_az varchar(80) COLLATE "az-x-icu" NOT NULL UNIQUE,
    name_en varchar(80) NOT NULL,
    name_ru varchar(80) NOT NULL
);

CREATE TABLE region (
    id                 serial PRIMARY KEY,
    code               varchar(16) NOT NULL UNIQUE,
    parent_id          integer REFERENCES region (id),
    name_az            varchar(80) COLLATE "az-x-icu" NOT NULL,
    name_en            varchar(80) NOT NULL,
    name_ru            varchar(80) NOT NULL,
    type               varchar(32) NOT NULL
        CHECK (type IN ('autonomous_republic', 'city', 'district', 'city_district')),
    economic_region_id smallint NOT NULL REFERENCES economic_region (id)
);
CREATE INDEX region_parent_idx ON region (parent_id);
CREATE INDEX region_economic_region_idx ON region (economic_region_id);

CREATE TABLE app_user (
    id                 bigserial PRIMARY KEY,
    email              varchar(254) NOT NULL,
    password_hash      varchar(200),
    full_name          varchar(200) COLLATE "az-x-icu" NOT NULL,
    phone              varchar(32),
    role               varchar(16) NOT NULL CHECK (role IN ('DONOR', 'VOLUNTEER', 'STAFF', 'ADMIN')),
    organisation       boolean NOT NULL DEFAULT false,
    adoption_limit     integer CHECK (adoption_limit IS NULL OR adoption_limit > 0),
    locked             boolean NOT NULL DEFAULT false,
    email_confirmed_at timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    anonymised_at      timestamptz,
    version            integer NOT NULL DEFAULT 0
);
-- One account per address, whatever its case.
CREATE UNIQUE INDEX app_user_email_uk ON app_user (lower(email));

CREATE TABLE volunteer_region (
    user_id   bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    region_id integer NOT NULL REFERENCES region (id),
    PRIMARY KEY (user_id, region_id)
);

CREATE TABLE campaign (
    id                 bigserial PRIMARY KEY,
    code               varchar(40) NOT NULL UNIQUE,
    name_az            varchar(160) NOT NULL,
    name_en            varchar(160) NOT NULL,
    name_ru            varchar(160) NOT NULL,
    kind               varchar(16) NOT NULL CHECK (kind IN ('YEAR_ROUND', 'SEASONAL')),
    starts_on          date NOT NULL,
    ends_on            date NOT NULL,
    status             varchar(16) NOT NULL CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED')),
    min_age            smallint NOT NULL DEFAULT 3,
    max_age            smallint NOT NULL DEFAULT 14,
    age_reference_date date NOT NULL,
    hold_days          integer NOT NULL DEFAULT 14 CHECK (hold_days > 0),
    donor_limit        integer NOT NULL DEFAULT 3 CHECK (donor_limit > 0),
    target_wishes      integer CHECK (target_wishes IS NULL OR target_wishes > 0),
    closed_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on),
    CHECK (min_age >= 0 AND min_age <= max_age)
);

CREATE TABLE handover_point (
    id         bigserial PRIMARY KEY,
    region_id  integer NOT NULL REFERENCES region (id),
    name_az    varchar(160) NOT NULL,
    name_en    varchar(160) NOT NULL,
    name_ru    varchar(160) NOT NULL,
    address    varchar(300) NOT NULL,
    hours      varchar(160) NOT NULL,
    accepting  boolean NOT NULL DEFAULT true,
    version    integer NOT NULL DEFAULT 0
);

-- The child's private data. Nothing here is ever shown on a public page but the first name.
CREATE TABLE child (
    id            bigserial PRIMARY KEY,
    first_name    varchar(60) COLLATE "az-x-icu" NOT NULL,
    surname       varchar(80) COLLATE "az-x-icu",
    birth_date    date,
    gender        varchar(1) NOT NULL CHECK (gender IN ('F', 'M')),
    region_id     integer NOT NULL REFERENCES region (id),
    care_setting  varchar(20) NOT NULL
        CHECK (care_setting IN ('FAMILY', 'CHILDREN_HOME', 'SHELTER', 'BOARDING_SCHOOL', 'OTHER')),
    contact       varchar(300),
    anonymised_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX child_identity_idx ON child (region_id, birth_date, lower(first_name), lower(surname));

CREATE TABLE letter (
    id                bigserial PRIMARY KEY,
    code              varchar(16) NOT NULL UNIQUE,
    gift_tag_code     varchar(16) NOT NULL UNIQUE,
    campaign_id       bigint NOT NULL REFERENCES campaign (id),
    child_id          bigint NOT NULL REFERENCES child (id),
    -- Copies of the child's public facts, so that the tree and reports filter without touching child.
    region_id         integer NOT NULL REFERENCES region (id),
    first_name        varchar(60) COLLATE "az-x-icu" NOT NULL,
    age               smallint NOT NULL CHECK (age BETWEEN 0 AND 25),
    gender            varchar(1) NOT NULL CHECK (gender IN ('F', 'M')),
    status            varchar(16) NOT NULL
        CHECK (status IN ('RECEIVED', 'INCOMPLETE', 'PUBLISHED', 'ADOPTED', 'GIFT_RECEIVED', 'FULFILLED', 'WITHDRAWN')),
    original_wish     text,
    public_wish       text COLLATE "az-x-icu",
    category          varchar(20) NOT NULL
        CHECK (category IN ('TOY', 'CLOTHES', 'SHOES', 'BOOKS', 'SCHOOL', 'ELECTRONICS', 'SPORTS', 'MUSIC', 'EXPERIENCE', 'OTHER')),
    sizes             varchar(100),
    estimated_cost    numeric(10, 2) CHECK (estimated_cost IS NULL OR estimated_cost >= 0),
    scan_shareable    boolean NOT NULL DEFAULT false,
    status_reason     varchar(30),
    status_note       varchar(500),
    donor_id          bigint REFERENCES app_user (id),
    adopted_at        timestamptz,
    due_date          date,
    handover_point_id bigint REFERENCES handover_point (id),
    published_at      timestamptz,
    gift_received_at  timestamptz,
    fulfilled_on      date,
    fulfilment_note   varchar(500),
    registered_by     bigint REFERENCES app_user (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 0,
    CHECK (status NOT IN ('ADOPTED', 'GIFT_RECEIVED') OR donor_id IS NOT NULL)
);
CREATE INDEX letter_campaign_status_idx ON letter (campaign_id, status);
CREATE INDEX letter_region_status_idx ON letter (region_id, status);
CREATE INDEX letter_status_idx ON letter (status);
CREATE INDEX letter_donor_idx ON letter (donor_id) WHERE donor_id IS NOT NULL;
CREATE INDEX letter_child_idx ON letter (child_id);
CREATE INDEX letter_due_idx ON letter (due_date) WHERE status = 'ADOPTED';

-- Images (the scan of the letter, the photo of the gift), always re-encoded before they land here.
CREATE TABLE letter_image (
    letter_id    bigint NOT NULL REFERENCES letter (id) ON DELETE CASCADE,
    kind         varchar(16) NOT NULL CHECK (kind IN ('SCAN', 'GIFT_PHOTO')),
    content_type varchar(40) NOT NULL,
    bytes        bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (letter_id, kind)
);

-- Every change of a letter's status: who, when, from, to, note.
CREATE TABLE letter_status_change (
    id          bigserial PRIMARY KEY,
    letter_id   bigint NOT NULL REFERENCES letter (id) ON DELETE CASCADE,
    from_status varchar(16),
    to_status   varchar(16) NOT NULL,
    changed_by  bigint REFERENCES app_user (id),
    changed_at  timestamptz NOT NULL DEFAULT now(),
    note        varchar(500)
);
CREATE INDEX letter_status_change_letter_idx ON letter_status_change (letter_id, changed_at);

-- Spring Session JDBC: sessions live in PostgreSQL, so any app node serves any user.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint NOT NULL,
    last_access_time      bigint NOT NULL,
    max_inactive_interval integer NOT NULL,
    expiry_time           bigint NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36) NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- ShedLock: a scheduled job runs on one node of the cluster at a time.
CREATE TABLE shedlock (
    name       varchar(64) PRIMARY KEY,
    lock_until timestamptz NOT NULL,
    locked_at  timestamptz NOT NULL,
    locked_by  varchar(255) NOT NULL
);
