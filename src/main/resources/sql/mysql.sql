-- duban SQL contract, MySQL 8 and MariaDB 10.5+ (InnoDB, utf8mb4).
-- Schema version 2 (recorded in duban_schema_version; `duban sql schema --from 1` upgrades a version 1 database).
-- Facts are keyed by plan_id; an OA system may create views of these names over its own tables
-- instead (same column names; columns marked "optional" may be left out of a view).
-- Results are keyed by (plan_id, period) and replaced whole by each run. Columns ending in _json
-- and the list columns (persons, raised_by, reasons) hold JSON text. See docs/database.md.

-- Version ----------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS duban_schema_version (
    version      INTEGER      NOT NULL PRIMARY KEY,
    applied_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- A new database is recorded at version 2. A database made by an older script keeps its version
-- (this script adds no column to a table that exists): upgrade it with `duban sql schema --from N`.
INSERT IGNORE INTO duban_schema_version (version)
    SELECT 2 FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM information_schema.tables
                                         WHERE table_schema = DATABASE() AND table_name = 'duban_plans');

-- Facts ------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS duban_plans (
    plan_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    plan_json    LONGTEXT     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_reports (
    plan_id      VARCHAR(200) NOT NULL,
    task         INTEGER      NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    month        CHAR(7)      NOT NULL,
    submitted_on DATE         NOT NULL,
    percent      INTEGER,
    text         MEDIUMTEXT,
    value        DECIMAL(24,6),
    KEY duban_reports_plan (plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_completions (
    plan_id      VARCHAR(200) NOT NULL,
    task         INTEGER      NOT NULL,
    completed_on DATE         NOT NULL,
    accepted_on  DATE,
    KEY duban_completions_plan (plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_inspections (
    plan_id      VARCHAR(200) NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    task         INTEGER,
    kind         VARCHAR(40)  NOT NULL,
    on_date      DATE         NOT NULL,
    person       VARCHAR(200),
    note         MEDIUMTEXT,
    KEY duban_inspections_plan (plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_rectifications (
    plan_id      VARCHAR(200) NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    task         INTEGER,
    on_date      DATE         NOT NULL,
    KEY duban_rectifications_plan (plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_extensions (
    plan_id      VARCHAR(200) NOT NULL,
    task         INTEGER      NOT NULL,
    requested_on DATE         NOT NULL,
    approved_on  DATE         NOT NULL,
    new_deadline DATE         NOT NULL,
    reason       MEDIUMTEXT,
    KEY duban_extensions_plan (plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Results ----------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS duban_assessments (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    as_of        DATE         NOT NULL,
    ruleset      VARCHAR(128) NOT NULL,
    reports_owed INTEGER      NOT NULL,
    reports_due  DATE,
    reports_on_time INTEGER,
    reports_late INTEGER,
    reports_missing INTEGER,
    tasks        INTEGER,
    done         INTEGER,
    on_track     INTEGER,
    lagging      INTEGER,
    overdue      INTEGER,
    dated        INTEGER,
    on_schedule  INTEGER,
    notices      INTEGER,
    criticisms   INTEGER,
    exposures    INTEGER,
    commendations INTEGER,
    early_completions INTEGER,
    units_scored INTEGER,
    red          INTEGER,
    yellow       INTEGER,
    summary_rule MEDIUMTEXT,
    PRIMARY KEY (plan_id, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_scores (
    plan_id      VARCHAR(200)  NOT NULL,
    period       CHAR(7)       NOT NULL,
    unit         VARCHAR(200)  NOT NULL,
    score        DECIMAL(10,4) NOT NULL,
    rating       VARCHAR(20)   NOT NULL,
    rating_cn    VARCHAR(20)   NOT NULL,
    `rank`       INTEGER       NOT NULL,
    ruleset      VARCHAR(128)  NOT NULL,
    rule         MEDIUMTEXT,
    reason       MEDIUMTEXT,
    deductions   DECIMAL(10,4),
    bonuses      DECIMAL(10,4),
    ceiling      VARCHAR(20),
    PRIMARY KEY (plan_id, period, unit)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_score_lines (
    plan_id      VARCHAR(200)  NOT NULL,
    period       CHAR(7)       NOT NULL,
    unit         VARCHAR(200)  NOT NULL,
    line_no      INTEGER       NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    task         INTEGER,
    points       DECIMAL(10,4) NOT NULL,
    rule         MEDIUMTEXT   NOT NULL,
    reason       MEDIUMTEXT   NOT NULL,
    source_json  LONGTEXT     NOT NULL,
    PRIMARY KEY (plan_id, period, unit, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_findings (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    seq          INTEGER      NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    task         INTEGER,
    on_date      DATE         NOT NULL,
    days         INTEGER,
    person       VARCHAR(200),
    rule         MEDIUMTEXT   NOT NULL,
    reason       MEDIUMTEXT   NOT NULL,
    facts_json   LONGTEXT     NOT NULL,
    PRIMARY KEY (plan_id, period, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_sanctions (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    seq          INTEGER      NOT NULL,
    level        VARCHAR(20)  NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    task         INTEGER,
    issued       CHAR(7)      NOT NULL,
    rectify_by   DATE,
    persons      MEDIUMTEXT   NOT NULL,
    rule         MEDIUMTEXT,
    reason       MEDIUMTEXT,
    findings_json LONGTEXT     NOT NULL,
    PRIMARY KEY (plan_id, period, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_cases (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    seq          INTEGER      NOT NULL,
    unit         VARCHAR(200) NOT NULL,
    task         INTEGER,
    level        VARCHAR(20)  NOT NULL,
    rectify_by   DATE,
    `open`       BOOLEAN      NOT NULL,
    raised_on    DATE         NOT NULL,
    raised_by    MEDIUMTEXT   NOT NULL,
    opened_on    DATE,
    closed_on    DATE,
    closed_by    MEDIUMTEXT,
    rule         MEDIUMTEXT,
    reason       MEDIUMTEXT,
    PRIMARY KEY (plan_id, period, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_board (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    task         INTEGER      NOT NULL,
    light        VARCHAR(10)  NOT NULL,
    status       VARCHAR(20),
    status_cn    VARCHAR(20),
    deadline     DATE,
    ongoing      BOOLEAN      NOT NULL,
    percent      INTEGER      NOT NULL,
    reported_percent INTEGER,
    schedule     DECIMAL(9,4),
    behind       DECIMAL(9,4),
    days_overdue INTEGER,
    on_schedule  BOOLEAN,
    rule         MEDIUMTEXT,
    reasons      MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (plan_id, period, task)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_ignored (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    seq          INTEGER      NOT NULL,
    fact         VARCHAR(40)  NOT NULL,
    task         INTEGER,
    unit         VARCHAR(200),
    on_date      DATE,
    reason       MEDIUMTEXT   NOT NULL,
    rule         MEDIUMTEXT,
    source_json  LONGTEXT     NOT NULL,
    PRIMARY KEY (plan_id, period, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS duban_ledgers (
    plan_id      VARCHAR(200) NOT NULL,
    period       CHAR(7)      NOT NULL,
    as_of        DATE         NOT NULL,
    ruleset      VARCHAR(128) NOT NULL,
    ledger_json  LONGTEXT     NOT NULL,
    PRIMARY KEY (plan_id, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

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
