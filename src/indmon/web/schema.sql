-- Users, API tokens and the audit log of the web app. Owned by indmon.web.

CREATE SEQUENCE IF NOT EXISTS token_seq START 1;
CREATE SEQUENCE IF NOT EXISTS audit_seq START 1;

-- A person or system that calls the API. A reporter is bound to one enterprise; an
-- analyst sees enterprise microdata only in the provinces listed (comma separated).
CREATE TABLE IF NOT EXISTS users (
    name VARCHAR PRIMARY KEY,
    role VARCHAR NOT NULL,              -- reporter | analyst | admin
    enterprise_id VARCHAR,
    provinces VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Bearer tokens, stored as SHA-256 hashes only: the token itself is shown once.
CREATE TABLE IF NOT EXISTS tokens (
    token_id BIGINT PRIMARY KEY DEFAULT nextval('token_seq'),
    user_name VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL UNIQUE,
    label VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    revoked_at TIMESTAMP
);

-- Every write made through the API or the user commands: who, when, what, on what.
CREATE TABLE IF NOT EXISTS audit_log (
    audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    "at" TIMESTAMP NOT NULL DEFAULT current_timestamp,
    actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    target VARCHAR,
    detail JSON
);
