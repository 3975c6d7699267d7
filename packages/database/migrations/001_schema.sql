-- Alex schema: the gameplan's seven tables, with the corrections noted in design.md.
-- Money and quantities are DECIMAL; time is TIMESTAMPTZ; allocations and charts are JSONB.

-- Keeps updated_at honest on every UPDATE, whoever issues it (unless the UPDATE sets it itself).
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE users (
  clerk_user_id            VARCHAR(255) PRIMARY KEY,
  display_name             VARCHAR(255),
  years_until_retirement   INTEGER NOT NULL DEFAULT 20 CHECK (years_until_retirement BETWEEN 0 AND 100),
  target_retirement_income DECIMAL(12,2) NOT NULL DEFAULT 60000 CHECK (target_retirement_income >= 0),
  asset_class_targets      JSONB NOT NULL DEFAULT '{"equity": 70, "fixed_income": 30}',
  region_targets           JSONB NOT NULL DEFAULT '{"north_america": 50, "international": 50}',
  created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE instruments (
  symbol                 VARCHAR(20) PRIMARY KEY,
  name                   VARCHAR(255) NOT NULL,
  instrument_type        VARCHAR(50),
  current_price          DECIMAL(12,4) CHECK (current_price >= 0),
  allocation_regions     JSONB,
  allocation_sectors     JSONB,
  allocation_asset_class JSONB,
  -- true when a user typed the symbol in; the tagger classifies it later
  is_user_added          BOOLEAN NOT NULL DEFAULT false,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  clerk_user_id   VARCHAR(255) NOT NULL REFERENCES users(clerk_user_id) ON DELETE CASCADE,
  account_name    VARCHAR(255) NOT NULL,
  account_purpose TEXT,
  cash_balance    DECIMAL(12,2) NOT NULL DEFAULT 0 CHECK (cash_balance >= 0),
  cash_interest   DECIMAL(5,4) NOT NULL DEFAULT 0 CHECK (cash_interest >= 0),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_accounts_user ON accounts(clerk_user_id);

CREATE TABLE positions (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id UUID NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  symbol     VARCHAR(20) NOT NULL REFERENCES instruments(symbol) ON UPDATE CASCADE,
  quantity   DECIMAL(20,8) NOT NULL CHECK (quantity > 0),
  as_of_date DATE NOT NULL DEFAULT CURRENT_DATE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT positions_account_symbol_key UNIQUE (account_id, symbol)
);
CREATE INDEX idx_positions_symbol ON positions(symbol);

CREATE TABLE analysis_jobs (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  clerk_user_id VARCHAR(255) NOT NULL REFERENCES users(clerk_user_id) ON DELETE CASCADE,
  status        VARCHAR(50) NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'running', 'completed', 'failed')),
  request_data  JSONB,
  result_data   JSONB,
  -- per-agent progress: {"reporter": {"status": "running", "started_at": "..."}, ...}
  progress      JSONB NOT NULL DEFAULT '{}',
  error_message TEXT,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at    TIMESTAMPTZ,
  completed_at  TIMESTAMPTZ,
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_jobs_status ON analysis_jobs(status);
CREATE INDEX idx_jobs_user ON analysis_jobs(clerk_user_id, created_at DESC);
-- At most one analysis in flight per user: the API answers 409 instead of queueing a second.
CREATE UNIQUE INDEX idx_jobs_one_active_per_user ON analysis_jobs(clerk_user_id)
  WHERE status IN ('pending', 'running');

CREATE TABLE reports (
  id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  clerk_user_id      VARCHAR(255) NOT NULL REFERENCES users(clerk_user_id) ON DELETE CASCADE,
  job_id             UUID UNIQUE REFERENCES analysis_jobs(id) ON DELETE CASCADE,
  report_date        DATE NOT NULL DEFAULT CURRENT_DATE,
  report_summary     TEXT,
  report_detail      TEXT,
  asset_class_chart  JSONB,
  region_chart       JSONB,
  sector_chart       JSONB,
  -- every chart the charter made, in display order
  charts             JSONB NOT NULL DEFAULT '[]',
  generated_by       VARCHAR(100),
  processing_time_ms INTEGER,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_reports_user ON reports(clerk_user_id, created_at DESC);

CREATE TABLE retirement (
  id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  clerk_user_id    VARCHAR(255) NOT NULL REFERENCES users(clerk_user_id) ON DELETE CASCADE,
  job_id           UUID UNIQUE REFERENCES analysis_jobs(id) ON DELETE CASCADE,
  estimated_income DECIMAL(12,2),
  success_rate     DECIMAL(5,2) CHECK (success_rate BETWEEN 0 AND 100),
  summary          TEXT,
  detail           TEXT,
  chart            JSONB,
  assumptions      JSONB,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_retirement_user ON retirement(clerk_user_id, created_at DESC);

CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER instruments_updated_at BEFORE UPDATE ON instruments
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER accounts_updated_at BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER positions_updated_at BEFORE UPDATE ON positions
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER analysis_jobs_updated_at BEFORE UPDATE ON analysis_jobs
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER reports_updated_at BEFORE UPDATE ON reports
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER retirement_updated_at BEFORE UPDATE ON retirement
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
