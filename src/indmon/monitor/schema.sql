-- Alerts raised by monitoring rules and anomaly detectors. Owned by indmon.monitor;
-- the report card's risk list and the dashboard's alert page read them.

CREATE SEQUENCE IF NOT EXISTS alert_seq START 1;

CREATE TABLE IF NOT EXISTS alerts (
    alert_id BIGINT PRIMARY KEY DEFAULT nextval('alert_seq'),
    -- what fired, for which cell and period; re-running monitoring finds the same
    -- fingerprint and updates nothing twice
    fingerprint VARCHAR NOT NULL UNIQUE,
    rule_id VARCHAR NOT NULL,           -- a rule id, or 'anomaly:<detector>'
    kind VARCHAR NOT NULL,              -- rule | anomaly
    severity VARCHAR NOT NULL,          -- high | medium | low
    period VARCHAR NOT NULL,            -- YYYY-MM
    indicator VARCHAR,
    industry VARCHAR NOT NULL DEFAULT 'ALL',
    province VARCHAR NOT NULL DEFAULT 'ALL',
    enterprise_id VARCHAR,
    title_en VARCHAR NOT NULL,
    title_zh VARCHAR NOT NULL,
    evidence JSON NOT NULL,             -- the figures, thresholds and comparison
    simulated BOOLEAN NOT NULL DEFAULT false,
    status VARCHAR NOT NULL DEFAULT 'new',  -- new | acknowledged | resolved
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP,
    updated_by VARCHAR,
    note VARCHAR
);

CREATE TABLE IF NOT EXISTS alert_history (
    alert_id BIGINT NOT NULL,
    status VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    changed_by VARCHAR,
    note VARCHAR
);

-- When monitoring last found the alert still firing (added by indmon.monitor).
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS last_seen_at TIMESTAMP;

-- One row per monitoring run: what was evaluated and what it raised.
CREATE TABLE IF NOT EXISTS monitor_runs (
    period VARCHAR NOT NULL,
    rules_file VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    seconds DOUBLE NOT NULL,
    alerts BIGINT NOT NULL,
    new_alerts BIGINT NOT NULL,
    simulated BOOLEAN NOT NULL
);
