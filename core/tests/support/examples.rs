//! The bundled examples, for the spreadsheet tests here and in pohon-xlsx
//! (which includes this file by path).

use pohon_core::model::Document;
use std::path::PathBuf;

pub const EXAMPLES: [&str; 5] = [
    "bengkulu-selatan-dinsos-2024",
    "dinsos-2024",
    "payakumbuh-dinsos-2023-2028",
    "sumbar-dinsos-iku-2023",
    "tapin-dinsos-iku-2020",
];

/// `public/examples/NAME.json`, imported (both crates sit one level below it).
pub fn example(name: &str) -> Document {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/examples")).join(format!("{name}.json"));
    pohon_core::codec::import(&std::fs::read(path).unwrap()).unwrap().document
}
