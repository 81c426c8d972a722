-- V1: the staging store as release c2f7075 created it (its schema-staging.sql, with its one ALTER folded in).
-- Staging store of iam-audit: one row per record, keyed by run and account, the record itself as JSON.
-- Portable to H2 and PostgreSQL: plain SQL both accept (no IF NOT EXISTS: Flyway runs each migration once).
--
-- HOW TO CHANGE THE STAGING SCHEMA (see also README.md in this folder and docs/deployment.md):
--   never edit a migration that has been released (this one included): Flyway refuses to start on a database whose
--   recorded checksum differs. Add the next file instead, V2__what_it_does.sql, V3__..., with plain SQL for both
--   H2 and PostgreSQL; add every new run-keyed table to StagingRetention.RUN_TABLES (a test checks it).

CREATE TABLE stg_run (
    run_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    status      VARCHAR(20)  NOT NULL,
    started_at  TIMESTAMP    NOT NULL,
    payload     TEXT         NOT NULL
);

CREATE TABLE stg_account (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    list_order  INTEGER      NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE stg_coverage (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

-- last_accessed: last-accessed details are nine tenths of a snapshot and only the analysis reads them, so they have
-- a column of their own (gzip + Base64, about a tenth of the JSON) that keeps the report's reads and the file small.
-- Rows staged before the column existed keep everything in payload. The previous release added the column with an
-- ALTER after the table: it is last here too, so an adopted database and a new one have the same column order.
CREATE TABLE stg_snapshot (
    run_id        VARCHAR(100) NOT NULL,
    account_id    VARCHAR(12)  NOT NULL,
    payload       TEXT         NOT NULL,
    last_accessed TEXT,
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE stg_finding (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    finding_id  VARCHAR(200) NOT NULL,
    rule_id     VARCHAR(100) NOT NULL,
    severity    VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, finding_id)
);

CREATE INDEX stg_finding_rule ON stg_finding (run_id, rule_id, severity);

CREATE TABLE stg_outcome (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    rule_id     VARCHAR(100) NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, rule_id)
);

CREATE TABLE stg_recommendation (
    run_id            VARCHAR(100) NOT NULL,
    account_id        VARCHAR(12)  NOT NULL,
    recommendation_id VARCHAR(300) NOT NULL,
    payload           TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, recommendation_id)
);

-- First-seen dates carried over from the previous published run (the store is the system of record).
CREATE TABLE stg_first_seen (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    finding_id  VARCHAR(200) NOT NULL,
    first_seen  TIMESTAMP    NOT NULL,
    PRIMARY KEY (run_id, account_id, finding_id)
);

-- IAM Access Analyzer's checks of each proposal and AWS's own recommendations (the verify step), so a restart and
-- the report read them instead of calling (and paying) again.
CREATE TABLE stg_proposal_check (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    check_key   VARCHAR(600) NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, check_key)
);

CREATE TABLE stg_aws_recommendation (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    finding_id  VARCHAR(200) NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, finding_id)
);
