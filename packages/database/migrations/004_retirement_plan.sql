-- The user's own retirement plan (issue 10). Money is in today's dollars; a null field is one the
-- user has not entered (the analysis then says what it assumed). With birth_year and retirement_age
-- both known, years_until_retirement is derived from them when read.
ALTER TABLE users ADD COLUMN birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100);
ALTER TABLE users ADD COLUMN retirement_age INTEGER CHECK (retirement_age BETWEEN 30 AND 100);
ALTER TABLE users ADD COLUMN annual_contribution DECIMAL(12,2) CHECK (annual_contribution BETWEEN 0 AND 10000000);
ALTER TABLE users ADD COLUMN contribution_rises_with_inflation BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN other_retirement_income DECIMAL(12,2) NOT NULL DEFAULT 0
  CHECK (other_retirement_income BETWEEN 0 AND 10000000);
ALTER TABLE users ADD COLUMN other_income_start_age INTEGER CHECK (other_income_start_age BETWEEN 30 AND 100);
ALTER TABLE users ADD COLUMN annual_fee_percent DECIMAL(4,2) NOT NULL DEFAULT 0
  CHECK (annual_fee_percent BETWEEN 0 AND 5);
ALTER TABLE users ADD COLUMN risk_score INTEGER CHECK (risk_score BETWEEN 1 AND 10);

-- The headline figures of a projection with their units named (today's or nominal dollars), as the
-- retirement agent computed them; null on projections stored before this migration.
ALTER TABLE retirement ADD COLUMN figures JSONB;
