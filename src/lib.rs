//! custseg (客户分类与管理报告): ERP customer exports in; an annotated segment workbook and a
//! PDF management report out.
//!
//! The pipeline, one module per stage:
//! read → values → extract → aggregate → classify → cluster → (compare) → workbook / report.
//! `commands` wires the stages together for each subcommand.

pub mod aggregate;
pub mod charts;
pub mod classify;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod compare;
pub mod config;
pub mod error;
pub mod extract;
pub mod fields;
#[cfg(test)]
mod fixtures;
pub mod font;
pub mod industry;
pub mod init;
pub mod messages;
pub mod model;
pub mod output;
pub mod parallel;
pub mod period;
pub mod profile;
pub mod read;
pub mod recommend;
pub mod report;
pub mod sample;
pub mod size_standard;
pub mod testdata;
pub mod values;
pub mod workbook;

pub use error::{Error, ErrorKind, Result};
