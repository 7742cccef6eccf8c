//! Stage 7, figures — the trade's own tables that a profile's `[report]` declares: the stage
//! funnel (量房 → 意向 → 签约 → 施工 → 竣工) and tables of customers grouped by one column (客户来源,
//! 设计师, 装修风格, 预算区间 …) with count, signed and amount. Computed once; writers lay them out.

use std::collections::BTreeMap;

use super::amount_of;
use crate::model::{Analysis, Classified, Lang};
use crate::profile::{pick_text, FunnelSettings, GroupSettings};

/// One stage of the funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelRow {
    /// Stage name in the run's language.
    pub name: String,
    /// Customers at this stage now.
    pub at: usize,
    /// Customers at this stage or a later one (they passed through it).
    pub reached: usize,
    /// `reached` over the previous stage's `reached` (None for the first stage or after 0).
    pub conversion: Option<f64>,
    /// Net amount (元) of the customers at this stage now.
    pub amount: f64,
}

/// The stage funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    /// The stages, first to last.
    pub rows: Vec<FunnelRow>,
    /// Index of the stage from which a customer counts as signed.
    pub signed_index: usize,
    /// Customers whose 客户阶段 is blank or names no stage (流失, 放弃 …).
    pub unstaged: usize,
    /// Customers with a stage.
    pub staged: usize,
}

impl Funnel {
    /// Customers at the signed stage or later.
    pub fn signed(&self) -> usize {
        self.rows.get(self.signed_index).map_or(0, |r| r.reached)
    }

    /// The step with the lowest conversion before signing: (from, to, rate). Only steps up to the signed stage count: later ones are delivery, not selling.
    pub fn weakest_step(&self) -> Option<(&str, &str, f64)> {
        let upto = (self.signed_index + 1).min(self.rows.len());
        self.rows[..upto]
            .windows(2)
            .filter_map(|w| {
                w[1].conversion
                    .map(|c| (w[0].name.as_str(), w[1].name.as_str(), c))
            })
            .min_by(|x, y| x.2.total_cmp(&y.2))
    }
}

/// The stage a customer is at (None: no 客户阶段, or one that names no stage).
fn stage_index(c: &Classified, s: &FunnelSettings) -> Option<usize> {
    c.record.stage.as_deref().and_then(|t| s.stage_of(t.trim()))
}

/// True when a customer has signed: by the funnel stage when known, else by having spent.
pub fn is_signed(c: &Classified, funnel: Option<&FunnelSettings>) -> bool {
    match funnel.and_then(|s| stage_index(c, s).map(|i| (i, s.signed_index()))) {
        Some((i, signed)) => i >= signed,
        None => amount_of(c) > 0.0,
    }
}

/// The funnel of the customers' 客户阶段; None when no customer's stage names a stage.
pub fn funnel(a: &Analysis, s: &FunnelSettings) -> Option<Funnel> {
    let lang = a.run.lang;
    let n = s.stages.len();
    let mut at = vec![0usize; n];
    let mut amount = vec![0.0f64; n];
    let mut unstaged = 0;
    for c in &a.classification.customers {
        match stage_index(c, s) {
            Some(i) => {
                at[i] += 1;
                amount[i] += amount_of(c);
            }
            None => unstaged += 1,
        }
    }
    let staged: usize = at.iter().sum();
    if staged == 0 {
        return None;
    }
    let mut rows: Vec<FunnelRow> = Vec::with_capacity(n);
    for (i, stage) in s.stages.iter().enumerate() {
        let reached: usize = at[i..].iter().sum();
        let conversion = rows
            .last()
            .filter(|p| p.reached > 0)
            .map(|p| reached as f64 / p.reached as f64);
        rows.push(FunnelRow {
            name: pick_text(&stage.name, stage.name_en.as_deref(), lang).to_string(),
            at: at[i],
            reached,
            conversion,
            amount: amount[i],
        });
    }
    Some(Funnel {
        rows,
        signed_index: s.signed_index(),
        unstaged,
        staged,
    })
}

/// One group of a group table.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    /// The group's value as written (or a band's label).
    pub name: String,
    /// Customers in it.
    pub count: usize,
    /// Of them, signed.
    pub signed: usize,
    /// Their net amount (元).
    pub amount: f64,
}

impl GroupRow {
    /// Signed over count (签约率).
    pub fn conversion(&self) -> Option<f64> {
        (self.count > 0).then(|| self.signed as f64 / self.count as f64)
    }

    fn add(&mut self, c: &Classified, signed: bool) {
        self.count += 1;
        self.signed += usize::from(signed);
        self.amount += amount_of(c);
    }

    fn named(name: String) -> GroupRow {
        GroupRow {
            name,
            count: 0,
            signed: 0,
            amount: 0.0,
        }
    }
}

/// Customers grouped by one column.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupTable {
    /// The column's header as found (or the group's title for a field).
    pub column: String,
    /// The groups: bands in band order, texts by amount (largest first).
    pub rows: Vec<GroupRow>,
    /// Customers without a value.
    pub missing: GroupRow,
    /// All customers.
    pub total: GroupRow,
    /// The groups that are referrals (转介绍) together, when the profile names referral words
    /// and some group matches.
    pub referral: Option<GroupRow>,
}

/// Where a group's value comes from.
enum Source {
    /// An input column by index.
    Column(usize),
    /// A text field.
    Text(fn(&Classified) -> Option<&str>),
    /// A number field, cut into bands; (value, unit divisor, zh unit, en unit).
    Number(
        fn(&Classified) -> Option<f64>,
        f64,
        &'static str,
        &'static str,
    ),
}

fn source_of(a: &Analysis, g: &GroupSettings) -> Option<(Source, String)> {
    if let Some(field) = g.field.as_deref() {
        // A field is named by the group's title (its header differs from file to file).
        let title = pick_text(&g.title, g.title_en.as_deref(), a.run.lang).to_string();
        let text = |f: fn(&Classified) -> Option<&str>| Some((Source::Text(f), title.clone()));
        return match field {
            "style" => text(|c| c.record.style.as_deref()),
            "stage" => text(|c| c.record.stage.as_deref()),
            "region" => text(|c| c.record.region.as_deref()),
            "product" => text(|c| c.record.product.as_deref()),
            "budget" => Some((
                Source::Number(|c| c.record.budget, 10_000.0, "万", "k"),
                title,
            )),
            "house_area" => Some((
                Source::Number(|c| c.record.house_area, 1.0, "㎡", " m²"),
                title,
            )),
            _ => None,
        };
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    g.columns.iter().find_map(|want| {
        let want = squash(want);
        a.dataset
            .input_columns
            .iter()
            .position(|h| squash(h) == want)
            .map(|i| (Source::Column(i), a.dataset.input_columns[i].clone()))
    })
}

/// The label of band `i` of `limits` (already in the unit shown).
fn band_label(limits: &[f64], i: usize, unit: (&str, &str), lang: Lang) -> String {
    let num = |v: f64| crate::values::thousands(v, usize::from(v.fract() != 0.0));
    let (zh, en) = unit;
    let en_num = |v: f64| format!("{}{en}", num(if en == "k" { v * 10.0 } else { v }));
    match (i, lang) {
        (0, Lang::Zh) => format!("{}{zh}以下", num(limits[0])),
        (0, Lang::En) => format!("under {}", en_num(limits[0])),
        (i, Lang::Zh) if i == limits.len() => format!("{}{zh}及以上", num(limits[i - 1])),
        (i, Lang::En) if i == limits.len() => format!("{} and over", en_num(limits[i - 1])),
        (i, Lang::Zh) => format!("{}–{}{zh}", num(limits[i - 1]), num(limits[i])),
        (i, Lang::En) => format!("{}–{}", en_num(limits[i - 1]), en_num(limits[i])),
    }
}

/// The table of customers grouped as `g` says; None when the column or field is absent or no
/// customer has a value.
pub fn group_table(
    a: &Analysis,
    g: &GroupSettings,
    funnel: Option<&FunnelSettings>,
) -> Option<GroupTable> {
    let lang = a.run.lang;
    let (source, column) = source_of(a, g)?;
    let mut texts: BTreeMap<String, GroupRow> = BTreeMap::new();
    let mut bands: Vec<GroupRow> = Vec::new();
    if let Source::Number(_, divisor, zh, en) = source {
        let limits: Vec<f64> = g.bands.iter().map(|b| b / divisor).collect();
        bands = (0..=limits.len())
            .map(|i| GroupRow::named(band_label(&limits, i, (zh, en), lang)))
            .collect();
    }
    let mut missing = GroupRow::named(lang.pick("未填", "Not given").to_string());
    let mut total = GroupRow::named(lang.pick("合计", "Total").to_string());
    for c in &a.classification.customers {
        let signed = is_signed(c, funnel);
        total.add(c, signed);
        let slot = match &source {
            Source::Column(i) => c
                .record
                .original
                .get(*i)
                .map(|cell| cell.display().trim().to_string())
                .filter(|t| !t.is_empty())
                .map(|t| texts.entry(t.clone()).or_insert_with(|| GroupRow::named(t))),
            Source::Text(f) => f(c).map(str::trim).filter(|t| !t.is_empty()).map(|t| {
                texts
                    .entry(t.to_string())
                    .or_insert_with(|| GroupRow::named(t.to_string()))
            }),
            Source::Number(f, ..) => f(c).filter(|v| v.is_finite()).map(|v| {
                let i = g.bands.iter().take_while(|b| v >= **b).count();
                &mut bands[i]
            }),
        };
        match slot {
            Some(row) => row.add(c, signed),
            None => missing.add(c, signed),
        }
    }
    if total.count == missing.count {
        return None;
    }
    let mut rows: Vec<GroupRow> = if bands.is_empty() {
        let mut v: Vec<GroupRow> = texts.into_values().collect();
        v.sort_by(|x, y| {
            y.amount
                .total_cmp(&x.amount)
                .then(y.count.cmp(&x.count))
                .then_with(|| x.name.cmp(&y.name))
        });
        v
    } else {
        bands
    };
    rows.retain(|r| r.count > 0);
    let referral = referral_of(&rows, &g.referral, lang);
    Some(GroupTable {
        column,
        rows,
        missing,
        total,
        referral,
    })
}

/// The groups whose name holds a referral word, together.
fn referral_of(rows: &[GroupRow], words: &[String], lang: Lang) -> Option<GroupRow> {
    let mut out = GroupRow::named(lang.pick("转介绍", "Referrals").to_string());
    let mut names = Vec::new();
    for r in rows
        .iter()
        .filter(|r| words.iter().any(|w| r.name.contains(w.as_str())))
    {
        out.count += r.count;
        out.signed += r.signed;
        out.amount += r.amount;
        names.push(r.name.as_str());
    }
    if names.is_empty() {
        return None;
    }
    out.name = names.join(lang.pick("、", ", "));
    Some(out)
}
