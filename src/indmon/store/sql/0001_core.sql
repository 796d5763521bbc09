-- Core tables of the indicator store (owned by indmon.store).  Other concepts keep their
-- own tables, applied after this migration in the order indmon.store.migrations lists.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Where numbers come from: a document (release), a bundled dataset, or a computation.
CREATE TABLE IF NOT EXISTS sources (
    source_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,          -- release | dataset | computation
    publisher VARCHAR,
    title VARCHAR,
    published DATE,                 -- publication date; the vintage of what it states
    url VARCHAR,
    lang VARCHAR,
    simulated BOOLEAN NOT NULL DEFAULT false,
    details JSON,                   -- computations: method_version, engine, input_vintage ...
    added_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE IF NOT EXISTS obs_id_seq START 1;

-- One value of one indicator for one period and cell, as known from its vintage on.
-- A revision is a new row whose `supersedes` names the row it replaces; nothing is
-- updated in place except the `conflict` flag.
CREATE TABLE IF NOT EXISTS observations (
    obs_id BIGINT PRIMARY KEY DEFAULT nextval('obs_id_seq'),
    indicator VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    industry VARCHAR NOT NULL DEFAULT 'ALL',
    province VARCHAR NOT NULL DEFAULT 'ALL',
    value DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    vintage TIMESTAMP NOT NULL,
    n BIGINT,                       -- enterprises behind a computed figure
    simulated BOOLEAN NOT NULL DEFAULT false,
    conflict BOOLEAN NOT NULL DEFAULT false,
    supersedes BIGINT,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Which sources state or produced an observation, and where in the document.
CREATE TABLE IF NOT EXISTS provenance (
    obs_id BIGINT NOT NULL,
    source_id VARCHAR NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    mention VARCHAR,
    subject VARCHAR
);

CREATE OR REPLACE MACRO period_end_month_simple(p) AS (
    CASE
        WHEN length(p) = 4 THEN p || '-12'
        WHEN p[6] = 'Q' THEN p[1:5] || lpad(CAST(3 * CAST(p[7] AS INTEGER) AS VARCHAR), 2, '0')
        ELSE p[1:7]
    END
);

-- The last month a period covers: 2023 -> 2023-12, 2023-Q1 -> 2023-03,
-- 2023-01/2023-11 -> 2023-11, 2023-03-31 -> 2023-03 (see indmon.periods).
CREATE OR REPLACE MACRO period_end_month(p) AS (
    CASE
        WHEN contains(p, '/') THEN period_end_month_simple(split_part(p, '/', 2))
        ELSE period_end_month_simple(p)
    END
);
