-- What a number is, stored rather than inferred (owned by indmon.store):
-- observations get their origin (published | computed | simulated); sources get the hash
-- of their content (a document's identity), the file they were read from (display only)
-- and their release type; provenance keeps the note that explains a conflicting figure.
ALTER TABLE observations ADD COLUMN IF NOT EXISTS origin VARCHAR;
UPDATE observations o SET origin = CASE
        WHEN o.simulated THEN 'simulated'
        WHEN EXISTS (SELECT 1 FROM provenance p JOIN sources s USING (source_id)
                     WHERE p.obs_id = o.obs_id AND s.kind = 'computation') THEN 'computed'
        ELSE 'published' END
    WHERE o.origin IS NULL;

ALTER TABLE sources ADD COLUMN IF NOT EXISTS content_hash VARCHAR;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS file VARCHAR;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS release_type VARCHAR;
ALTER TABLE provenance ADD COLUMN IF NOT EXISTS note VARCHAR;

CREATE TABLE IF NOT EXISTS migrations (
    migration VARCHAR PRIMARY KEY,
    owner VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- half years (2023-H1) end in June or December
CREATE OR REPLACE MACRO period_end_month_simple(p) AS (
    CASE
        WHEN length(p) = 4 THEN p || '-12'
        WHEN p[6] = 'Q' THEN p[1:5] || lpad(CAST(3 * CAST(p[7] AS INTEGER) AS VARCHAR), 2, '0')
        WHEN p[6] = 'H' THEN p[1:5] || lpad(CAST(6 * CAST(p[7] AS INTEGER) AS VARCHAR), 2, '0')
        ELSE p[1:7]
    END
);
