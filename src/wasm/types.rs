//! The TypeScript declarations of the package that wasm-bindgen cannot derive:
//! the option and result shapes, `HmsError` and `isHmsError`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
