-- The review queue (职称认定审核) of a unit holding many declarations — an issuing unit of a province may hold tens of
-- thousands — measured by ops/bench/review-queue (100,000 declarations over 2,000 units):
-- * newest/oldest first: walk the unit's declarations in submission order and stop after one page; the primary key
--   that InnoDB appends to a secondary index gives the tie-break (submitted_at, id) without a sort;
CREATE INDEX idx_declaration_unit_time ON declaration (current_unit_id, submitted_at);
-- * sorted by name: the same, in name order;
CREATE INDEX idx_declaration_unit_name ON declaration (current_unit_id, applicant_name);
-- * the paginator's count and the filters (status, date range, level, series, name, ID number) answered from the
--   index alone, without reading the rows.
CREATE INDEX idx_declaration_queue_filter ON declaration (current_unit_id, state, submitted_at, level_code,
                                                          series_code, applicant_name, applicant_id_number);
