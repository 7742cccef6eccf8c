//! Sample stage: the synthetic customer base behind every sample workbook — who the customers
//! are (names, codes, industries, sizes) and how they behave over 2025-01-01 … 2026-09-30.
//!
//! Every customer draws from its own seeded stream, so a customer's data does not depend on how
//! many others there are or on the order the files are written in.

use std::collections::HashSet;

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::words::{
    Industry, Region, COMPANY_SUFFIXES, INDUSTRIES, MODULES, REGIONS, SALESPEOPLE, SURNAMES,
    TRADE_NAME_CHARS,
};

/// Day 0 of the data: 2025-01-01. Dates are kept as day numbers from here.
pub(crate) fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default()
}

/// The day number of a calendar date (negative before 2025).
pub(crate) fn day_of(y: i32, m: u32, d: u32) -> i32 {
    NaiveDate::from_ymd_opt(y, m, d)
        .map(|date| (date - epoch()).num_days() as i32)
        .unwrap_or(0)
}

/// The calendar date of a day number.
pub(crate) fn date_of(day: i32) -> NaiveDate {
    epoch() + chrono::Duration::days(i64::from(day))
}

/// Excel's serial number of a day number (1900 date system).
pub(crate) fn excel_serial(day: i32) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    ((epoch() - base).num_days() + i64::from(day)) as f64
}

/// One reporting period: the quarter a set of sample files is "exported" at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    /// As of 2026-06-30 (the `2026Q2/` folder).
    Q2,
    /// As of 2026-09-30 (the main files).
    Q3,
}

impl Period {
    /// The as-of day of the period.
    pub(crate) fn as_of(self) -> i32 {
        match self {
            Period::Q2 => day_of(2026, 6, 30),
            Period::Q3 => day_of(2026, 9, 30),
        }
    }
}

/// How a customer behaves over the data's span; drives purchases, logins and satisfaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Behaviour {
    /// Buys and logs in steadily.
    Active,
    /// Buys more and more often towards the end.
    Growing,
    /// Was active, fades out during 2026 Q2/Q3 (a downgrade between the quarters).
    Declining,
    /// Stopped buying long ago; no recent logins.
    Churned,
    /// Joined in 2026 Q3: absent from the Q2 files.
    NewInQ3,
    /// Left during 2026 Q2: present in the Q2 files only.
    Gone,
}

/// Payment model (付费模式).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Payment {
    /// 订阅
    Subscription,
    /// 一次性购买
    OneOff,
    /// 定制开发
    Custom,
}

impl Payment {
    /// The text an ERP export shows.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Payment::Subscription => "订阅",
            Payment::OneOff => "一次性购买",
            Payment::Custom => "定制开发",
        }
    }
}

/// One synthetic customer (a 客户档案 row, plus the hidden facts its transactions and logins
/// are drawn from).
#[derive(Debug, Clone)]
pub(crate) struct Customer {
    /// 客户编码, six digits with leading zeros.
    pub code: String,
    /// 客户名称.
    pub name: String,
    /// 统一社会信用代码.
    pub credit_code: String,
    /// Index into `INDUSTRIES`.
    pub industry: usize,
    /// Index into `REGIONS`.
    pub region: usize,
    /// 成立日期 (day number, negative: before 2025).
    pub founded: i32,
    /// 员工人数.
    pub employees: f64,
    /// 营业收入, 万元.
    pub revenue: f64,
    /// 资产总额, 万元.
    pub assets: f64,
    /// Size class the indicators were drawn for: 0 micro, 1 small, 2 medium, 3 large.
    pub size: u8,
    /// 付费模式.
    pub payment: Payment,
    /// Modules bought (bit i = `MODULES[i]`).
    pub modules: u16,
    /// Modules asked for but not bought.
    pub needs: u16,
    /// 预算 range in 万元 (low, high), if the customer gave one.
    pub budget: Option<(f64, f64)>,
    /// 联系人.
    pub contact: String,
    /// 业务员.
    pub salesperson: &'static str,
    /// Behaviour over the span.
    pub behaviour: Behaviour,
    /// Day the customer signed up (开户).
    pub joined: i32,
    /// First day of activity inside the data's span.
    pub start: i32,
    /// Last day of activity.
    pub end: i32,
    /// Expected transaction lines per year.
    pub lines_per_year: f64,
    /// Typical amount of one transaction line, 元.
    pub line_amount: f64,
    /// Typical logins per week while active.
    pub logins_per_week: f64,
    /// Underlying satisfaction, 1–5.
    pub satisfaction: f64,
    /// Whether the customer is in the Q2 and the Q3 files.
    pub in_q2: bool,
    /// See `in_q2`.
    pub in_q3: bool,
    /// Seed of this customer's own streams.
    pub seed: u64,
}

impl Customer {
    /// Whether the customer is listed in the files of `period`.
    pub(crate) fn in_period(&self, period: Period) -> bool {
        match period {
            Period::Q2 => self.in_q2,
            Period::Q3 => self.in_q3,
        }
    }

    /// The customer's own random stream for one purpose (`stream`), independent of the others.
    pub(crate) fn rng(&self, stream: u64) -> Xoshiro256PlusPlus {
        Xoshiro256PlusPlus::seed_from_u64(self.seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The industry entry.
    pub(crate) fn industry(&self) -> &'static Industry {
        &INDUSTRIES[self.industry % INDUSTRIES.len()]
    }

    /// The region entry.
    pub(crate) fn region(&self) -> &'static Region {
        &REGIONS[self.region % REGIONS.len()]
    }
}

/// A draw from the standard normal distribution (Box–Muller).
pub(crate) fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal factor with median 1: long-tailed amounts.
pub(crate) fn lognormal(rng: &mut impl Rng, sigma: f64) -> f64 {
    (sigma * normal(rng)).exp()
}

/// Log-uniform in [low, high).
fn log_uniform(rng: &mut impl Rng, low: f64, high: f64) -> f64 {
    if high <= low {
        return low;
    }
    (low.ln() + rng.gen::<f64>() * (high.ln() - low.ln())).exp()
}

/// Picks an index with the given weights.
pub(crate) fn weighted(rng: &mut impl Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.gen::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len().saturating_sub(1)
}

/// A value of one size indicator inside class `class` of bounds `[small, medium, large]`.
fn indicator(rng: &mut impl Rng, bounds: [f64; 3], class: u8) -> f64 {
    match class {
        0 => log_uniform(rng, (bounds[0] * 0.12).max(1.0), bounds[0]),
        1 => log_uniform(rng, bounds[0], bounds[1]),
        2 => log_uniform(rng, bounds[1], bounds[2]),
        _ => log_uniform(rng, bounds[2], bounds[2] * 4.0),
    }
}

/// The customer base: `customers` customers in the Q3 files plus about 2 % who are in the Q2
/// files only. Stable order: by code.
pub(crate) fn population(customers: usize, seed: u64) -> Vec<Customer> {
    let gone = if customers >= 20 { customers / 50 } else { 0 };
    let total = customers + gone;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);

    // Sign-up days first, sorted, so that codes grow with the date a customer was opened.
    let q3_start = day_of(2026, 7, 1);
    let mut joined: Vec<i32> = (0..total)
        .map(|_| {
            let u: f64 = rng.gen();
            if u < 0.05 {
                rng.gen_range(q3_start..=day_of(2026, 9, 20))
            } else if u < 0.28 {
                rng.gen_range(0..day_of(2026, 6, 1))
            } else {
                rng.gen_range(day_of(2012, 1, 1)..0)
            }
        })
        .collect();
    joined.sort_unstable();

    // Exactly `gone` customers leave during Q2; they are spread evenly over the old ones.
    let eligible: Vec<usize> = (0..total)
        .filter(|&i| joined[i] < day_of(2025, 10, 1))
        .collect();
    let mut is_gone = vec![false; total];
    if gone > 0 && eligible.len() >= gone {
        let step = eligible.len() / gone;
        for j in 0..gone {
            is_gone[eligible[j * step + step / 2]] = true;
        }
    }

    let mut names = HashSet::with_capacity(total);
    let mut code_number = 0u32;
    let mut out = Vec::with_capacity(total);
    for (i, &joined_day) in joined.iter().enumerate() {
        // Codes have gaps where customers were deleted, as real ledgers do.
        code_number += if rng.gen::<f64>() < 0.04 { 2 } else { 1 };
        let customer_seed = seed
            .wrapping_mul(0xD1B5_4A32_D192_ED03)
            .wrapping_add(i as u64)
            .rotate_left(17);
        let mut c = customer(
            i,
            joined_day,
            is_gone[i],
            customer_seed,
            format!("{code_number:06}"),
            &mut names,
        );
        if c.behaviour == Behaviour::Gone {
            c.in_q3 = false;
        }
        out.push(c);
    }
    deliberate_duplicates(&mut out);
    out
}

/// One duplicated code and one shared credit code, so the data-quality path has work to do.
fn deliberate_duplicates(customers: &mut [Customer]) {
    let listed: Vec<usize> = (0..customers.len())
        .filter(|&i| customers[i].in_q2 && customers[i].in_q3)
        .collect();
    if listed.len() < 8 {
        return;
    }
    let (a, b) = (listed[listed.len() / 3], listed[listed.len() / 2]);
    customers[b].code = customers[a].code.clone();
    let (c, d) = (listed[listed.len() / 4], listed[listed.len() * 2 / 3]);
    customers[d].credit_code = customers[c].credit_code.clone();
}

fn customer(
    index: usize,
    joined: i32,
    gone: bool,
    seed: u64,
    code: String,
    names: &mut HashSet<String>,
) -> Customer {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let weights: Vec<f64> = INDUSTRIES.iter().map(|i| i.weight).collect();
    let industry_index = weighted(&mut rng, &weights);
    let industry = &INDUSTRIES[industry_index];
    let region_index = rng.gen_range(0..REGIONS.len());
    let region = &REGIONS[region_index];
    let size = weighted(&mut rng, &[0.30, 0.38, 0.22, 0.10]) as u8;

    let (employees, revenue, assets) = size_indicators(&mut rng, industry, size, index);

    let age_years = match size {
        0 => rng.gen_range(1.0..12.0),
        1 => rng.gen_range(3.0..20.0),
        2 => rng.gen_range(6.0..26.0),
        _ => rng.gen_range(10.0..32.0),
    };
    let founded = (joined - 30).min(day_of(2026, 9, 30) - (age_years * 365.25) as i32);

    let name = company_name(&mut rng, industry, region, size, names);
    let credit_code = credit_code(&mut rng, region.admin_code);

    let payment = payment_model(&mut rng, size);

    let (modules, needs) = modules_and_needs(&mut rng, industry, size);
    let budget = budget(&mut rng, size);
    let behaviour = behaviour(&mut rng, joined, gone);
    let start = joined.max(0);
    let end = active_until(&mut rng, behaviour, start);

    let scale = [4.0, 6.5, 11.0, 18.0][usize::from(size)];
    let lines_per_year = scale
        * lognormal(&mut rng, 0.45)
        * match behaviour {
            Behaviour::Growing => 1.3,
            Behaviour::Churned => 0.7,
            _ => 1.0,
        };
    let line_amount = [1_200.0, 3_000.0, 8_000.0, 25_000.0][usize::from(size)]
        * lognormal(&mut rng, 0.6)
        * match payment {
            Payment::Custom => 2.5,
            Payment::OneOff => 1.4,
            Payment::Subscription => 1.0,
        };
    let logins_per_week = [1.2, 2.5, 4.5, 8.0][usize::from(size)] * lognormal(&mut rng, 0.5);
    let satisfaction = match behaviour {
        Behaviour::Churned | Behaviour::Gone => rng.gen_range(1.5..3.6),
        Behaviour::Declining => rng.gen_range(2.5..4.5),
        _ => rng.gen_range(3.2..5.0),
    };
    let contact = format!(
        "{}{}",
        SURNAMES[rng.gen_range(0..SURNAMES.len())],
        ["经理", "总", "会计", "主管", "女士", "先生"][rng.gen_range(0..6)]
    );
    let salesperson = SALESPEOPLE[rng.gen_range(0..SALESPEOPLE.len())];

    Customer {
        code,
        name,
        credit_code,
        industry: industry_index,
        region: region_index,
        founded,
        employees,
        revenue,
        assets,
        size,
        payment,
        modules,
        needs,
        budget,
        contact,
        salesperson,
        behaviour,
        joined,
        start,
        end,
        lines_per_year,
        line_amount,
        logins_per_week,
        satisfaction,
        in_q2: behaviour != Behaviour::NewInQ3,
        in_q3: true,
        seed,
    }
}

/// How a customer of size class `size` pays: small firms mostly subscribe, large ones more often
/// order custom work.
fn payment_model(rng: &mut impl Rng, size: u8) -> Payment {
    let weights: &[f64] = match size {
        0 | 1 => &[0.70, 0.27, 0.03],
        2 => &[0.50, 0.35, 0.15],
        _ => &[0.35, 0.30, 0.35],
    };
    [Payment::Subscription, Payment::OneOff, Payment::Custom][weighted(rng, weights)]
}

/// The modules bought and those needed but not yet bought, as bit sets. Everyone has the ledger;
/// bigger firms buy more modules; the industry suggests which.
fn modules_and_needs(rng: &mut impl Rng, industry: &Industry, size: u8) -> (u16, u16) {
    let mut modules: u16 = 1;
    let extra = match size {
        0 => rng.gen_range(0..2),
        1 => rng.gen_range(1..3),
        2 => rng.gen_range(2..5),
        _ => rng.gen_range(3..7),
    };
    for _ in 0..extra {
        let m = pick_module(rng, industry);
        modules |= 1 << m;
    }
    let mut needs: u16 = 0;
    for _ in 0..rng.gen_range(0..4) {
        let m = pick_module(rng, industry);
        if modules & (1 << m) == 0 {
            needs |= 1 << m;
        }
    }
    (modules, needs)
}

/// The budget range (万元) 70 % of customers state, larger for larger firms.
fn budget(rng: &mut impl Rng, size: u8) -> Option<(f64, f64)> {
    if rng.gen::<f64>() < 0.7 {
        let base = [1.0, 3.0, 10.0, 40.0][usize::from(size)] * lognormal(rng, 0.5);
        let low = BUDGET_STEPS.iter().rposition(|s| *s <= base).unwrap_or(0);
        let high = (low + rng.gen_range(1..=2)).min(BUDGET_STEPS.len() - 1);
        Some((BUDGET_STEPS[low], BUDGET_STEPS[high]))
    } else {
        None
    }
}

/// How a customer behaves over the two quarters.
fn behaviour(rng: &mut impl Rng, joined: i32, gone: bool) -> Behaviour {
    if gone {
        Behaviour::Gone
    } else if joined >= day_of(2026, 7, 1) {
        Behaviour::NewInQ3
    } else {
        let u: f64 = rng.gen();
        if u < 0.10 && joined < day_of(2025, 10, 1) {
            Behaviour::Churned
        } else if u < 0.22 {
            Behaviour::Declining
        } else if u < 0.33 {
            Behaviour::Growing
        } else {
            Behaviour::Active
        }
    }
}

/// The last day a customer buys, from `start`: early in 2026 for one who churned, mid-2026 for
/// one declining or gone, else the end of the sample period.
fn active_until(rng: &mut impl Rng, behaviour: Behaviour, start: i32) -> i32 {
    let last = day_of(2026, 9, 30);
    match behaviour {
        Behaviour::Churned => {
            rng.gen_range((start + 60).min(day_of(2026, 2, 1))..=day_of(2026, 2, 1))
        }
        Behaviour::Declining => rng
            .gen_range(day_of(2026, 5, 1)..=day_of(2026, 8, 15))
            .max(start + 30),
        Behaviour::Gone => rng
            .gen_range(day_of(2026, 3, 1)..=day_of(2026, 6, 20))
            .max(start + 30),
        _ => last,
    }
    .min(last)
}

/// 员工人数, 营业收入 and 资产总额 for a size class: the standard's listed indicators fall in the
/// class (one in ten firms has one indicator a class lower, which the standard then applies),
/// and every 53rd firm sits exactly on the class's lower bounds.
fn size_indicators(
    rng: &mut impl Rng,
    industry: &Industry,
    size: u8,
    index: usize,
) -> (f64, f64, f64) {
    let exact = index % 53 == 7 && size > 0;
    let lowered = if size > 0 && rng.gen::<f64>() < 0.10 {
        rng.gen_range(0..3)
    } else {
        9
    };
    let mut draw = |which: usize, bounds: Option<[f64; 3]>| {
        bounds.map(|b| {
            if exact {
                b[usize::from(size) - 1]
            } else if lowered == which {
                indicator(rng, b, size - 1)
            } else {
                indicator(rng, b, size)
            }
        })
    };
    let x = draw(0, industry.x);
    let y = draw(1, industry.y);
    let z = draw(2, industry.z);
    // Indicators the standard does not list for the industry still appear in the ledger.
    let revenue = match (y, x) {
        (Some(y), _) => y,
        (None, Some(x)) => x * industry.revenue_per_head * lognormal(rng, 0.4),
        (None, None) => 100.0 * lognormal(rng, 1.0),
    };
    let employees = match x {
        Some(x) => x,
        None => (revenue / industry.revenue_per_head * lognormal(rng, 0.4)).max(1.0),
    };
    let assets = match z {
        Some(z) => z,
        None => revenue * 0.9 * lognormal(rng, 0.5),
    };
    let round2 = |v: f64| (v * 100.0).round() / 100.0;
    (employees.round().max(1.0), round2(revenue), round2(assets))
}

fn pick_module(rng: &mut impl Rng, industry: &Industry) -> usize {
    if rng.gen::<f64>() < 0.5 {
        industry.typical_modules[rng.gen_range(0..industry.typical_modules.len())]
    } else {
        rng.gen_range(1..MODULES.len())
    }
}

/// Budgets people name, 万元: "5-10万", "20-30万".
const BUDGET_STEPS: &[f64] = &[
    0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 10.0, 15.0, 20.0, 30.0, 50.0, 80.0, 100.0, 150.0, 200.0, 300.0,
    500.0,
];

/// Region + 字号 + industry word + 有限公司, never twice the same.
fn company_name(
    rng: &mut impl Rng,
    industry: &Industry,
    region: &Region,
    size: u8,
    names: &mut HashSet<String>,
) -> String {
    for attempt in 0..50 {
        let a = TRADE_NAME_CHARS[rng.gen_range(0..TRADE_NAME_CHARS.len())];
        let mut b = TRADE_NAME_CHARS[rng.gen_range(0..TRADE_NAME_CHARS.len())];
        if a == b {
            b = TRADE_NAME_CHARS[(rng.gen_range(1..TRADE_NAME_CHARS.len())
                + TRADE_NAME_CHARS.iter().position(|c| *c == a).unwrap_or(0))
                % TRADE_NAME_CHARS.len()];
        }
        let word = industry.name_words[rng.gen_range(0..industry.name_words.len())];
        let suffix = if size >= 2 && rng.gen::<f64>() < 0.45 {
            "股份有限公司"
        } else {
            COMPANY_SUFFIXES[rng.gen_range(0..COMPANY_SUFFIXES.len())]
        };
        let mut name = format!("{}{a}{b}{word}{suffix}", region.short);
        if attempt >= 40 {
            // A huge base can run out of short names; a branch name keeps it unique.
            name = format!("{}{a}{b}{word}{suffix}第{}分公司", region.short, attempt);
        }
        if names.insert(name.clone()) {
            return name;
        }
    }
    let name = format!("{}客户{}有限公司", region.short, names.len() + 1);
    names.insert(name.clone());
    name
}

const USCC_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// An 18-character 统一社会信用代码 with valid check characters (GB 32100-2015, GB 11714-1997):
/// "91" (an enterprise) + the region's code + a 9-character organisation code + a check.
fn credit_code(rng: &mut impl Rng, admin_code: &str) -> String {
    let body: Vec<u32> = (0..8).map(|_| rng.gen_range(0..10)).collect();
    let sum: u32 = body.iter().zip(ORG_WEIGHTS).map(|(d, w)| d * w).sum();
    let org_check = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).unwrap_or('0'),
    };
    let mut code = format!("91{admin_code}");
    for d in &body {
        code.push(char::from_digit(*d, 10).unwrap_or('0'));
    }
    code.push(org_check);
    let sum: u32 = code
        .bytes()
        .zip(USCC_WEIGHTS)
        .map(|(c, w)| USCC_ALPHABET.iter().position(|a| *a == c).unwrap_or(0) as u32 * w)
        .sum();
    let check = (31 - sum % 31) % 31;
    code.push(char::from(USCC_ALPHABET[check as usize]));
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_carry_valid_check_characters() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        for _ in 0..200 {
            let code = credit_code(&mut rng, "320500");
            assert_eq!(code.len(), 18, "{code}");
            let sum: u32 = code
                .bytes()
                .zip(USCC_WEIGHTS)
                .map(|(c, w)| USCC_ALPHABET.iter().position(|a| *a == c).unwrap() as u32 * w)
                .sum();
            let last = USCC_ALPHABET
                .iter()
                .position(|a| *a == code.as_bytes()[17])
                .unwrap() as u32;
            assert_eq!((sum + last) % 31, 0, "{code}");
        }
    }

    #[test]
    fn the_population_is_deterministic_and_has_the_deliberate_duplicates() {
        let a = population(300, 7);
        let b = population(300, 7);
        assert_eq!(a.len(), 306);
        assert_eq!(a.iter().filter(|c| c.in_q3).count(), 300);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!((&x.code, &x.name, x.revenue), (&y.code, &y.name, y.revenue));
        }
        let q3: Vec<&Customer> = a.iter().filter(|c| c.in_q3).collect();
        let codes: HashSet<&str> = q3.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes.len(), q3.len() - 1, "exactly one duplicated code");
        let credit: HashSet<&str> = q3.iter().map(|c| c.credit_code.as_str()).collect();
        assert_eq!(credit.len(), q3.len() - 1, "exactly one shared credit code");
        let names: HashSet<&str> = a.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), a.len(), "names are unique");
        for size in 0..4 {
            assert!(
                a.iter().any(|c| c.size == size),
                "size class {size} appears"
            );
        }
    }
}
