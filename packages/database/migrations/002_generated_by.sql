-- One marker for fallback text: every stored result of the writers names its writer in `generated_by`
-- (the model id, 'offline', or 'offline-fallback' when Claude's answers were unusable). Reports had
-- the column; retirement projections carried it as assumptions.text_generated_by, now moved here.
-- Charts carry it per chart, inside reports.charts (JSONB), so need no column.
ALTER TABLE retirement ADD COLUMN generated_by VARCHAR(100);

UPDATE retirement
   SET generated_by = assumptions->>'text_generated_by',
       assumptions = assumptions - 'text_generated_by'
 WHERE assumptions->>'text_generated_by' IS NOT NULL;
