-- A role, unit or region change of an account suspends its UKEY bindings until a system admin confirms them in a
-- UKEY session (issue 15 item 4): a suspended binding logs nobody in.
ALTER TABLE ukey_binding ADD COLUMN suspended_at DATETIME(6) NULL;
