-- Secrets Manager per account and region (issue 18; never a secret's value): one row per region read or not, its
-- status (READ, NOT_ENABLED, DENIED, FAILED) queryable, its secrets as JSON; the row of region '' says whether the
-- account's regions could be listed at all (COLLECTED, or NOT_COLLECTED with the error).
CREATE TABLE stg_secret_region (
    run_id      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    region      VARCHAR(40)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (run_id, account_id, region)
);
