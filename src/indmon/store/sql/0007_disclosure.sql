-- Statistical disclosure control (owned by indmon.store): the cells whose computed
-- figures are confidential. A cell (period, industry, province) rests on too few
-- enterprises or is dominated by one or two (primary), or is suppressed so that a margin
-- minus the published cells cannot reveal a primary one (complementary). It is the
-- current decision of the latest computation of that period, not a vintage.
CREATE TABLE IF NOT EXISTS disclosure (
    period VARCHAR NOT NULL,
    industry VARCHAR NOT NULL,
    province VARCHAR NOT NULL,
    status VARCHAR NOT NULL,        -- primary | complementary
    reason VARCHAR NOT NULL,        -- what a reader is told
    enterprises BIGINT,             -- enterprises reporting in the cell
    top1_share DOUBLE,              -- largest enterprise's share of the cell's total
    top2_share DOUBLE,              -- the two largest enterprises' share
    source_id VARCHAR,              -- the computation that decided it
    decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (period, industry, province)
);
