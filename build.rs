//! Build step for the Windows target only: compiles windows/custseg.rc (icon, version
//! information, manifest with the UTF-8 code page and long paths) with mingw's windres and links
//! it into custseg.exe. Other targets build nothing here.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for f in ["custseg.rc", "custseg.manifest", "custseg.ico"] {
        println!("cargo:rerun-if-changed=windows/{f}");
    }
    println!("cargo:rerun-if-env-changed=WINDRES");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "windows" || env != "gnu" {
        return;
    }
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| {
        let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
        format!("{arch}-w64-mingw32-windres")
    });
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("custseg-res.o");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut parts: Vec<String> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|p| p.parse::<u16>().unwrap_or(0).to_string())
        .collect();
    parts.resize(4, "0".into());
    let status = Command::new(&windres)
        .current_dir(dir.join("windows"))
        .arg(format!("-DVERSION_NUM={}", parts.join(",")))
        .arg(format!("-DVERSION_STR=\\\"{version}\\\""))
        .args(["-O", "coff", "-i", "custseg.rc", "-o"])
        .arg(&out)
        .status();
    match status {
        Ok(s) if s.success() => {
            println!("cargo:rustc-link-arg-bins={}", out.display());
        }
        Ok(s) => panic!("{windres} failed on windows/custseg.rc ({s})"),
        Err(e) => println!(
            "cargo:warning=custseg.exe is built without its icon, version information and manifest: {windres} not found ({e}); install binutils-mingw-w64-x86-64"
        ),
    }
}
