-- Portfolio tools (issue 13): risk-check settings, a snapshot per analysis for report history, and
-- one region-target model.

-- A user's risk-check ("X-ray") settings: {"<rule id>": {"enabled": bool, "threshold": number}}.
-- A rule not listed runs with its default; the API validates each threshold against its rule's bounds.
CREATE TABLE risk_rule_settings (
  clerk_user_id VARCHAR(255) PRIMARY KEY REFERENCES users(clerk_user_id) ON DELETE CASCADE,
  rules         JSONB NOT NULL DEFAULT '{}',
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER risk_rule_settings_updated_at BEFORE UPDATE ON risk_rule_settings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- What the portfolio looked like when an analysis ran (totals, mixes, failing checks), written by the
-- reporter from the same facts its report is grounded in, so two reports can be compared later.
CREATE TABLE analysis_snapshots (
  job_id        UUID PRIMARY KEY REFERENCES analysis_jobs(id) ON DELETE CASCADE,
  clerk_user_id VARCHAR(255) NOT NULL REFERENCES users(clerk_user_id) ON DELETE CASCADE,
  snapshot      JSONB NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_analysis_snapshots_user ON analysis_snapshots(clerk_user_id, created_at DESC);

-- Region targets no longer take 'global' (a fund's word for "no regional split", not a place):
-- 'international' already means every region a user's targets do not name, so a saved 'global'
-- target joins it and the targets still sum to 100.
UPDATE users
   SET region_targets = (region_targets - 'global') || jsonb_build_object(
         'international',
         COALESCE((region_targets ->> 'international')::numeric, 0) + (region_targets ->> 'global')::numeric)
 WHERE region_targets ? 'global';
