//! Pohon kinerja in plain Rust: the document model, codecs, capaian, layout, search.
//! No web crate is a dependency (`tests/pure.rs` checks the manifest), so all
//! of it is tested natively; the app (`pohon-kinerja`) is the web shell.

pub mod capaian;
pub mod card;
pub mod chart;
pub mod codec;
pub mod cull;
pub mod drafts;
pub mod export;
pub mod history;
pub mod import;
pub mod kode;
pub mod layout;
pub mod model;
pub mod ops;
pub mod outline;
pub mod paste;
pub mod picture;
pub mod present;
pub mod raster;
pub mod sample;
pub mod synth;
pub mod table;
pub mod text;
pub mod tidy;
pub mod tree;
pub mod value;
pub mod viewport;
