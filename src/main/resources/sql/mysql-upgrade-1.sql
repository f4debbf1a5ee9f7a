-- duban SQL contract, MySQL 8 and MariaDB: upgrade from schema version 1 to 2.
-- Adds nullable columns and the new table duban_reminders; rows written at version 1 keep their values
-- (the new columns stay null).
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

-- The reminders (催办) of a day (DubanJdbc.remind): one row per reminder, in the order Duban.reminders
-- gives them (seq); a rerun of a plan and date replaces that plan-date's rows in one transaction.
CREATE TABLE IF NOT EXISTS duban_reminders (
    plan_id      VARCHAR(200) NOT NULL,
    remind_date  DATE         NOT NULL,
    seq          INTEGER      NOT NULL,
    id           CHAR(16)     NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    kind_cn      VARCHAR(40)  NOT NULL,
    level        VARCHAR(20)  NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    person       VARCHAR(200),
    task         INTEGER,
    report_month CHAR(7),
    due_on       DATE         NOT NULL,
    rule         MEDIUMTEXT   NOT NULL,
    facts_json   LONGTEXT     NOT NULL,
    message      VARCHAR(200) NOT NULL,
    ruleset      VARCHAR(128),
    PRIMARY KEY (plan_id, remind_date, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT IGNORE INTO duban_schema_version (version) VALUES (2);
