//! End-to-end tests: the real binary on real files, outputs read back.

use assert_cmd::Command;

fn custseg() -> Command {
    Command::cargo_bin("custseg").expect("binary built")
}

#[test]
fn no_argument_prints_chinese_usage_and_exits_2() {
    let out = custseg().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("用法"), "{err}");
}
