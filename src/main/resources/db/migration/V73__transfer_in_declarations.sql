-- 外地调入确认 (transfer-in confirmation, SPEC §5a) on the declaration life cycle: a declaration carries its business
-- type (existing rows are full-time recognition), a transfer declaration carries the title held and how it came
-- here. Its level, series, title and specialty columns hold the title held, so the review queue, reporting paths and
-- the certificate library treat both businesses alike. The full-time basic-form columns a transfer declaration has
-- no value for become nullable (the service still requires them for full-time recognition).

ALTER TABLE declaration ADD COLUMN business_type VARCHAR(24) NOT NULL DEFAULT 'FULL_TIME_RECOGNITION';

ALTER TABLE declaration MODIFY COLUMN declaration_method_id BIGINT NULL;
ALTER TABLE declaration MODIFY COLUMN work_start_date DATE NULL;
ALTER TABLE declaration MODIFY COLUMN professional_work_start_date DATE NULL;
ALTER TABLE declaration MODIFY COLUMN graduation_school VARCHAR(100) NULL;
ALTER TABLE declaration MODIFY COLUMN graduation_date DATE NULL;
ALTER TABLE declaration MODIFY COLUMN education VARCHAR(32) NULL;
ALTER TABLE declaration MODIFY COLUMN major_studied VARCHAR(100) NULL;

-- the title held: how it was obtained (REVIEW 评审, RECOGNITION 认定, EXAM 考试), 发证机关 and its province, the
-- original certificate's number and date; where the person came from and when (调入时间)
ALTER TABLE declaration ADD COLUMN transfer_obtained_by VARCHAR(16) NULL;
ALTER TABLE declaration ADD COLUMN transfer_issuing_authority VARCHAR(100) NULL;
ALTER TABLE declaration ADD COLUMN transfer_authority_province VARCHAR(30) NULL;
ALTER TABLE declaration ADD COLUMN transfer_certificate_number VARCHAR(50) NULL;
ALTER TABLE declaration ADD COLUMN transfer_obtained_on DATE NULL;
ALTER TABLE declaration ADD COLUMN transfer_previous_unit VARCHAR(100) NULL;
ALTER TABLE declaration ADD COLUMN transfer_previous_province VARCHAR(30) NULL;
ALTER TABLE declaration ADD COLUMN transfer_date DATE NULL;

-- 我的外地调入信息 / 我的申报信息: an applicant's declarations of one business
CREATE INDEX idx_declaration_applicant_business ON declaration (applicant_account_id, business_type, created_at);
