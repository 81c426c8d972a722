-- Staging store of iam-audit: one row per record, keyed by run and account, the record itself as JSON.
-- Portable to H2 and PostgreSQL; every statement is idempotent.
CREATE TABLE IF NOT EXISTS stg_run (
    run_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    status      VARCHAR(20)  NOT NULL,
    started_at  TIMESTAMP    NOT NULL,
    payload     TEXT         NOT NULL
);

CREATE TABLE IF NOT EXISTS stg_account (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    list_order  INTEGER      NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE IF NOT EXISTS stg_coverage (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE IF NOT EXISTS stg_snapshot (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id)
);
-- Last-accessed details are nine tenths of a snapshot and only the analysis reads them: a column of their own
-- (gzip + Base64, about a tenth of the JSON) keeps the report's reads and the file small. Stores created before it
-- get the column; their rows keep everything in payload.
ALTER TABLE stg_snapshot ADD COLUMN IF NOT EXISTS last_accessed TEXT;

CREATE TABLE IF NOT EXISTS stg_finding (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    finding_id  VARCHAR(200) NOT NULL,
    rule_id     VARCHAR(100) NOT NULL,
    severity    VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, finding_id)
);

CREATE INDEX IF NOT EXISTS stg_finding_rule ON stg_finding (run_id, rule_id, severity);

CREATE TABLE IF NOT EXISTS stg_outcome (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    rule_id     VARCHAR(100) NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, rule_id)
);

CREATE TABLE IF NOT EXISTS stg_recommendation (
    run_id            VARCHAR(100) NOT NULL,
    account_id        VARCHAR(12)  NOT NULL,
    recommendation_id VARCHAR(300) NOT NULL,
    payload           TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, recommendation_id)
);

-- First-seen dates carried over from the previous published run (the store is the system of record).
CREATE TABLE IF NOT EXISTS stg_first_seen (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    finding_id  VARCHAR(200) NOT NULL,
    first_seen  TIMESTAMP    NOT NULL,
    PRIMARY KEY (run_id, account_id, finding_id)
);

-- IAM Access Analyzer's checks of each proposal and AWS's own recommendations (the verify step), so a restart and
-- the report read them instead of calling (and paying) again.
CREATE TABLE IF NOT EXISTS stg_proposal_check (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    check_key   VARCHAR(600) NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, check_key)
);

CREATE TABLE IF NOT EXISTS stg_aws_recommendation (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    finding_id  VARCHAR(200) NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, finding_id)
);

-- secrets (issue 18) begin
-- Secrets Manager per account and region (never a secret's value): one row per region read or not, its status
-- (READ, NOT_ENABLED, DENIED, FAILED) queryable, its secrets as JSON; the row of region '' says whether the
-- account's regions could be listed at all (COLLECTED, or NOT_COLLECTED with the error).
CREATE TABLE IF NOT EXISTS stg_secret_region (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    region      VARCHAR(40)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, region)
);
-- secrets (issue 18) end
