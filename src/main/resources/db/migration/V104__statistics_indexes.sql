-- 统计分析 (issue 17 item 8): GROUP BY queries over a year or more of a province's declarations and certificates,
-- measured by ops/bench/statistics (100,000 declarations). Each query walks one time range and counts by one column;
-- these indexes hold everything such a query reads, so it never reads the rows themselves:
-- * declarations by the month of their first submission, filtered by business type, series and level, counted by
--   state, series, level or declaring unit (whose region the statistics roll up);
CREATE INDEX idx_declaration_statistics ON declaration (first_submitted_at, business_type, series_code, level_code,
                                                        state, declaring_unit_id);
-- * certificates by the month of issue, counted by status; the declaration (by its primary key) gives the rest.
CREATE INDEX idx_title_certificate_statistics ON title_certificate (issued_at, status, declaration_id);
