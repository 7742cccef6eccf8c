//! 企业规模 by 《统计上大中小微型企业划分办法(2017)》: the table of SPEC §4 and its rule.
//! OWNER: classification helper (stub).
