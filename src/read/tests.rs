//! Tests of stage 1, read: sniffing, limits, encodings, delimiters and messages.

use super::*;
use crate::model::Lang;

fn fixture(name: &str) -> std::path::PathBuf {
    crate::read::fixtures::dir().join(name)
}

/// A zip holding one entry whose directory declares `size` uncompressed bytes.
fn zip_declaring(size: u32) -> Vec<u8> {
    let name = b"xl/workbook.xml";
    let mut z = b"PK\x03\x04".to_vec();
    z.extend([0u8; 26]);
    let cd_offset = z.len() as u32;
    let mut cd = b"PK\x01\x02".to_vec();
    cd.extend([0u8; 20]);
    cd.extend(size.to_le_bytes()); // uncompressed size at offset 24
    cd.extend((name.len() as u16).to_le_bytes());
    cd.extend([0u8; 16]);
    cd.extend(name);
    let cd_size = cd.len() as u32;
    z.extend(cd);
    z.extend(b"PK\x05\x06");
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(cd_size.to_le_bytes());
    z.extend(cd_offset.to_le_bytes());
    z.extend([0u8; 2]);
    z
}

#[test]
fn a_zip_bomb_is_refused_before_expanding() {
    let err = read_bytes(&zip_declaring(0xC000_0000), "bomb.xlsx", "bomb").unwrap_err();
    let said = err.message(Lang::Zh);
    assert!(
        said.contains("bomb.xlsx") && said.contains("太大"),
        "{said}"
    );
    let err = read_bytes(&zip_declaring(0xFFFF_FFFF), "z64.xlsx", "z64").unwrap_err();
    assert!(matches!(*err.cause, Cause::TooLarge { .. }), "{err:?}");
    // A small declared size passes the check and fails later as corrupt, not as too large.
    let err = read_bytes(&zip_declaring(100), "small.xlsx", "small").unwrap_err();
    let said = err.message(Lang::En);
    assert!(said.contains("corrupt"), "{said}");
}

#[test]
fn formats_are_sniffed_from_the_bytes() {
    let cases: &[(&str, Format)] = &[
        ("basic.xlsx", Format::Xlsx),
        ("really_xlsx.csv", Format::Xlsx),
        ("basic.xls", Format::Xls),
        ("basic.ods", Format::Ods),
        ("basic.csv", Format::Text),
        ("basic_gbk.csv", Format::Text),
        ("basic_utf16.txt", Format::Text),
    ];
    for (name, want) in cases {
        let bytes = std::fs::read(fixture(name)).unwrap();
        assert_eq!(sniff(&bytes, name).unwrap(), *want, "{name}");
    }
}

#[test]
fn text_encodings_decode_alike() {
    let want = "客户编码,客户名称\r\n0001,甲公司\r\n";
    let utf16le: Vec<u8> = want.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let utf16be: Vec<u8> = want.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    let (gbk, _, _) = encoding_rs::GBK.encode(want);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", want.as_bytes().to_vec()),
        (
            "utf-8 bom",
            [b"\xef\xbb\xbf".as_slice(), want.as_bytes()].concat(),
        ),
        ("gbk", gbk.into_owned()),
        ("utf-16le bom", [[0xFF, 0xFE].as_slice(), &utf16le].concat()),
        ("utf-16be bom", [[0xFE, 0xFF].as_slice(), &utf16be].concat()),
        ("utf-16le no bom", utf16le),
    ];
    for (what, bytes) in cases {
        assert_eq!(decode_text(&bytes), want, "{what}");
    }
}

#[test]
fn delimiters_are_sniffed() {
    let cases: &[(&str, u8)] = &[
        ("a,b,c\n1,2,3\n", b','),
        ("a\tb\tc\n1\t2\t3\n", b'\t'),
        ("a;b;c\n1;2;3\n", b';'),
        ("a|b|c\n1|2|3\n", b'|'),
        ("名称\t金额\n\"甲,乙\"\t1,000\n", b'\t'),
        ("客户档案列表\n客户编码,名称,金额\n1,甲,\"1,000\"\n", b','),
        ("single\n", b','),
    ];
    for (text, want) in cases {
        assert_eq!(sniff_delimiter(text) as char, *want as char, "{text:?}");
    }
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    let cases: &[&[u8]] = &[
        b"",
        b"   \n",
        b"PK\x03\x04garbage",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"\x00\x01\x02\x03\x04",
    ];
    for bytes in cases {
        assert!(read_bytes(bytes, "x.xlsx", "x").is_err(), "{bytes:?}");
    }
}

#[test]
fn reading_never_changes_the_file() {
    let path = fixture("basic.xlsx");
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let (input, sheets) = read_file(&path).unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    let want: String = Sha256::digest(&before)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(input.sha256, want);
}

#[test]
fn cells_keep_their_types() {
    let (_, sheets) = read_file(&fixture("software_set.xlsx")).unwrap();
    let usage = &sheets[2];
    assert_eq!(usage.sheet, "登录记录");
    assert_eq!(usage.first_row, 1);
    assert!(
        matches!(usage.rows[1][1], Cell::DateTime(_)),
        "{:?}",
        usage.rows[1][1]
    );
    assert_eq!(usage.rows[1][1].display(), "2026-09-01 10:00:00");
    assert_eq!(usage.rows[1][3], Cell::Number(30.0));
    let (_, sheets) = read_file(&fixture("basic.ods")).unwrap();
    assert_eq!(sheets[0].rows[1][9].display(), "2026-08-15", "ods dates");
}

#[test]
fn bad_file_messages_word_for_word() {
    let cases: &[(&str, Lang, &str)] = &[
        ("encrypted.xlsx", Lang::Zh, "文件 encrypted.xlsx 设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存再试。"),
        ("encrypted.xlsx", Lang::En, "The file encrypted.xlsx is password-protected (encrypted) and cannot be read; remove the password in Excel, save it again and retry."),
        ("truncated.xlsx", Lang::Zh, "文件 truncated.xlsx 已损坏或不完整（可能没有下载或保存完整），无法读取。"),
        ("truncated.xlsx", Lang::En, "The file truncated.xlsx is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read."),
        ("not_spreadsheet.xlsx", Lang::Zh, "文件 not_spreadsheet.xlsx 不是电子表格（支持 .xlsx .xlsm .xlsb .xls .ods .csv .txt）。"),
        ("not_spreadsheet.xlsx", Lang::En, "The file not_spreadsheet.xlsx is not a spreadsheet (supported: .xlsx .xlsm .xlsb .xls .ods .csv .txt)."),
        ("empty.csv", Lang::Zh, "文件 empty.csv 是空的，没有可读取的数据。"),
        ("empty.csv", Lang::En, "The file empty.csv is empty: there is no data to read."),
    ];
    for (name, lang, want) in cases {
        let err = read_file(&fixture(name)).unwrap_err();
        assert_eq!(err.message(*lang), *want, "{name} {lang:?}");
    }
    let bomb = read_bytes(&zip_declaring(0xC000_0000), "bomb.xlsx", "bomb").unwrap_err();
    assert_eq!(
        bomb.message(Lang::Zh),
        "文件 bomb.xlsx 太大，无法安全读入内存（上限：解压后 2 GB，或单个工作表 5000 万个单元格）。"
    );
    let bomb = read_bytes(&zip_declaring(0xC000_0000), "bomb.xlsx", "bomb").unwrap_err();
    assert_eq!(
        bomb.message(Lang::En),
        "The file bomb.xlsx is too large to read safely into memory (limits: 2 GB uncompressed, or 50 million cells in one sheet)."
    );
}

#[test]
fn the_encoding_of_a_text_based_file_is_recorded() {
    let cases: &[(&str, Option<&str>)] = &[
        ("basic.csv", Some("UTF-8")),
        ("basic_gbk.csv", Some("GBK")),
        ("r15_big5.csv", Some("Big5")),
        ("r15_utf16le_nobom.csv", Some("UTF-16LE")),
        ("r15_utf32.csv", Some("UTF-32LE")),
        ("r15_html_gbk.xls", Some("GBK")),
        ("r15_spreadsheetml_gbk.xls", Some("GBK")),
        ("r15_spreadsheetml.xls", Some("UTF-8")),
        ("basic.xlsx", None),
    ];
    for (name, want) in cases {
        let (input, _) = read_file(&fixture(name)).unwrap();
        assert_eq!(input.encoding.as_deref(), *want, "{name}");
    }
}

#[test]
fn big5_and_gbk_are_told_apart_by_the_header_words() {
    let simplified = "客户编码,客户名称,所属行业\r\n0001,甲公司,制造业\r\n";
    let traditional = "客戶編碼,客戶名稱,所屬行業\r\n0001,甲公司,製造業\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(simplified);
    let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
    assert_eq!(decode_text(&gbk), simplified);
    assert_eq!(decode_text(&big5), traditional);
}

#[test]
fn a_library_error_is_kept_as_detail_not_in_the_sentence() {
    let err = read_file(&fixture("r15_bad_xml.xlsx")).unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "The file r15_bad_xml.xlsx is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read."
    );
    assert!(
        err.detail.as_deref().unwrap_or_default().contains("entity"),
        "{:?}",
        err.detail
    );
}

#[test]
fn other_formats_saved_as_xls_are_sniffed() {
    let cases: &[(&str, Format)] = &[
        ("r15_html_gbk.xls", Format::Html),
        ("r15_html_utf8.xls", Format::Html),
        ("r15_spreadsheetml.xls", Format::SpreadsheetMl),
        ("r15_workbook_elsewhere.xlsx", Format::Xlsx),
        ("r15_mimetype_late.ods", Format::Ods),
        ("r15_caps_stream.xls", Format::Xls),
    ];
    for (name, want) in cases {
        let bytes = std::fs::read(fixture(name)).unwrap();
        assert_eq!(sniff(&bytes, name).unwrap(), *want, "{name}");
    }
    for name in ["r15_sylk.xls", "r15_dif.xls"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let err = sniff(&bytes, name).unwrap_err();
        let said = err.message(Lang::En);
        assert!(said.contains("save it as .xlsx"), "{said}");
    }
}

#[test]
fn utf32_without_bom_and_utf16_with_a_rare_character_are_text() {
    let want = "名称,amount\r\n甲,1\r\n";
    let le: Vec<u8> = want
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let be: Vec<u8> = want
        .chars()
        .flat_map(|c| (c as u32).to_be_bytes())
        .collect();
    assert_eq!(decode_text(&le), want);
    assert_eq!(decode_text(&be), want);
    let rare = "premiere,second\r\n\u{10000},x\r\n";
    let utf16: Vec<u8> = rare.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    assert_eq!(decode_text(&utf16), rare);
}

#[test]
fn a_file_the_system_cannot_open_is_said_in_our_words_with_its_text_as_detail() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("无.xlsx");
    let err = read_file(&missing).unwrap_err();
    let want = Cause::CannotOpen {
        file: "无.xlsx".into(),
        why: crate::error::IoCause::NotFound,
    };
    assert_eq!(*err.cause, want);
    assert_eq!(err.message(Lang::Zh), "无法打开文件 无.xlsx：文件不存在。");
    assert!(err
        .detail
        .as_deref()
        .unwrap_or_default()
        .contains("os error"));
    // A folder where a file was expected: the system's words stay out of the sentence.
    let folder = dir.path().join("夹.xlsx");
    std::fs::create_dir(&folder).unwrap();
    let err = read_file(&folder).unwrap_err();
    let said = err.message(Lang::En);
    assert_eq!(
        said,
        "Cannot open the file 夹.xlsx: it is a folder, not a file."
    );
    assert!(err.detail.is_some(), "{err:?}");
}

/// Text with a NUL after every letter (an .xls string read as 8-bit) is read without the NULs, so
/// a header such as "code" is found; a cell of NULs alone is empty.
#[test]
fn nuls_in_cell_text_are_dropped() {
    use crate::model::Cell;
    assert_eq!(
        workbook::text_cell("c\0o\0d\0e\0"),
        Cell::Text("code".to_string())
    );
    assert_eq!(workbook::text_cell("\0\0"), Cell::Empty);
    assert_eq!(
        workbook::text_cell("客户编码"),
        Cell::Text("客户编码".into())
    );
}
