-- Enterprise reports as received (append-only) and what validation rejected.
-- Owned by indmon.store.raw; intake writes and compute reads through its functions.

CREATE SEQUENCE IF NOT EXISTS report_seq START 1;

-- One imported file (or API submission). The whole batch (this row, its reports or prices,
-- its rejections, then completed_at) is written in one transaction. A batch with completed_at set was committed
-- whole; re-importing a file whose sha256 has a completed batch changes nothing.
CREATE TABLE IF NOT EXISTS import_batches (
    batch_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,              -- reports | prices
    file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    rows BIGINT,
    accepted BIGINT,
    rejected BIGINT,
    revisions BIGINT,
    submitted_by VARCHAR,
    started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    completed_at TIMESTAMP
);

-- Every accepted report row; `seq` orders vintages (a later row for the same
-- enterprise and month is a revision). Unknown columns are kept in `extra`.
CREATE TABLE IF NOT EXISTS reports (
    seq BIGINT NOT NULL DEFAULT nextval('report_seq'),
    batch_id VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    enterprise_id VARCHAR NOT NULL,
    period VARCHAR NOT NULL,            -- YYYY-MM
    industry VARCHAR NOT NULL,          -- 06..46
    province VARCHAR NOT NULL,          -- 6-digit GB/T 2260
    output_value DOUBLE NOT NULL,
    value_added DOUBLE NOT NULL,
    revenue DOUBLE NOT NULL,
    profit DOUBLE NOT NULL,
    employees BIGINT NOT NULL,
    electricity_kwh DOUBLE,
    export_value DOUBLE,
    extra JSON,
    simulated BOOLEAN NOT NULL DEFAULT false
);

-- Rows that failed validation, with the exact reason, kept for the submitter to fix.
CREATE TABLE IF NOT EXISTS rejections (
    batch_id VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,         -- 1-based data row (the header is row 0)
    field VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    value VARCHAR,
    raw JSON
);

-- Producer price indices by industry and month (same month last year = 100).
CREATE TABLE IF NOT EXISTS prices (
    seq BIGINT NOT NULL DEFAULT nextval('report_seq'),
    batch_id VARCHAR NOT NULL,
    industry VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    ppi_yoy DOUBLE NOT NULL,
    received_at TIMESTAMP NOT NULL,
    row_number BIGINT,
    extra JSON,
    simulated BOOLEAN NOT NULL DEFAULT false
);
-- stores created before these columns existed get them here
ALTER TABLE prices ADD COLUMN IF NOT EXISTS row_number BIGINT;
ALTER TABLE prices ADD COLUMN IF NOT EXISTS extra JSON;
ALTER TABLE prices ADD COLUMN IF NOT EXISTS simulated BOOLEAN DEFAULT false;

-- The current vintage of each enterprise's report for each month.
CREATE OR REPLACE VIEW current_reports AS
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY enterprise_id, period ORDER BY seq DESC) AS rn
    FROM reports
) WHERE rn = 1;

CREATE OR REPLACE VIEW current_prices AS
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY industry, period ORDER BY seq DESC) AS rn
    FROM prices
) WHERE rn = 1;
