//! The JSON the core reads and writes, with no JSON library: the service's
//! answers are read in place by [`read::Reader`], and the few bodies the core
//! sends (request bodies, token claims) are written by [`write`]. Small (the
//! npm package's `.wasm` carries no general JSON library, and no float
//! formatting) and fast (no allocation but for escaped strings).

pub(crate) mod read;
mod text;
pub(crate) mod write;

pub(crate) use read::{once, required, Read, Reader};
pub(crate) use text::Text;
