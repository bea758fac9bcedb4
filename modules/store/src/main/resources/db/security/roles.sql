-- FaceAttend roles (issue 17), applied by the database owner when accounts are first set up
-- (`faceattend users init`), and at every later owner open the roles and grants that the database
-- lacks (RoleGrants compares this script with Derby's catalog): add a GRANT here with the migration
-- that adds its table, nothing else. Derby's SQL authorisation enforces them for every connection,
-- whatever program opened the database. Table-level grants only (RoleGrants reads SYSTABLEPERMS).
-- No role may UPDATE or DELETE audit_log (and its trigger refuses even the owner); no role but the
-- owner may touch user_account or Derby's user procedures: user management runs as the owner.
-- One statement per line (RoleGrants splits on ';').
CREATE ROLE fa_admin;
CREATE ROLE fa_hr;
CREATE ROLE fa_security;
CREATE ROLE fa_station;
CREATE ROLE fa_auditor;

-- every account: the schema check done on open, and its own account row
GRANT SELECT ON "flyway_schema_history" TO PUBLIC;
GRANT SELECT ON user_account TO fa_admin, fa_auditor;

-- administrator: everything the application does, but the audit log only appended and read
GRANT SELECT, INSERT, UPDATE, DELETE ON employee TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON face_template TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON station TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON attendance_event TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON stranger_event TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON stranger_group TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON alert TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON work_shift TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON shift_assignment TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON holiday TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON org_setting TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON attendance_correction TO fa_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON scrub_pending TO fa_admin;
GRANT SELECT, INSERT ON audit_log TO fa_admin;

-- HR: employees, enrolment, consent, erasure, schedules, corrections, reports; no alerts, no users,
-- no reading of the audit log
GRANT SELECT, INSERT, UPDATE, DELETE ON employee TO fa_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON face_template TO fa_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON work_shift TO fa_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON shift_assignment TO fa_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON holiday TO fa_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON attendance_correction TO fa_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON scrub_pending TO fa_hr;
GRANT SELECT, DELETE ON attendance_event TO fa_hr;
GRANT SELECT ON station TO fa_hr;
GRANT SELECT ON org_setting TO fa_hr;
GRANT INSERT ON audit_log TO fa_hr;

-- security: stations, alerts and strangers; acknowledges alerts; sees who passed, not templates
GRANT SELECT ON employee TO fa_security;
GRANT SELECT ON station TO fa_security;
GRANT SELECT ON attendance_event TO fa_security;
GRANT SELECT, DELETE ON stranger_event TO fa_security;
GRANT SELECT, DELETE ON stranger_group TO fa_security;
GRANT SELECT, INSERT, UPDATE, DELETE ON scrub_pending TO fa_security;
GRANT SELECT, UPDATE ON alert TO fa_security;
GRANT SELECT ON org_setting TO fa_security;
GRANT INSERT ON audit_log TO fa_security;

-- station (device account): read what recognition needs, insert events and alerts, nothing else
-- (stranger groups are updated as a repeat stranger's visits add up; a station deletes expired
-- stranger embeddings when it starts, the retention rule: DELETE on those two tables only)
GRANT SELECT ON employee TO fa_station;
GRANT SELECT ON face_template TO fa_station;
GRANT SELECT, INSERT ON station TO fa_station;
GRANT SELECT, INSERT ON attendance_event TO fa_station;
GRANT SELECT, INSERT, DELETE ON stranger_event TO fa_station;
GRANT SELECT, INSERT, UPDATE, DELETE ON stranger_group TO fa_station;
GRANT SELECT, INSERT, UPDATE, DELETE ON scrub_pending TO fa_station;
-- SELECT: a station joins a sighting to its open alert, and a replayed delivery (issue 13) finds
-- its event id already stored; alerts hold no face data
GRANT SELECT, INSERT ON alert TO fa_station;
GRANT SELECT ON org_setting TO fa_station;
GRANT SELECT ON work_shift TO fa_station;
GRANT SELECT ON shift_assignment TO fa_station;
GRANT SELECT ON holiday TO fa_station;
GRANT INSERT ON audit_log TO fa_station;

-- auditor: reads everything but face templates, including the audit log; changes nothing
-- (it appends its own sign-in to the audit log, nothing else)
GRANT SELECT ON employee TO fa_auditor;
GRANT SELECT ON station TO fa_auditor;
GRANT SELECT ON attendance_event TO fa_auditor;
GRANT SELECT ON stranger_event TO fa_auditor;
GRANT SELECT ON alert TO fa_auditor;
GRANT SELECT ON work_shift TO fa_auditor;
GRANT SELECT ON shift_assignment TO fa_auditor;
GRANT SELECT ON holiday TO fa_auditor;
GRANT SELECT ON org_setting TO fa_auditor;
GRANT SELECT ON attendance_correction TO fa_auditor;
GRANT SELECT, INSERT ON audit_log TO fa_auditor;

-- erasure records (V6): written with the erasure by whoever may erase a person, read by the auditor
GRANT SELECT, INSERT ON erasure_record TO fa_admin;
GRANT SELECT, INSERT ON erasure_record TO fa_hr;
GRANT SELECT ON erasure_record TO fa_auditor;

-- security's Today window (who is in, who is late): the schedules behind it, read only
GRANT SELECT ON work_shift TO fa_security;
GRANT SELECT ON shift_assignment TO fa_security;
GRANT SELECT ON holiday TO fa_security;
GRANT SELECT ON attendance_correction TO fa_security;

-- issue 13 (V8): whoever changes people writes the change sequence in the same transaction;
-- stations follow it and write their heartbeats; admin and security watch the stations
GRANT SELECT, UPDATE ON gallery_change_counter TO fa_admin, fa_hr;
GRANT SELECT, INSERT ON gallery_change TO fa_admin, fa_hr;
GRANT SELECT ON gallery_change_counter TO fa_station;
GRANT SELECT ON gallery_change TO fa_station;
GRANT SELECT, INSERT, UPDATE ON station_heartbeat TO fa_station;
GRANT SELECT, DELETE ON station_heartbeat TO fa_admin;
GRANT SELECT ON station_heartbeat TO fa_security;
