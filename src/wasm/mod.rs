//! The wasm-bindgen exports (filled in by the npm package work).
