//! Stage forecast (after aggregate): customer-base models fitted per run — BG/NBD for repeat
//! purchases and P(alive), Gamma-Gamma for spend — from each customer's purchase days up to the
//! as-of date, in days, deterministic, with stated fallbacks where the data do not allow a fit.

pub mod bgnbd;
pub mod gamma_gamma;
mod optimize;
mod special;

#[cfg(test)]
mod tests;
