//! Sample stage: the event streams behind the sample workbooks — invoices (销售明细), logins
//! (登录记录) and survey answers (满意度调查) — drawn per customer and sorted by time as an ERP
//! export lists them.

use rand::Rng;

use super::population::{day_of, lognormal, weighted, Behaviour, Customer, Payment, Period};
use super::words::{CUSTOM_PRODUCTS, MODULES, ONE_OFF_PRODUCTS, SUBSCRIPTION_PRODUCTS};

/// Stream numbers of a customer's random streams.
const INVOICE_STREAM: u64 = 1;
const LOGIN_STREAM: u64 = 2;
const SURVEY_STREAM: u64 = 3;

/// Marks the one invoice whose customer code is in no customer list.
pub(crate) const UNKNOWN_CUSTOMER: u32 = u32::MAX;
/// The code and name of that invoice's customer.
pub(crate) const UNKNOWN_CODE: &str = "990001";
/// See `UNKNOWN_CODE`.
pub(crate) const UNKNOWN_NAME: &str = "零星客户（未建档）";

/// One invoice (单据): one or more lines sharing a document number.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Invoice {
    /// Day number of 单据日期.
    pub day: i32,
    /// Index into the population, or `UNKNOWN_CUSTOMER`.
    pub customer: u32,
    /// Index of the first line in `Ledger::lines`.
    pub first_line: u32,
    /// Number of lines.
    pub lines: u8,
    /// A 红字 (return) invoice: negative amounts.
    pub red: bool,
    /// Sequence number within its month and kind, from 1.
    pub number: u32,
}

/// One invoice line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// What was sold.
    pub product: &'static str,
    /// 金额, 元 (negative on a 红字 invoice).
    pub amount: f64,
}

/// Every invoice of the data span, sorted by date.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    /// Invoices in date order.
    pub invoices: Vec<Invoice>,
    /// Their lines.
    pub lines: Vec<Line>,
}

impl Ledger {
    /// 单据号 of an invoice: XS202501-00012 (sales) or HC202503-00002 (红字 returns).
    pub(crate) fn doc_no(invoice: &Invoice) -> String {
        let date = super::population::date_of(invoice.day);
        let prefix = if invoice.red { "HC" } else { "XS" };
        format!("{prefix}{}-{:05}", date.format("%Y%m"), invoice.number)
    }

    /// The lines of an invoice.
    pub(crate) fn lines_of(&self, invoice: &Invoice) -> &[Line] {
        let first = invoice.first_line as usize;
        let last = (first + usize::from(invoice.lines)).min(self.lines.len());
        self.lines.get(first..last).unwrap_or(&[])
    }
}

/// Draws the ledger: exactly `lines` lines in the Q3 files (when given; else about 12 per
/// customer), including one line dated after 2026-09-30 and one line of an unknown customer;
/// customers who left in Q2 get their lines on top, as they appear in the Q2 files only.
pub(crate) fn ledger(customers: &[Customer], lines: Option<usize>) -> Ledger {
    let listed = customers.iter().filter(|c| c.in_q3).count();
    let total = lines.unwrap_or(listed * 12);
    let specials = if total >= 20 { 2 } else { 0 };
    let counts = allocate(customers, total - specials);

    let mut ledger = Ledger::default();
    for (index, (customer, &count)) in customers.iter().zip(&counts).enumerate() {
        let mut rng = customer.rng(INVOICE_STREAM);
        let mut remaining = count;
        let mut first = true;
        while remaining > 0 {
            let red = !first && remaining < count && rng.gen::<f64>() < 0.03;
            let n = if red {
                1
            } else {
                ([1, 2, 3][weighted(&mut rng, &[0.65, 0.25, 0.10])]).min(remaining)
            };
            let day = if first && customer.joined >= 0 {
                // A customer opened during the span buys on the day the account was opened.
                customer.joined
            } else {
                invoice_day(&mut rng, customer)
            };
            let first_line = ledger.lines.len() as u32;
            for _ in 0..n {
                let amount = line_amount(&mut rng, customer.line_amount);
                ledger.lines.push(Line {
                    product: product(&mut rng, customer.payment),
                    amount: if red { -(amount * 0.6).round() } else { amount },
                });
            }
            ledger.invoices.push(Invoice {
                day,
                customer: index as u32,
                first_line,
                lines: n as u8,
                red,
                number: 0,
            });
            remaining -= n;
            first = false;
        }
    }

    if specials == 2 {
        let first_line = ledger.lines.len() as u32;
        ledger.lines.push(Line {
            product: "技术咨询服务",
            amount: 3_800.0,
        });
        ledger.invoices.push(Invoice {
            day: day_of(2025, 11, 18),
            customer: UNKNOWN_CUSTOMER,
            first_line,
            lines: 1,
            red: false,
            number: 0,
        });
        // An invoice keyed in early for next quarter: dated after the as-of date.
        let late = customers
            .iter()
            .position(|c| c.in_q3 && c.behaviour == Behaviour::Active)
            .unwrap_or(0);
        let first_line = ledger.lines.len() as u32;
        ledger.lines.push(Line {
            product: product_for(customers.get(late).map(|c| c.payment)),
            amount: customers
                .get(late)
                .map(|c| (c.line_amount / 10.0).round() * 10.0)
                .unwrap_or(5_000.0),
        });
        ledger.invoices.push(Invoice {
            day: Period::Q3.as_of() + 9,
            customer: late as u32,
            first_line,
            lines: 1,
            red: false,
            number: 0,
        });
    }

    ledger
        .invoices
        .sort_by_key(|i| (i.day, i.customer, i.first_line));
    number_invoices(&mut ledger.invoices);
    ledger
}

/// Lines per customer: Q3 customers share `total` in proportion to how much they buy
/// (largest remainder, so the sum is exact); Q2-only customers get their expected count.
fn allocate(customers: &[Customer], total: usize) -> Vec<usize> {
    let expected: Vec<f64> = customers
        .iter()
        .map(|c| c.lines_per_year * f64::from((c.end - c.start + 1).max(1)) / 365.0)
        .collect();
    let sum: f64 = customers
        .iter()
        .zip(&expected)
        .filter(|(c, _)| c.in_q3)
        .map(|(_, e)| e)
        .sum();
    let mut counts = vec![0usize; customers.len()];
    let mut remainders = Vec::with_capacity(customers.len());
    let mut given = 0usize;
    for (i, (c, e)) in customers.iter().zip(&expected).enumerate() {
        if !c.in_q3 {
            counts[i] = e.round().max(1.0) as usize;
            continue;
        }
        let share = if sum > 0.0 {
            e / sum * total as f64
        } else {
            0.0
        };
        counts[i] = share.floor() as usize;
        given += counts[i];
        remainders.push((share - share.floor(), i));
    }
    remainders.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total.saturating_sub(given);
    if !remainders.is_empty() {
        for k in 0..missing {
            let i = remainders[k % remainders.len()].1;
            counts[i] += 1;
        }
    }
    counts
}

fn invoice_day(rng: &mut impl Rng, c: &Customer) -> i32 {
    let u: f64 = rng.gen();
    let x = match c.behaviour {
        Behaviour::Growing => u.sqrt(),
        Behaviour::Declining | Behaviour::Gone => 1.0 - (1.0 - u).sqrt(),
        _ => u,
    };
    let day = c.start + (x * f64::from(c.end - c.start)).round() as i32;
    business_day(day, c.start, c.end)
}

/// Moves a weekend day to the nearest weekday inside [start, end].
fn business_day(day: i32, start: i32, end: i32) -> i32 {
    // 2025-01-01 (day 0) was a Wednesday: weekday 0 = Monday.
    let moved = match (day + 2).rem_euclid(7) {
        5 => day - 1,
        6 => day + 1,
        _ => day,
    };
    if (start..=end).contains(&moved) {
        moved
    } else {
        day
    }
}

fn line_amount(rng: &mut impl Rng, typical: f64) -> f64 {
    let v = typical * lognormal(rng, 0.45);
    if v >= 1_000.0 {
        (v / 100.0).round() * 100.0
    } else {
        (v / 10.0).round().max(1.0) * 10.0
    }
}

fn product(rng: &mut impl Rng, payment: Payment) -> &'static str {
    let list = products(payment);
    list[rng.gen_range(0..list.len())]
}

fn product_for(payment: Option<Payment>) -> &'static str {
    products(payment.unwrap_or(Payment::Subscription))[0]
}

fn products(payment: Payment) -> &'static [&'static str] {
    match payment {
        Payment::Subscription => SUBSCRIPTION_PRODUCTS,
        Payment::OneOff => ONE_OFF_PRODUCTS,
        Payment::Custom => CUSTOM_PRODUCTS,
    }
}

/// Numbers invoices within their month, sales and returns separately, in date order.
fn number_invoices(invoices: &mut [Invoice]) {
    let mut month = i32::MIN;
    let (mut sales, mut returns) = (0u32, 0u32);
    for invoice in invoices.iter_mut() {
        let date = super::population::date_of(invoice.day);
        let m = chrono::Datelike::year(&date) * 12 + chrono::Datelike::month(&date) as i32;
        if m != month {
            month = m;
            sales = 0;
            returns = 0;
        }
        if invoice.red {
            returns += 1;
            invoice.number = returns;
        } else {
            sales += 1;
            invoice.number = sales;
        }
    }
}

/// One login (登录记录 row).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Login {
    /// Minutes from 2025-01-01 00:00.
    pub minute: u32,
    /// Index into the population.
    pub customer: u32,
    /// Index into `MODULES`.
    pub module: u8,
    /// 使用时长 in tenths of an hour.
    pub tenths: u16,
}

/// Logins from 2026-01-01 to 2026-09-30, sorted by time; each period's file shows the six
/// months before its as-of date. `scale` thins them for very large samples.
pub(crate) fn logins(customers: &[Customer], scale: f64) -> Vec<Login> {
    let from = day_of(2026, 1, 1);
    let to = Period::Q3.as_of();
    let mut out = Vec::new();
    for (index, c) in customers.iter().enumerate() {
        let mut rng = c.rng(LOGIN_STREAM);
        // Fading customers keep logging in a little after their last purchase.
        let last = match c.behaviour {
            Behaviour::Declining | Behaviour::Gone | Behaviour::Churned => c.end + 20,
            _ => to,
        }
        .min(to);
        let first = c.start.max(from);
        if last < first {
            continue;
        }
        let weeks = f64::from(last - first + 1) / 7.0;
        let expected = c.logins_per_week * weeks * scale * lognormal(&mut rng, 0.3);
        let count = expected.floor() as usize + usize::from(rng.gen::<f64>() < expected.fract());
        let modules: Vec<u8> = (0..MODULES.len() as u8)
            .filter(|m| c.modules & (1 << m) != 0)
            .collect();
        for _ in 0..count {
            let u: f64 = rng.gen();
            let x = match c.behaviour {
                Behaviour::Growing => u.sqrt(),
                Behaviour::Declining | Behaviour::Gone | Behaviour::Churned => {
                    1.0 - (1.0 - u).sqrt()
                }
                _ => u,
            };
            let mut day = first + (x * f64::from(last - first)).round() as i32;
            if (day + 2).rem_euclid(7) >= 5 && rng.gen::<f64>() < 0.8 {
                day = business_day(day, first, last);
            }
            let minute_of_day = rng.gen_range(8 * 60 + 30..19 * 60);
            let module = if modules.is_empty() {
                0
            } else {
                modules[rng.gen_range(0..modules.len())]
            };
            let hours = (0.8 * lognormal(&mut rng, 0.7)).clamp(0.1, 6.0);
            out.push(Login {
                minute: (day.max(0) as u32) * 1440 + minute_of_day,
                customer: index as u32,
                module,
                tenths: (hours * 10.0).round().max(1.0) as u16,
            });
        }
    }
    out.sort_by_key(|l| (l.minute, l.customer));
    out
}

/// One answer to the satisfaction survey (满意度调查 row).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Survey {
    /// Day number of 调查日期.
    pub day: i32,
    /// Index into the population.
    pub customer: u32,
    /// 满意度评分 1–5.
    pub score: u8,
    /// 是否投诉.
    pub complaint: bool,
}

/// Zero to two survey answers per customer between 2026-01-01 and 2026-09-30, sorted by date.
pub(crate) fn surveys(customers: &[Customer]) -> Vec<Survey> {
    let from = day_of(2026, 1, 1);
    let to = Period::Q3.as_of();
    let mut out = Vec::new();
    for (index, c) in customers.iter().enumerate() {
        let mut rng = c.rng(SURVEY_STREAM);
        let n = weighted(&mut rng, &[0.35, 0.45, 0.20]);
        let first = c.start.max(from);
        let last = (c.end + 30).min(to);
        for _ in 0..n {
            if last <= first {
                break;
            }
            let day = rng.gen_range(first..=last);
            let drift = if c.behaviour == Behaviour::Declining && day > day_of(2026, 6, 30) {
                -1.2
            } else {
                0.0
            };
            let score = (c.satisfaction + drift + 0.6 * super::population::normal(&mut rng))
                .round()
                .clamp(1.0, 5.0) as u8;
            let complaint = rng.gen::<f64>() < if score <= 2 { 0.5 } else { 0.04 };
            out.push(Survey {
                day,
                customer: index as u32,
                score,
                complaint,
            });
        }
    }
    out.sort_by_key(|s| (s.day, s.customer));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::population::population;

    #[test]
    fn the_q3_ledger_has_exactly_the_lines_asked_for() {
        let customers = population(200, 3);
        for total in [0usize, 5, 20, 777, 3000] {
            let ledger = ledger(&customers, Some(total));
            let q3_lines: usize = ledger
                .invoices
                .iter()
                .filter(|i| i.customer == UNKNOWN_CUSTOMER || customers[i.customer as usize].in_q3)
                .map(|i| usize::from(i.lines))
                .sum();
            assert_eq!(q3_lines, total, "lines for --transactions {total}");
        }
    }

    #[test]
    fn invoices_are_in_date_order_with_returns_and_the_special_rows() {
        let customers = population(300, 11);
        let ledger = ledger(&customers, None);
        assert!(ledger.invoices.windows(2).all(|w| w[0].day <= w[1].day));
        assert!(ledger.invoices.iter().any(|i| i.red));
        assert!(ledger.lines.iter().any(|l| l.amount < 0.0));
        assert!(ledger.invoices.iter().any(|i| i.lines > 1));
        assert_eq!(
            ledger
                .invoices
                .iter()
                .filter(|i| i.day > Period::Q3.as_of())
                .count(),
            1
        );
        assert_eq!(
            ledger
                .invoices
                .iter()
                .filter(|i| i.customer == UNKNOWN_CUSTOMER)
                .count(),
            1
        );
    }
}
