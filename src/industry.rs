//! Free-text industry → the standard's industry row and the report's five groups, by the profile's keyword table.
//! OWNER: classification helper (stub).
