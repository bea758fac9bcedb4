-- FaceAttend schema version 4 (issue 18): idempotent enrolment and crash-safe erasure.

-- SHA-256 (hex) of a template's model id and vector bytes. Enrolling the same photo again gives the
-- same embedding, so the unique key turns a repeated enrolment into a no-op instead of a doubled
-- template. NULL for templates stored before V4 (NULLs in a UNIQUE key are distinct).
ALTER TABLE face_template ADD COLUMN content_hash CHAR(64);
ALTER TABLE face_template ADD CONSTRAINT face_template_content_uq UNIQUE (employee_id, content_hash);

-- Tables whose deleted rows still sit in the database files (a biometric erasure that has not been
-- scrubbed yet). Written in the same transaction as the DELETE, removed once the scrub finished;
-- every open of the store finishes what a crash or kill left pending.
CREATE TABLE scrub_pending (
    table_name   VARCHAR(128) NOT NULL,
    requested_at TIMESTAMP    NOT NULL,
    CONSTRAINT scrub_pending_pk PRIMARY KEY (table_name)
);
