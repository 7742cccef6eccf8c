//! Quarter comparison: read a result workbook of an earlier run back into tier snapshots and
//! compute the migration (transition matrix; upgraded, downgraded, new, lost; whose P(alive)
//! fell most).
//!
//! Promises: any workbook custseg wrote (zh or en) reads back with the codes as they were
//! written; a file that is not a result workbook gets one sentence naming the file and what is
//! missing; the same two snapshots always give the same migration, lists in a stable order.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Range, Reader, Sheets};

mod alive;

pub use alive::{AliveDrop, AliveFell, FELL_LISTED, FELL_POINTS};

use crate::error::{Cause, Error, Result};
use crate::model::{Classified, Driver, Migration, Move, PeriodFacts, Tier, TierSnapshot};
use crate::workbook::columns::{
    Column, ACTIVITY_SCORE, MONETARY, POTENTIAL_SCORE, P_ALIVE, SATISFACTION_SCORE, SIZE_SCORE,
    TIER, TOTAL_SCORE, VALUE_SCORE,
};
use crate::workbook::{
    CODE_COLUMN_KEY, CUSTOMERS_SHEET, NAME_COLUMN_KEY, OWN_CODE_HEADER, OWN_NAME_HEADER,
    SETTINGS_SHEET,
};

/// Reads the 客户明细 (or Customers) sheet of a custseg result workbook.
///
/// The code column is the one 参数 names, else a header 客户编码 / Customer Code, else the first
/// column; rows without a code or a tier (e.g. a totals row a user added) are skipped.
///
/// # Errors
/// An input error naming the file when it cannot be opened, has no customers sheet, lacks the
/// 客户等级 or 综合得分 column, holds a cell that is no tier or score, or holds no customer.
pub fn read_snapshot(path: &Path) -> Result<Vec<TierSnapshot>> {
    let file = crate::console::file_shown(path);
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        let file = file.clone();
        Error::input(Cause::SnapshotUnreadable { file }).with_detail(e.to_string())
    })?;
    read_workbook(&mut workbook, &file)
}

/// Reads the snapshot from an opened workbook; `file` names it in messages.
///
/// An xlsx workbook is streamed cell by cell, keeping only the columns needed, so that
/// reading last quarter's 100 000 customers takes little memory; other formats (a result
/// workbook re-saved as .xls or .ods) are read whole.
pub fn read_workbook<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    file: &str,
) -> Result<Vec<TierSnapshot>> {
    let names = workbook.sheet_names();
    let find = |pair: (&str, &str)| {
        names
            .iter()
            .find(|n| n.as_str() == pair.0 || n.as_str() == pair.1)
            .cloned()
    };
    let Some(sheet) = find(CUSTOMERS_SHEET) else {
        let file = file.to_string();
        return Err(Error::input(Cause::SnapshotNoSheet { file }));
    };
    let (code_header, name_header) = match find(SETTINGS_SHEET) {
        Some(settings) => match workbook.worksheet_range(&settings) {
            Ok(range) => (
                setting(&range, CODE_COLUMN_KEY),
                setting(&range, NAME_COLUMN_KEY),
            ),
            Err(_) => (None, None),
        },
        None => (None, None),
    };
    let ctx = Context {
        file,
        sheet: &sheet,
        code_header,
        name_header,
    };
    let unreadable = |e: String| {
        let file = file.to_string();
        Error::input(Cause::SnapshotUnreadable { file }).with_detail(e)
    };
    let mut out = Vec::new();
    if let Sheets::Xlsx(xlsx) = workbook {
        let mut cells = xlsx
            .worksheet_cells_reader(&sheet)
            .map_err(|e| unreadable(e.to_string()))?;
        let mut header: Vec<String> = Vec::new();
        let mut plan: Option<Plan> = None;
        let mut first_row: Option<u32> = None;
        let mut current: Option<u32> = None;
        let mut row = empty_row();
        while let Some(cell) = cells.next_cell().map_err(|e| unreadable(e.to_string()))? {
            let (r, c) = cell.get_position();
            let first = *first_row.get_or_insert(r);
            if r == first {
                let c = c as usize;
                if header.len() <= c {
                    header.resize(c + 1, String::new());
                }
                header[c] = text(&Data::from(cell.get_value().clone()))
                    .trim()
                    .to_string();
                continue;
            }
            let plan = match &plan {
                Some(p) => p,
                None => plan.insert(ctx.plan(&header)?),
            };
            if current != Some(r) {
                if let Some(done) = current {
                    out.extend(ctx.snapshot(plan, &header, done as usize + 1, &row)?);
                }
                current = Some(r);
                row = empty_row();
            }
            if let Some(slot) = plan.slot(c as usize) {
                row[slot] = Data::from(cell.get_value().clone());
            }
        }
        let plan = match plan {
            Some(p) => p,
            None => ctx.plan(&header)?,
        };
        if let Some(done) = current {
            out.extend(ctx.snapshot(&plan, &header, done as usize + 1, &row)?);
        }
    } else {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| unreadable(e.to_string()))?;
        let first_row = range.start().map(|(r, _)| r as usize + 1).unwrap_or(1);
        let mut rows = range.rows();
        let header: Vec<String> = rows
            .next()
            .map(|r| r.iter().map(|c| text(c).trim().to_string()).collect())
            .unwrap_or_default();
        let plan = ctx.plan(&header)?;
        for (i, cells) in rows.enumerate() {
            let row: Row = std::array::from_fn(|slot| {
                plan.cols[slot]
                    .and_then(|c| cells.get(c))
                    .cloned()
                    .unwrap_or(Data::Empty)
            });
            out.extend(ctx.snapshot(&plan, &header, first_row + 1 + i, &row)?);
        }
    }
    if out.is_empty() {
        let file = file.to_string();
        return Err(Error::input(Cause::SnapshotEmpty { file, sheet }));
    }
    Ok(out)
}

/// What is being read, for the column plan and the messages.
struct Context<'a> {
    file: &'a str,
    sheet: &'a str,
    code_header: Option<String>,
    name_header: Option<String>,
}

/// The dimension score columns of 客户明细, in the order of `TierSnapshot::dimensions`.
pub const DIMENSIONS: [&Column; 5] = [
    &SIZE_SCORE,
    &VALUE_SCORE,
    &ACTIVITY_SCORE,
    &SATISFACTION_SCORE,
    &POTENTIAL_SCORE,
];

/// How many cells of a row are kept: code, name, tier, score, amount, the five dimensions,
/// 存活概率.
const KEPT: usize = 11;

/// The kept cells of one row, in the slot order of `Plan::cols`.
type Row = [Data; KEPT];

fn empty_row() -> Row {
    std::array::from_fn(|_| Data::Empty)
}

/// The columns of the customers sheet that are kept: code, name, tier, score, amount, the five
/// dimension scores, then 存活概率 (code, tier and score are always found; 存活概率 is absent
/// from results written before the forecast stage).
struct Plan {
    cols: [Option<usize>; KEPT],
}

impl Plan {
    /// Which kept cell column `col` fills (the first slot naming it).
    fn slot(&self, col: usize) -> Option<usize> {
        self.cols.iter().position(|c| *c == Some(col))
    }

    fn col(&self, slot: usize) -> usize {
        self.cols[slot].unwrap_or(0)
    }
}

impl Context<'_> {
    /// Finds the columns: the code column is the one 参数 names, else 客户编码 / Customer Code,
    /// else the first; the derived columns come after the input's own ones, so 客户等级 and
    /// 综合得分 are searched from the right.
    fn plan(&self, header: &[String]) -> Result<Plan> {
        let position = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let last_position =
            |names: &[&str]| header.iter().rposition(|h| names.contains(&h.as_str()));
        let code = self
            .code_header
            .as_deref()
            .and_then(|h| position(&[h]))
            .or_else(|| position(&[OWN_CODE_HEADER.0, OWN_CODE_HEADER.1]))
            .unwrap_or(0);
        let name = self
            .name_header
            .as_deref()
            .and_then(|h| position(&[h]))
            .or_else(|| position(&[OWN_NAME_HEADER.0, OWN_NAME_HEADER.1]));
        let missing = |pair: crate::error::Header| {
            Error::input(Cause::SnapshotMissingColumn {
                file: self.file.to_string(),
                sheet: self.sheet.to_string(),
                column: pair,
            })
        };
        let (tier_pair, score_pair) = (TIER.header, TOTAL_SCORE.header);
        let tier = last_position(&[tier_pair.0, tier_pair.1]).ok_or_else(|| missing(tier_pair))?;
        let score =
            last_position(&[score_pair.0, score_pair.1]).ok_or_else(|| missing(score_pair))?;
        let right = |c: &Column| last_position(&[c.header.0, c.header.1]);
        let mut cols = [None; KEPT];
        cols[..5].copy_from_slice(&[Some(code), name, Some(tier), Some(score), right(&MONETARY)]);
        for (slot, column) in cols[5..10].iter_mut().zip(DIMENSIONS) {
            *slot = right(column);
        }
        cols[10] = right(&P_ALIVE);
        Ok(Plan { cols })
    }

    /// One customer from the kept cells of Excel row `excel_row`; None for a row without a
    /// code or a tier.
    fn snapshot(
        &self,
        plan: &Plan,
        header: &[String],
        excel_row: usize,
        row: &Row,
    ) -> Result<Option<TierSnapshot>> {
        let code = text(&row[0]).trim().to_string();
        let tier_text = text(&row[2]);
        if code.is_empty() || tier_text.trim().is_empty() {
            return Ok(None);
        }
        let header_of = |col: usize| header.get(col).cloned().unwrap_or_default();
        let tier = Tier::parse(&tier_text).ok_or_else(|| {
            Error::input(Cause::SnapshotBadTier {
                file: self.file.to_string(),
                sheet: self.sheet.to_string(),
                row: excel_row,
                column: header_of(plan.col(2)),
                value: tier_text.to_string(),
            })
        })?;
        let total_score = number(&row[3]).ok_or_else(|| {
            Error::input(Cause::SnapshotBadScore {
                file: self.file.to_string(),
                sheet: self.sheet.to_string(),
                row: excel_row,
                column: header_of(plan.col(3)),
                value: text(&row[3]),
            })
        })?;
        Ok(Some(TierSnapshot {
            code,
            name: text(&row[1]).trim().to_string(),
            tier,
            total_score,
            amount: number(&row[4]),
            dimensions: std::array::from_fn(|i| number(&row[5 + i])),
            p_alive: number(&row[10]),
        }))
    }
}

/// The 参数 row holding the as-of date.
const AS_OF_KEY: (&str, &str) = ("基准日", "As-of date");

/// The as-of date a custseg result workbook states in its 参数 sheet, when it can be read.
pub fn result_as_of(path: &Path) -> Option<chrono::NaiveDate> {
    let mut workbook = open_workbook_auto(path).ok()?;
    let names = workbook.sheet_names();
    let settings = names
        .iter()
        .find(|n| n.as_str() == SETTINGS_SHEET.0 || n.as_str() == SETTINGS_SHEET.1)?
        .clone();
    let range = workbook.worksheet_range(&settings).ok()?;
    let value = setting(&range, AS_OF_KEY)?;
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// The period (`2026Q2`) of a result named `<stem>_<period>_客户分类.xlsx` (or `_segments`,
/// or a numbered copy ` (2)`), when `name` is one for `stem`.
pub fn result_period<'a>(name: &'a str, stem: &str) -> Option<&'a str> {
    let rest = name.strip_prefix(stem)?.strip_prefix('_')?;
    let (period, tail) = rest.split_at_checked(6)?;
    let b = period.as_bytes();
    let is_period =
        b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'Q' && (b'1'..=b'4').contains(&b[5]);
    let tail = tail
        .strip_prefix("_客户分类")
        .or_else(|| tail.strip_prefix("_segments"))?;
    let tail = tail.strip_suffix(".xlsx")?;
    let numbered = tail.is_empty()
        || tail
            .strip_prefix(" (")
            .and_then(|t| t.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
    (is_period && numbered).then_some(period)
}

/// The result workbooks of `stem` in `dir` named for the latest period earlier than `period`:
/// that period and the files, the most recently modified first.
pub fn earlier_results(dir: &Path, stem: &str, period: &str) -> Option<(String, Vec<PathBuf>)> {
    let mut found: Vec<(String, std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let p = result_period(&name, stem)?.to_string();
            let modified = e.metadata().ok()?.modified().ok()?;
            (p.as_str() < period).then(|| (p, modified, e.path()))
        })
        .collect();
    let latest = found.iter().map(|f| f.0.clone()).max()?;
    found.retain(|f| f.0 == latest);
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
    Some((latest, found.into_iter().map(|f| f.2).collect()))
}

/// Column B of the 参数 row whose column A is `key` (in either language).
fn setting(range: &Range<Data>, key: (&str, &str)) -> Option<String> {
    range.rows().find_map(|r| {
        let label = text(r.first()?);
        (label == key.0 || label == key.1)
            .then(|| r.get(1).map(text))
            .flatten()
            .filter(|v| !v.trim().is_empty())
    })
}

/// A cell as the user reads it: numbers without a needless `.0`, so a code typed as a number
/// reads back as it shows.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => crate::model::Cell::Number(*f).display(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| crate::model::Cell::DateTime(d).display())
            .unwrap_or_else(|| d.as_f64().to_string()),
        Data::Error(e) => e.to_string(),
    }
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|v: &f64| v.is_finite())
}

/// The snapshot of the current run.
pub fn snapshot(customers: &[Classified]) -> Vec<TierSnapshot> {
    customers
        .iter()
        .map(|c| TierSnapshot {
            code: c.record.code.clone(),
            name: c.record.name.clone().unwrap_or_default(),
            tier: c.tier,
            total_score: c.total_score,
            amount: c.monetary,
            dimensions: [
                c.scores.size,
                c.scores.value,
                c.scores.activity,
                c.scores.satisfaction,
                c.scores.potential,
            ],
            p_alive: c.record.forecast.map(|f| f.p_alive),
        })
        .collect()
}

fn rank(tier: Tier) -> usize {
    match tier {
        Tier::Core => 0,
        Tier::Potential => 1,
        Tier::General => 2,
    }
}

/// Compares two snapshots: the transition matrix over customers in both; upgraded and
/// downgraded sorted by the size of the score change (largest first); new sorted by current
/// score, lost by previous score (highest first); ties by code; and the customers whose
/// P(alive) fell most (`alive::fell`). A code listed twice in one snapshot counts once, at its
/// first row.
pub fn migrate(
    previous: &[TierSnapshot],
    current: &[TierSnapshot],
    previous_file: &str,
) -> Migration {
    let mut before: HashMap<&str, &TierSnapshot> = HashMap::with_capacity(previous.len());
    for p in previous {
        before.entry(p.code.as_str()).or_insert(p);
    }
    let mut migration = Migration {
        previous_file: previous_file.to_string(),
        ..Migration::default()
    };
    let mut seen: HashSet<&str> = HashSet::with_capacity(current.len());
    for c in current {
        if !seen.insert(c.code.as_str()) {
            continue;
        }
        match before.get(c.code.as_str()) {
            Some(p) => {
                let (from, to) = (rank(p.tier), rank(c.tier));
                migration.matrix[from][to] += 1;
                let mv = Move {
                    code: c.code.clone(),
                    name: if c.name.is_empty() {
                        p.name.clone()
                    } else {
                        c.name.clone()
                    },
                    before: Some(p.tier),
                    after: Some(c.tier),
                    score_before: Some(p.total_score),
                    score_after: Some(c.total_score),
                    amount: c.amount,
                    driver: driver(p, c),
                };
                if to < from {
                    migration.upgraded.push(mv);
                } else if to > from {
                    migration.downgraded.push(mv);
                }
            }
            None => migration.new.push(Move {
                code: c.code.clone(),
                name: c.name.clone(),
                before: None,
                after: Some(c.tier),
                score_before: None,
                score_after: Some(c.total_score),
                amount: c.amount,
                driver: None,
            }),
        }
    }
    let mut gone: HashSet<&str> = HashSet::new();
    for p in previous {
        if !seen.contains(p.code.as_str()) && gone.insert(p.code.as_str()) {
            migration.lost.push(Move {
                code: p.code.clone(),
                name: p.name.clone(),
                before: Some(p.tier),
                after: None,
                score_before: Some(p.total_score),
                score_after: None,
                amount: p.amount,
                driver: None,
            });
        }
    }
    let change = |m: &Move| m.score_after.unwrap_or(0.0) - m.score_before.unwrap_or(0.0);
    migration.upgraded.sort_by(|a, b| {
        change(b)
            .total_cmp(&change(a))
            .then_with(|| a.code.cmp(&b.code))
    });
    migration.downgraded.sort_by(|a, b| {
        change(a)
            .total_cmp(&change(b))
            .then_with(|| a.code.cmp(&b.code))
    });
    migration.alive_fell = alive::fell(&before, current);
    let score = |m: &Move| m.score_after.or(m.score_before).unwrap_or(0.0);
    for list in [&mut migration.new, &mut migration.lost] {
        list.sort_by(|a, b| {
            score(b)
                .total_cmp(&score(a))
                .then_with(|| a.code.cmp(&b.code))
        });
    }
    migration
}

/// The dimension whose score changed most between `before` and `after` (among those both
/// quarters scored; the first of equal changes); None when no dimension is scored in both.
pub fn driver(before: &TierSnapshot, after: &TierSnapshot) -> Option<Driver> {
    let mut best: Option<Driver> = None;
    for (dimension, (b, a)) in before.dimensions.iter().zip(&after.dimensions).enumerate() {
        if let (Some(b), Some(a)) = (b, a) {
            let change = a - b;
            if best.is_none_or(|d| change.abs() > d.change.abs()) {
                best = Some(Driver { dimension, change });
            }
        }
    }
    best
}

/// The period, as-of date and cut-offs a result workbook states in its 参数 sheet; None when
/// its as-of date cannot be read.
pub fn result_facts(path: &Path) -> Option<PeriodFacts> {
    let mut workbook = open_workbook_auto(path).ok()?;
    let names = workbook.sheet_names();
    let settings = names
        .iter()
        .find(|n| n.as_str() == SETTINGS_SHEET.0 || n.as_str() == SETTINGS_SHEET.1)?
        .clone();
    let range = workbook.worksheet_range(&settings).ok()?;
    let as_of = setting(&range, AS_OF_KEY)?;
    let as_of = chrono::NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d").ok()?;
    let cut = |key| setting(&range, key).and_then(|v| v.trim().parse::<f64>().ok());
    let cutoffs = cut(CORE_CUTOFF_KEY).zip(cut(POTENTIAL_CUTOFF_KEY));
    Some(PeriodFacts {
        period: crate::config::period(as_of),
        as_of,
        cutoffs,
    })
}

/// The 参数 rows holding the tier cut-offs.
const CORE_CUTOFF_KEY: (&str, &str) = ("核心客户 ≥", "Core ≥");
const POTENTIAL_CUTOFF_KEY: (&str, &str) = ("潜力客户 ≥", "Potential ≥");

impl Migration {
    /// The migration with both quarters named: the previous one as its result workbook at
    /// `previous` states it, the current one as given.
    pub fn dated(mut self, previous: &Path, current: PeriodFacts) -> Self {
        self.previous_period = result_facts(previous);
        self.current_period = Some(current);
        self
    }
}

/// The facts of the current run's quarter.
pub fn current_facts(as_of: chrono::NaiveDate, cutoffs: (f64, f64)) -> PeriodFacts {
    PeriodFacts {
        period: crate::config::period(as_of),
        as_of,
        cutoffs: Some(cutoffs),
    }
}

#[cfg(test)]
mod tests;
