-- Unit names are unique among units (docs/business-units.md): name_key is the name's comparison key
-- (cn.hrss.zcrd.unit.UnitNameKey: NFKC, one kind of bracket, no spaces). V41_1 fills it for existing units; a unit
-- whose name repeats an older unit's gets the key with '#' and its id appended, so the index can be built and the
-- bureau can sort the pair out; new registrations are compared with the plain key.
ALTER TABLE unit ADD COLUMN name_key VARCHAR(120) NULL;
