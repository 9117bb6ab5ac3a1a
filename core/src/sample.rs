//! The small tree the app opens with when there is nothing else to show.

use super::codec::{import, ImportError};
use super::model::Document;

const SAMPLE: &str = include_str!("sample.json");

pub fn sample() -> Result<Document, ImportError> {
    import(SAMPLE.as_bytes()).map(|i| i.document)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sample_imports_and_round_trips() {
        let doc = super::sample().unwrap();
        assert_eq!(doc.nodes.len(), 8);
        assert_eq!(doc.meta.judul, "Contoh Pohon Kinerja Dinas Sosial");
        assert_eq!(crate::codec::export(&doc).trim_end(), super::SAMPLE.trim_end());
    }
}
