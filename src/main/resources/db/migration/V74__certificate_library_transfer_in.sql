-- 外地调入确认: a final-approved transfer-in confirmation enters the certificate library as 外地调入 with the data of
-- the original certificate that its 职称确认 certificate prints (发证机关, original number, date obtained). Existing
-- rows are full-time recognition.

ALTER TABLE certificate_library_entry ADD COLUMN business_type VARCHAR(24) NOT NULL DEFAULT 'FULL_TIME_RECOGNITION';
ALTER TABLE certificate_library_entry ADD COLUMN original_authority VARCHAR(100) NULL;
ALTER TABLE certificate_library_entry ADD COLUMN original_number VARCHAR(50) NULL;
ALTER TABLE certificate_library_entry ADD COLUMN original_obtained_on DATE NULL;
