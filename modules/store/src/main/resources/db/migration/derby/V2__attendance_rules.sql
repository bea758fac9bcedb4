-- FaceAttend attendance rules, schema version 2: work shifts, who works which shift, holidays,
-- the organisation's time zone, and administrators' manual corrections.
--
-- Camera events in ATTENDANCE_EVENT are never rewritten: a correction is a row of its own that
-- either adds a manual pass or voids one camera pass, always with a reason and an actor (and an
-- AUDIT_LOG entry written in the same transaction).

CREATE TABLE work_shift (
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    name          VARCHAR(64) NOT NULL,
    -- local wall-clock times in the organisation's time zone; end <= start means it ends next day
    start_time    TIME        NOT NULL,
    end_time      TIME        NOT NULL,
    grace_minutes INT         NOT NULL,
    -- ISO day numbers the shift is worked on, e.g. '12345' for Monday to Friday
    work_days     VARCHAR(7)  NOT NULL,
    created_at    TIMESTAMP   NOT NULL,
    CONSTRAINT work_shift_pk PRIMARY KEY (id),
    CONSTRAINT work_shift_name_uq UNIQUE (name),
    CONSTRAINT work_shift_grace_ck CHECK (grace_minutes >= 0 AND grace_minutes <= 240),
    CONSTRAINT work_shift_times_ck CHECK (start_time <> end_time)
);

-- Who works which shift from which date on. Exactly one of department / employee is set; an
-- employee's own assignment wins over their department's; the latest valid_from <= day applies.
CREATE TABLE shift_assignment (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    shift_id    BIGINT       NOT NULL,
    department  VARCHAR(200),
    employee_id BIGINT,
    valid_from  DATE         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT shift_assignment_pk PRIMARY KEY (id),
    CONSTRAINT shift_assignment_shift_fk FOREIGN KEY (shift_id) REFERENCES work_shift (id) ON DELETE CASCADE,
    CONSTRAINT shift_assignment_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE CASCADE,
    CONSTRAINT shift_assignment_target_ck CHECK ((department IS NULL) <> (employee_id IS NULL))
);

CREATE TABLE holiday (
    holiday_date DATE         NOT NULL,
    name         VARCHAR(200) NOT NULL,
    CONSTRAINT holiday_pk PRIMARY KEY (holiday_date)
);

-- Organisation-wide settings as key/value text ('time_zone' = an IANA zone id such as Europe/Berlin).
CREATE TABLE org_setting (
    setting_key   VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(200) NOT NULL,
    CONSTRAINT org_setting_pk PRIMARY KEY (setting_key)
);

CREATE TABLE attendance_correction (
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    employee_id     BIGINT        NOT NULL,
    -- 'ADD': a manual pass at event_time/direction; 'VOID': camera pass voided_event_id does not count
    kind            VARCHAR(8)    NOT NULL,
    event_time      TIMESTAMP,
    direction       VARCHAR(3),
    voided_event_id BIGINT,
    reason          VARCHAR(500)  NOT NULL,
    actor           VARCHAR(128)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT attendance_correction_pk PRIMARY KEY (id),
    CONSTRAINT attendance_correction_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE CASCADE,
    CONSTRAINT attendance_correction_event_fk FOREIGN KEY (voided_event_id)
        REFERENCES attendance_event (id) ON DELETE CASCADE,
    CONSTRAINT attendance_correction_kind_ck CHECK (
        (kind = 'ADD' AND event_time IS NOT NULL AND direction IN ('IN', 'OUT') AND voided_event_id IS NULL)
        OR (kind = 'VOID' AND voided_event_id IS NOT NULL)),
    CONSTRAINT attendance_correction_reason_ck CHECK (LENGTH(TRIM(reason)) > 0)
);
CREATE INDEX attendance_correction_employee_ix ON attendance_correction (employee_id, event_time);
