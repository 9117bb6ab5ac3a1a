//! Reading and writing pohon kinerja files.

pub mod json;
pub mod link;
pub mod migrate;
pub mod pack;

pub use json::{export, import, ExportCursor, ImportError, Imported, Repair, APP, FORMAT, MAX_BYTES, VERSION};
