//! Generates the C header `bindings/c/include/hms_room_codes.h` from `src/ffi`
//! with cbindgen (pinned in Cargo.toml). The header is committed; CI
//! regenerates it and fails on any difference. Nothing happens for wasm32.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed=src/ffi");
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        return;
    }
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let include_dir = root.join("bindings/c/include");
    if !include_dir.is_dir() {
        // A packaged crate has no bindings/ tree: nothing to keep up to date.
        return;
    }
    let mut config =
        cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml is valid");
    config.after_includes = Some(version_macros());
    // mod.rs declares the other files of src/ffi; cbindgen follows them from there.
    let builder = cbindgen::Builder::new()
        .with_config(config)
        .with_src(root.join("src/ffi/mod.rs"));
    builder
        .generate()
        .expect("cbindgen can read src/ffi")
        // Writes only when the text changed, so the header's mtime stays put.
        .write_to_file(include_dir.join("hms_room_codes.h"));
}

/// The version macros, from the crate's version.
fn version_macros() -> String {
    let part = |name: &str| env::var(name).expect("cargo sets the version");
    let (major, minor, patch) = (
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
    );
    let version = part("CARGO_PKG_VERSION");
    format!(
        r#"
/** The version of this header, e.g. "0.1.0" (hms_version() gives the library's). */
#define HMS_ROOM_CODES_VERSION "{version}"
/** The major part of HMS_ROOM_CODES_VERSION. */
#define HMS_ROOM_CODES_VERSION_MAJOR {major}
/** The minor part of HMS_ROOM_CODES_VERSION. */
#define HMS_ROOM_CODES_VERSION_MINOR {minor}
/** The patch part of HMS_ROOM_CODES_VERSION. */
#define HMS_ROOM_CODES_VERSION_PATCH {patch}
/** The version as one number, MAJOR * 10000 + MINOR * 100 + PATCH, for #if checks. */
#define HMS_ROOM_CODES_VERSION_NUMBER ({major} * 10000 + {minor} * 100 + {patch})"#
    )
}
