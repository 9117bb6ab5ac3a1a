//! Pure Rust: the document model, codecs, layout. No web crates here (a test
//! in `tests/core_is_pure.rs` enforces it), so all of it is tested natively.

pub mod card;
pub mod codec;
pub mod kode;
pub mod layout;
pub mod model;
pub mod outline;
pub mod sample;
pub mod synth;
pub mod text;
pub mod tidy;
pub mod tree;
pub mod value;
pub mod viewport;
