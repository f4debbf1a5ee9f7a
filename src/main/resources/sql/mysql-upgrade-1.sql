-- duban SQL contract, MySQL 8 and MariaDB: upgrade from schema version 1 to 2.
-- Adds nullable columns only; rows written at version 1 keep their values (the new columns stay null).
-- Run it once (MySQL 8 has no ADD COLUMN IF NOT EXISTS): a second run stops at the first ALTER.

CREATE TABLE IF NOT EXISTS duban_schema_version (
    version      INTEGER      NOT NULL PRIMARY KEY,
    applied_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE duban_reports
    ADD COLUMN value DECIMAL(24,6);

ALTER TABLE duban_assessments
    ADD COLUMN reports_due DATE,
    ADD COLUMN reports_on_time INTEGER,
    ADD COLUMN reports_late INTEGER,
    ADD COLUMN reports_missing INTEGER,
    ADD COLUMN tasks INTEGER,
    ADD COLUMN done INTEGER,
    ADD COLUMN on_track INTEGER,
    ADD COLUMN lagging INTEGER,
    ADD COLUMN overdue INTEGER,
    ADD COLUMN dated INTEGER,
    ADD COLUMN on_schedule INTEGER,
    ADD COLUMN notices INTEGER,
    ADD COLUMN criticisms INTEGER,
    ADD COLUMN exposures INTEGER,
    ADD COLUMN commendations INTEGER,
    ADD COLUMN early_completions INTEGER,
    ADD COLUMN units_scored INTEGER,
    ADD COLUMN red INTEGER,
    ADD COLUMN yellow INTEGER,
    ADD COLUMN summary_rule MEDIUMTEXT;

ALTER TABLE duban_scores
    ADD COLUMN deductions DECIMAL(10,4),
    ADD COLUMN bonuses DECIMAL(10,4),
    ADD COLUMN ceiling VARCHAR(20);

ALTER TABLE duban_board
    ADD COLUMN status VARCHAR(20),
    ADD COLUMN status_cn VARCHAR(20),
    ADD COLUMN reported_percent INTEGER,
    ADD COLUMN behind DECIMAL(9,4),
    ADD COLUMN days_overdue INTEGER,
    ADD COLUMN on_schedule BOOLEAN;

INSERT IGNORE INTO duban_schema_version (version) VALUES (2);
