-- duban SQL contract, PostgreSQL: upgrade from schema version 1 to 2.
-- Adds nullable columns and the new table duban_reminders; rows written at version 1 keep their values
-- (the new columns stay null).
-- Can be run again: every statement is IF NOT EXISTS / ON CONFLICT DO NOTHING.

CREATE TABLE IF NOT EXISTS duban_schema_version (
    version      INTEGER      NOT NULL PRIMARY KEY,
    applied_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

ALTER TABLE duban_reports
    ADD COLUMN IF NOT EXISTS value DECIMAL(24,6);

ALTER TABLE duban_assessments
    ADD COLUMN IF NOT EXISTS reports_due DATE,
    ADD COLUMN IF NOT EXISTS reports_on_time INTEGER,
    ADD COLUMN IF NOT EXISTS reports_late INTEGER,
    ADD COLUMN IF NOT EXISTS reports_missing INTEGER,
    ADD COLUMN IF NOT EXISTS tasks INTEGER,
    ADD COLUMN IF NOT EXISTS done INTEGER,
    ADD COLUMN IF NOT EXISTS on_track INTEGER,
    ADD COLUMN IF NOT EXISTS lagging INTEGER,
    ADD COLUMN IF NOT EXISTS overdue INTEGER,
    ADD COLUMN IF NOT EXISTS dated INTEGER,
    ADD COLUMN IF NOT EXISTS on_schedule INTEGER,
    ADD COLUMN IF NOT EXISTS notices INTEGER,
    ADD COLUMN IF NOT EXISTS criticisms INTEGER,
    ADD COLUMN IF NOT EXISTS exposures INTEGER,
    ADD COLUMN IF NOT EXISTS commendations INTEGER,
    ADD COLUMN IF NOT EXISTS early_completions INTEGER,
    ADD COLUMN IF NOT EXISTS units_scored INTEGER,
    ADD COLUMN IF NOT EXISTS red INTEGER,
    ADD COLUMN IF NOT EXISTS yellow INTEGER,
    ADD COLUMN IF NOT EXISTS summary_rule TEXT;

ALTER TABLE duban_scores
    ADD COLUMN IF NOT EXISTS deductions DECIMAL(10,4),
    ADD COLUMN IF NOT EXISTS bonuses DECIMAL(10,4),
    ADD COLUMN IF NOT EXISTS ceiling VARCHAR(20);

ALTER TABLE duban_board
    ADD COLUMN IF NOT EXISTS status VARCHAR(20),
    ADD COLUMN IF NOT EXISTS status_cn VARCHAR(20),
    ADD COLUMN IF NOT EXISTS reported_percent INTEGER,
    ADD COLUMN IF NOT EXISTS behind DECIMAL(9,4),
    ADD COLUMN IF NOT EXISTS days_overdue INTEGER,
    ADD COLUMN IF NOT EXISTS on_schedule BOOLEAN;

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
    rule         TEXT         NOT NULL,
    facts_json   TEXT         NOT NULL,
    message      VARCHAR(200) NOT NULL,
    ruleset      VARCHAR(128),
    PRIMARY KEY (plan_id, remind_date, seq)
);

INSERT INTO duban_schema_version (version) VALUES (2) ON CONFLICT (version) DO NOTHING;
