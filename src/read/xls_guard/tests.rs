//! Tests of the .xls guard: real .xls files pass; compound files rebuilt around a made-up
//! Workbook stream (cells moved far away, damaged dimensions, too many sheets, looping chains,
//! truncation) are refused before calamine allocates.

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(crate::read::fixtures::dir().join(name)).unwrap()
}

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend(data);
    r
}

fn number(row: u16, col: u16) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend([0u8; 2]);
    d.extend(1.5f64.to_le_bytes());
    record(0x0203, &d)
}

/// A Workbook stream: globals with one BoundSheet8 per sheet, then the sheets' records.
fn stream(sheets: &[Vec<u8>]) -> Vec<u8> {
    let bof = record(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0]);
    let eof = record(0x000A, &[]);
    let bound_len = 4 + 10;
    let globals_len = bof.len() + bound_len * sheets.len() + eof.len();
    let mut out = bof.clone();
    let mut at = globals_len;
    for (i, body) in sheets.iter().enumerate() {
        let mut d = (at as u32).to_le_bytes().to_vec();
        d.extend([0, 0, 2, 0, b'S', b'0' + i as u8]);
        out.extend(record(0x0085, &d));
        at += bof.len() + body.len() + eof.len();
    }
    out.extend(&eof);
    for body in sheets {
        out.extend(&bof);
        out.extend(body);
        out.extend(&eof);
    }
    out
}

/// A compound file holding `workbook` as its Workbook stream (at least 4 096 bytes, so in
/// ordinary sectors), whose sectors are laid out in reverse order: consecutive bytes of the
/// stream are not consecutive in the file.
fn compound(workbook: &[u8]) -> Vec<u8> {
    // calamine never reads past the last EOF record, so zeros after it are not seen.
    let mut workbook = workbook.to_vec();
    workbook.resize(workbook.len().max(MINI_CUTOFF + 100), 0);
    let n = workbook.len().div_ceil(512);
    assert!(n + 2 <= 128, "one FAT sector");
    // Sector 0 is the FAT, sector 1 the directory, the stream's k-th sector is n + 1 - k.
    let stream_sector = |k: usize| (n + 1 - k) as u32;
    let mut fat = vec![0xFFFF_FFFFu32; 128];
    fat[0] = 0xFFFF_FFFD;
    fat[1] = END_OF_CHAIN;
    for k in 0..n {
        fat[stream_sector(k) as usize] = if k + 1 < n {
            stream_sector(k + 1)
        } else {
            END_OF_CHAIN
        };
    }
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    header[26..28].copy_from_slice(&3u16.to_le_bytes());
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    header[30..32].copy_from_slice(&9u16.to_le_bytes());
    header[32..34].copy_from_slice(&6u16.to_le_bytes());
    header[44..48].copy_from_slice(&1u32.to_le_bytes());
    header[48..52].copy_from_slice(&1u32.to_le_bytes());
    header[56..60].copy_from_slice(&4096u32.to_le_bytes());
    header[60..64].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    header[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    for i in 0..109 {
        let v: u32 = if i == 0 { 0 } else { 0xFFFF_FFFF };
        header[76 + 4 * i..80 + 4 * i].copy_from_slice(&v.to_le_bytes());
    }
    let entry = |name: &str, typ: u8, start: u32, len: u32| {
        let mut e = vec![0u8; 128];
        let units: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        e[..units.len()].copy_from_slice(&units);
        e[64..66].copy_from_slice(&((units.len() + 2) as u16).to_le_bytes());
        e[66] = typ;
        for at in [68, 72, 76] {
            e[at..at + 4].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&len.to_le_bytes());
        e
    };
    let mut root = entry("Root Entry", 5, END_OF_CHAIN, 0);
    root[76..80].copy_from_slice(&1u32.to_le_bytes());
    let mut directory = root;
    directory.extend(entry(
        "Workbook",
        2,
        stream_sector(0),
        workbook.len() as u32,
    ));
    directory.resize(512, 0);
    let mut file = header;
    file.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    file.extend(directory);
    let mut sectors = vec![vec![0u8; 512]; n];
    for (k, chunk) in workbook.chunks(512).enumerate() {
        sectors[n - 1 - k][..chunk.len()].copy_from_slice(chunk);
    }
    file.extend(sectors.concat());
    file
}

/// The fixture's Workbook stream, as the guard reads it.
fn fixture_stream(name: &str) -> Vec<u8> {
    workbook_stream(&fixture(name)).unwrap().unwrap()
}

/// Offset in `stream` of the first record of type `typ` in the first sheet.
fn first_cell_record(stream: &[u8], typ: u16) -> Option<usize> {
    let sheet = Records { rest: stream }
        .find(|r| r.typ == 0x0085)
        .map(|r| u32_at(r.data, 0).unwrap() as usize)
        .unwrap();
    let mut at = sheet;
    for r in (Records {
        rest: &stream[sheet..],
    }) {
        if r.typ == typ {
            return Some(at);
        }
        at += 4 + r.data.len() + r.continues.len();
    }
    None
}

fn read_err(bytes: &[u8]) -> String {
    crate::read::read_bytes(bytes, "坏.xls", "坏")
        .unwrap_err()
        .message(crate::model::Lang::Zh)
}

#[test]
fn real_xls_files_pass() {
    for name in ["basic.xls", "messy.xls"] {
        let bytes = fixture(name);
        assert_eq!(refusal(&bytes), None, "{name}");
        let rebuilt = compound(&fixture_stream(name));
        assert_eq!(refusal(&rebuilt), None, "{name} rebuilt");
        // The rebuilt file is a valid .xls that calamine reads like the original.
        let a = crate::read::read_bytes(&bytes, name, "x").unwrap();
        let b = crate::read::read_bytes(&rebuilt, name, "x").unwrap();
        assert_eq!(a.len(), b.len(), "{name}");
        for (a, b) in a.iter().zip(&b) {
            assert_eq!((&a.sheet, &a.rows), (&b.sheet, &b.rows), "{name}");
        }
    }
}

#[test]
fn a_cell_moved_far_away_is_refused_before_calamine_allocates() {
    // In the fixture as LibreOffice wrote it (a short stream, in the mini stream)...
    let mut bytes = fixture("basic.xls");
    let at = bytes
        .windows(4)
        .position(|w| w == [0xFD, 0x00, 0x0A, 0x00])
        .expect("a LabelSst record");
    bytes[at + 4..at + 8].copy_from_slice(&[0xFF; 4]);
    assert_eq!(refusal(&bytes), Some(Corrupt));
    assert_eq!(
        read_err(&bytes),
        "文件 坏.xls 已损坏或不完整（可能没有下载或保存完整），无法读取。"
    );
    // ...and in a stream whose damaged position is split over two sectors that are far
    // apart in the file, where no scan of the raw bytes would see it.
    let mut kinds = 0;
    for typ in [0x00FD, 0x0203, 0x027E, 0x00BD] {
        let s = fixture_stream("messy.xls");
        let Some(at) = first_cell_record(&s, typ) else {
            continue;
        };
        kinds += 1;
        // A record calamine ignores, sized so that the cell's row and column straddle the
        // next 512-byte boundary.
        let pad = (510 + 512 - (at + 8) % 512) % 512;
        let mut s = insert_into_globals(&s, &record(0x0000, &vec![0; pad]));
        let at = at + 4 + pad;
        assert_ne!((at + 4) / 512, (at + 7) / 512);
        s[at + 4..at + 8].copy_from_slice(&[0xFF; 4]);
        let bytes = compound(&s);
        assert_eq!(refusal(&bytes), Some(Corrupt), "{typ:#x}");
        assert!(read_err(&bytes).contains("已损坏"), "{typ:#x}");
    }
    assert!(
        kinds >= 2,
        "LibreOffice writes text and numbers as these records"
    );
}

#[test]
fn a_damaged_dimensions_record_is_refused() {
    let mut dims = 0u32.to_le_bytes().to_vec();
    dims.extend(0x0100_0000u32.to_le_bytes());
    dims.extend([0, 0, 0xFF, 0, 0, 0]);
    let s = stream(&[[number(0, 0), record(0x0200, &dims)].concat()]);
    assert_eq!(memory_needed(&s), Err(Corrupt));
    // A first row past the last one wraps around in calamine's arithmetic.
    let mut dims = 9u32.to_le_bytes().to_vec();
    dims.extend(2u32.to_le_bytes());
    dims.extend([0, 0, 2, 0, 0, 0]);
    assert_eq!(dimensions_reserve(&dims), 0xFFFF_FFF9 * 2);
    // A BIFF5 record declaring a real size passes.
    let dims: Vec<u8> = [0u16, 100, 0, 10, 0]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    assert_eq!(dimensions_reserve(&dims), 1000);
}

/// An embedded chart substream holding a far cell calamine does not read.
fn chart_again() -> Vec<u8> {
    let bof = record(0x0809, &[0x00, 0x06, 0x20, 0x00, 0, 0, 0, 0]);
    [bof, number(60_000, 1000), record(0x000A, &[])].concat()
}

#[test]
fn a_sheet_spanning_far_more_than_it_holds_is_refused() {
    // One cell at A1 and one at the last row and column (42 KB on disk, 1 GB in calamine).
    let s = stream(&[[number(0, 0), number(65_535, 255)].concat()]);
    assert_eq!(memory_needed(&s), Err(Corrupt));
    // A sparse sheet within a million cells passes.
    let s = stream(&[[number(0, 0), number(3_999, 255)].concat()]);
    assert_eq!(memory_needed(&s), Ok(()));
}

#[test]
fn the_span_counts_every_kind_of_cell() {
    let far = |rec: Vec<u8>| stream(&[[number(0, 0), rec].concat()]);
    let pos = |row: u16, col: u16, rest: &[u8]| -> Vec<u8> {
        [&row.to_le_bytes()[..], &col.to_le_bytes(), rest].concat()
    };
    let mut mulrk = pos(60_000, 900, &[]);
    mulrk.extend([0u8; 12]);
    mulrk.extend(901u16.to_le_bytes());
    let mut formula = pos(60_000, 2000, &[0u8; 16]);
    formula.extend([0u8; 4]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("number", far(number(60_000, 1000))),
        ("rk", far(record(0x027E, &pos(60_000, 1000, &[0; 6])))),
        ("label", far(record(0x0204, &pos(60_000, 1000, &[0; 5])))),
        ("boolerr", far(record(0x0205, &pos(60_000, 1000, &[0; 4])))),
        ("mulrk", far(record(0x00BD, &mulrk))),
        ("formula", far(record(0x0006, &formula))),
    ];
    for (what, s) in cases {
        assert_eq!(memory_needed(&s), Err(Corrupt), "{what}");
    }
    // One column past what an .xls holds.
    let s = stream(&[[number(0, 0), number(65_535, 256)].concat()]);
    assert_eq!(memory_needed(&s), Err(Corrupt), "257 columns");
    // A String record lands at the last formula's cell, A1 before any formula.
    let s = stream(&[[number(60_000, 1000), record(0x0207, &[0, 0, 0])].concat()]);
    assert_eq!(memory_needed(&s), Err(Corrupt), "string");
    // Blank cells and cells inside an embedded chart are not read by calamine.
    // (Enough cells that the full sheet's grid is no absurd span for what it holds.)
    let blank = record(0x0201, &pos(60_000, 1000, &[0; 2]));
    let many: Vec<u8> = (0..20_000u16).flat_map(|r| number(r, 0)).collect();
    let s = stream(&[[many, chart_again(), blank, number(65_535, 255)].concat()]);
    assert_eq!(memory_needed(&s), Ok(()));
}

#[test]
fn shared_strings_are_found_across_continue_records() {
    // Three strings: "ab" (compressed), one of 3 UTF-16 units split by a Continue record
    // that switches to compressed characters, and one with a rich-text run.
    let mut sst = vec![0u8; 8];
    sst.extend([2, 0, 0, b'a', b'b']);
    sst.extend([3, 0, 1, 0x2D, 0x4E]);
    let mut cont = vec![0u8, b'x', b'y'];
    cont.extend([1, 0, 0x08, 1, 0, b'z', 0, 0, 0, 0]);
    let globals = [record(0x00FC, &sst), record(0x003C, &cont)].concat();
    let r = (Records { rest: &globals }).next().unwrap();
    assert_eq!(shared_string_lengths(&r), vec![2, 3, 1]);
    // A LabelSst naming a string past the table is no cell in calamine.
    let label = |row: u16, col: u16, isst: u32| {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend([0u8; 2]);
        d.extend(isst.to_le_bytes());
        record(0x00FD, &d)
    };
    let body = [number(0, 0), label(60_000, 1000, 3)].concat();
    let with_sst = insert_into_globals(&stream(&[body]), &globals);
    assert_eq!(memory_needed(&with_sst), Ok(()));
    let body = [number(0, 0), label(60_000, 1000, 2)].concat();
    let with_sst = insert_into_globals(&stream(&[body]), &globals);
    assert_eq!(memory_needed(&with_sst), Err(Corrupt));
}

/// Inserts records after the globals' BOF and moves every BoundSheet8 offset to match.
fn insert_into_globals(s: &[u8], extra: &[u8]) -> Vec<u8> {
    let bof_len = 4 + u16_at(s, 2).unwrap() as usize;
    let mut out = s[..bof_len].to_vec();
    out.extend(extra);
    let mut at = bof_len;
    for r in (Records {
        rest: &s[bof_len..],
    }) {
        let len = 4 + r.data.len() + r.continues.len();
        let mut raw = s[at..at + len].to_vec();
        if r.typ == 0x0085 {
            let moved = u32_at(&raw, 4).unwrap() + extra.len() as u32;
            raw[4..8].copy_from_slice(&moved.to_le_bytes());
        }
        out.extend(raw);
        at += len;
        if r.typ == 0x000A {
            break;
        }
    }
    out.extend(&s[at..]);
    out
}

#[test]
fn sheets_that_together_are_too_large_are_refused() {
    // Each sheet spans 4 096 × 256 cells (as much as a sheet may span whatever it holds); a
    // hundred of them need more than the limit once expanded.
    let full = [number(0, 0), number(4_095, 255)].concat();
    assert_eq!(memory_needed(&stream(&vec![full.clone(); 3])), Ok(()));
    assert_eq!(
        memory_needed(&stream(&vec![full.clone(); 100])),
        Err(TooLarge)
    );
    let err = crate::read::read_bytes(&compound(&stream(&vec![full; 100])), "大.xls", "大")
        .unwrap_err()
        .message(crate::model::Lang::En);
    assert!(err.contains("大.xls is too large"), "{err}");
}

#[test]
fn many_sheets_over_the_same_records_are_refused() {
    let s = stream(&[number(0, 0)]);
    let copies = 5000;
    let sheet = u32_at(&s, 4 + 8 + 4).unwrap() + 14 * copies;
    let mut bound = sheet.to_le_bytes().to_vec();
    bound.extend([0, 0, 2, 0, b'S', b'x']);
    let extra = record(0x0085, &bound).repeat(copies as usize);
    assert_eq!(
        memory_needed(&insert_into_globals(&s, &extra)),
        Err(Corrupt)
    );
}

#[test]
fn an_encrypted_workbook_is_left_to_calamine() {
    // FilePass: the cells are encrypted, their positions are noise.
    let s = stream(&[[number(0, 0), number(65_535, 65_535)].concat()]);
    let with_pass = insert_into_globals(&s, &record(0x002F, &[1, 0, 0, 0]));
    assert_eq!(memory_needed(&with_pass), Ok(()));
    assert!(read_err(&compound(&with_pass)).contains("加密"));
}

#[test]
fn looping_sector_chains_are_refused() {
    let bytes = compound(&fixture_stream("basic.xls"));
    // The directory's chain points back at itself: calamine would read it forever.
    let mut looped = bytes.clone();
    looped[512 + 4..512 + 8].copy_from_slice(&1u32.to_le_bytes());
    assert_eq!(refusal(&looped), Some(Corrupt));
    assert!(read_err(&looped).contains("已损坏"));
    // The stream's first sector points to itself.
    let first = bytes.len() / 512 - 2;
    let entry = 512 + 4 * first..512 + 4 * first + 4;
    let mut looped = bytes.clone();
    looped[entry.clone()].copy_from_slice(&(first as u32).to_le_bytes());
    assert_eq!(refusal(&looped), Some(Corrupt));
    // A chain into a sector past the end of the file: calamine says so itself.
    let mut beyond = bytes.clone();
    beyond[entry].copy_from_slice(&9999u32.to_le_bytes());
    assert_eq!(refusal(&beyond), None);
    assert!(read_err(&beyond).contains("已损坏"));
}

#[test]
fn truncated_and_garbage_files_end_in_an_error() {
    let bytes = fixture("basic.xls");
    for cut in [0, 100, 511, 512, 1000, 4000, bytes.len() - 1] {
        let _ = refusal(&bytes[..cut]);
        assert!(
            crate::read::read_bytes(&bytes[..cut], "t.xls", "t").is_err() || cut == bytes.len() - 1,
            "{cut}"
        );
    }
    let mut odd = bytes.clone();
    odd[30] = 0x0C;
    let _ = refusal(&odd);
}
