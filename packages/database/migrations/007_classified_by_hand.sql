-- Symbols a user priced and classified by hand (issue 11): who did it. Such an instrument stays
-- visible only to the users who hold it, like an unclassified placeholder, so nobody can publish
-- names and figures of their choosing into everyone's autocomplete.
ALTER TABLE instruments ADD COLUMN classified_by VARCHAR(255);
