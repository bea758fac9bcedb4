-- Issue 17: proof that a person's data was erased, without personal data: when, by whom, how
-- much, and an HMAC-SHA256 over those fields with a key kept outside the database (the secrets
-- folder), so an edited or invented record fails verification. The receipt is a random id that
-- can be handed to the person.
CREATE TABLE erasure_record (
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    receipt       CHAR(36)     NOT NULL,
    erased_at     TIMESTAMP    NOT NULL,
    actor         VARCHAR(128) NOT NULL,
    templates     INT          NOT NULL,
    events        INT          NOT NULL,
    signature     CHAR(64)     NOT NULL,
    CONSTRAINT erasure_record_pk PRIMARY KEY (id),
    CONSTRAINT erasure_record_receipt_uq UNIQUE (receipt)
);

-- Retention deletes by age through attendance_event_time_ix (V1).
