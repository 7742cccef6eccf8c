//! Recommendations (product edition, modules, services) and credit (risk level, limit, settlement) from the profile's rules.
//! OWNER: classification helper (stub).
