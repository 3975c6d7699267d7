-- Limits on what one user can do to shared data (issue 12).

-- Who first typed a placeholder symbol in: a user may create only so many a day, and an
-- unclassified placeholder is shown only to the users who hold it.
ALTER TABLE instruments ADD COLUMN created_by VARCHAR(255);
CREATE INDEX idx_instruments_created_by ON instruments(created_by, created_at) WHERE created_by IS NOT NULL;

-- When the tagger last failed to classify the symbol: it is not sent again during a cooling-off period.
ALTER TABLE instruments ADD COLUMN tag_failed_at TIMESTAMPTZ;

-- Clerk webhook deliveries already applied, by `svix-id`: a replayed delivery is acknowledged and
-- not applied again. Rows older than a day are pruned (Svix refuses timestamps over 5 minutes old).
CREATE TABLE webhook_deliveries (
  svix_id     VARCHAR(100) PRIMARY KEY,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Clerk's `updated_at` (epoch milliseconds) of the identity last applied: an older update arriving
-- late does not overwrite a newer one.
ALTER TABLE users ADD COLUMN clerk_updated_at BIGINT;
