-- Every fact extracted from an ingested release, mapped or not, so that numbers the
-- catalogue has no indicator for can still be searched. Owned by indmon.reconcile;
-- one row per stated number, keyed by its document (sources.source_id) and span.
CREATE TABLE IF NOT EXISTS facts (
    doc VARCHAR NOT NULL,            -- the source document (sources.source_id)
    "start" INTEGER NOT NULL,        -- character span of the mention in the document
    "end" INTEGER NOT NULL,
    mention VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    subject VARCHAR,
    period VARCHAR,                  -- the store period when mapped, else as extracted
    region VARCHAR,
    indicator VARCHAR,               -- NULL: no catalogue indicator fits
    industry VARCHAR,
    province VARCHAR,
    PRIMARY KEY (doc, "start", "end")
);
