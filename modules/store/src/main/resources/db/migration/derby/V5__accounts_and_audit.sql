-- FaceAttend schema version 5 (issue 17): user accounts beside Derby's own (NATIVE) credentials,
-- and an audit log nobody can rewrite.
--
-- Passwords are NOT here: Derby's NATIVE authentication keeps them hashed in SYS.SYSUSERS. This
-- table holds what Derby has no place for: the FaceAttend role of each account, whether it was
-- disabled, and the failed-login count that drives the lockout (Derby itself never locks anyone out).
CREATE TABLE user_account (
    username      VARCHAR(128) NOT NULL,
    role_name     VARCHAR(16)  NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  TIMESTAMP,
    last_login    TIMESTAMP,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT user_account_pk PRIMARY KEY (username),
    CONSTRAINT user_account_role_ck CHECK (role_name IN ('ADMIN', 'HR', 'SECURITY', 'STATION', 'AUDITOR'))
);

-- From which station or PC an entry came, and the database account that wrote it. db_user is filled
-- by the engine (the connection's authenticated user), so it cannot be left out by mistake.
ALTER TABLE audit_log ADD COLUMN station VARCHAR(128);
ALTER TABLE audit_log ADD COLUMN db_user VARCHAR(128) DEFAULT CURRENT_USER;
CREATE INDEX audit_log_actor_ix ON audit_log (actor, event_time);

-- Append-only audit log, for every account including the database owner: any UPDATE or DELETE on
-- AUDIT_LOG fires a trigger whose INSERT breaks this table's CHECK constraint, so the statement
-- fails and is rolled back, naming the constraint. Plain SQL rather than a Java procedure: it holds
-- even when the database is opened by a JDBC tool that does not have FaceAttend's classes.
CREATE TABLE audit_log_guard (
    refused_statement VARCHAR(16),
    CONSTRAINT audit_log_is_append_only CHECK (refused_statement IS NULL AND refused_statement IS NOT NULL)
);
CREATE TRIGGER audit_log_no_update AFTER UPDATE ON audit_log FOR EACH STATEMENT
    INSERT INTO audit_log_guard (refused_statement) VALUES ('UPDATE');
CREATE TRIGGER audit_log_no_delete AFTER DELETE ON audit_log FOR EACH STATEMENT
    INSERT INTO audit_log_guard (refused_statement) VALUES ('DELETE');
