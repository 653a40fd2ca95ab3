-- 申报年度 (declaration year) as a filter of the review queue and the report list (issue 17 item 4): with a year
-- chosen, the unit's declarations of that year and state are found — and counted for the paginator — from this
-- index, in submission order, without reading the unit's other years.
CREATE INDEX idx_declaration_unit_year ON declaration (current_unit_id, declaration_year, state, submitted_at);
