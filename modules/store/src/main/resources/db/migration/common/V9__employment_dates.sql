-- FaceAttend schema version 9: when an employee joined and left. Outside these dates nobody is
-- expected at work, so the attendance rules neither expect them nor count them absent.
-- Both are optional (unknown = no limit on that side); plain DATE columns run on Derby and PostgreSQL.
ALTER TABLE employee ADD COLUMN hire_date DATE;
ALTER TABLE employee ADD COLUMN leave_date DATE;
ALTER TABLE employee ADD CONSTRAINT employee_dates_ck
    CHECK (hire_date IS NULL OR leave_date IS NULL OR leave_date >= hire_date);
