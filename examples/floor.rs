//! The floor for the speed benchmark (issue 8): only read the inputs with calamine and write the
//! same number of output rows and columns with rust_xlsxwriter — no analysis. custseg's whole run
//! is measured against this.
//!
//! Usage: `cargo run --release --example floor -- OUT.xlsx ROWS COLS [INPUT...]` (with no input
//! it only writes: the writing half of the floor).

use calamine::{open_workbook_auto, Data, Reader};
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        return Err("usage: floor OUT.xlsx ROWS COLS [INPUT...]".into());
    }
    let (out, rows, cols) = (&args[0], args[1].parse::<u32>()?, args[2].parse::<u16>()?);
    let mut cells = 0usize;
    let mut checksum = 0.0f64;
    for input in &args[3..] {
        let mut wb = open_workbook_auto(input)?;
        for name in wb.sheet_names().to_vec() {
            let range = wb.worksheet_range(&name)?;
            for row in range.rows() {
                for cell in row {
                    cells += 1;
                    if let Data::Float(f) = cell {
                        checksum += f;
                    }
                }
            }
        }
    }
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    for r in 0..rows {
        for c in 0..cols {
            if c % 2 == 0 {
                sheet.write_number(r, c, f64::from(r) + f64::from(c))?;
            } else {
                sheet.write_string(r, c, "客户")?;
            }
        }
    }
    workbook.save(out)?;
    eprintln!("read {cells} cells (checksum {checksum:.0}); wrote {rows} × {cols}");
    Ok(())
}
