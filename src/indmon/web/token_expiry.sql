-- Tokens may expire (owned by indmon.web): NULL keeps a token working until it is
-- revoked; after expires_at (the server's local time) it gets a 401 saying it expired.
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS expires_at TIMESTAMP;
