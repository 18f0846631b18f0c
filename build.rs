//! With the `ffi` feature, generates the C header `hms_room_codes.h` from
//! `src/ffi` with cbindgen (pinned in Cargo.toml) into `OUT_DIR`, and nowhere
//! else. `make c-header` copies it to the committed
//! `bindings/c/include/hms_room_codes.h`; `make test` fails when the two differ.
//! Without `ffi` (every Rust user) there is nothing to do.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "ffi-sans-io")]
    header::generate();
}

#[cfg(feature = "ffi-sans-io")]
mod header {
    use std::env;
    use std::path::PathBuf;

    /// Writes `OUT_DIR/hms_room_codes.h` (not for wasm32, which has no C ABI).
    pub fn generate() {
        println!("cargo:rerun-if-changed=src/ffi");
        if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
            return;
        }
        let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
        let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
        let mut config = cbindgen::Config::from_file(root.join("src/ffi/cbindgen.toml"))
            .expect("src/ffi/cbindgen.toml is valid");
        config.after_includes = Some(version_macros());
        // mod.rs declares the other files of src/ffi; cbindgen follows them from there.
        cbindgen::Builder::new()
            .with_config(config)
            .with_src(root.join("src/ffi/mod.rs"))
            .generate()
            .expect("cbindgen can read src/ffi")
            .write_to_file(out.join("hms_room_codes.h"));
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
}
