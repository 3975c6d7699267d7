-- Prices with a date (issue 13): every instruments.current_price carries the day it is for, so a
-- price is never shown as current when it is not. Writers that name no date (the tagger, an older
-- script) get today's; a price source passes the date of its quote; no price, no date.
ALTER TABLE instruments ADD COLUMN price_as_of DATE;

UPDATE instruments SET price_as_of = updated_at::date WHERE current_price IS NOT NULL;

CREATE OR REPLACE FUNCTION set_price_as_of() RETURNS trigger AS $$
BEGIN
  IF NEW.current_price IS NULL THEN
    NEW.price_as_of := NULL;
  ELSIF NEW.price_as_of IS NULL THEN
    NEW.price_as_of := CURRENT_DATE;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER instruments_price_as_of BEFORE INSERT OR UPDATE ON instruments
  FOR EACH ROW EXECUTE FUNCTION set_price_as_of();

ALTER TABLE instruments ADD CONSTRAINT instruments_price_has_date
  CHECK ((current_price IS NULL) = (price_as_of IS NULL));
