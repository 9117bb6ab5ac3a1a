//! Share-link length: `scripts/bench link`. Ours (the columnar payload,
//! deflate-raw, base64url, "pk1." in front) beside what Mermaid Live does
//! (deflate-raw + base64url of the exported JSON), for seeded 60- and
//! 300-box documents and the bundled examples, with the goals of issue 10.
//! Deflate at level 6, as the browser's CompressionStream (zlib's default).
//! Native only (miniz_oxide is a native dev-dependency).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use pohon_core::{
    codec::link::{base64url, encode, to_fragment, LinkView},
    codec::{export, import},
    model::Document,
};

#[cfg(not(target_arch = "wasm32"))]
fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut docs: Vec<(String, Document, f64)> = vec![
        ("pk_synth 60 (seed 1)".into(), pohon_core::synth::document(60, 1), 0.75),
        ("pk_synth 300 (seed 2)".into(), pohon_core::synth::document(300, 2), 0.75),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files {
        let doc = import(&std::fs::read(&path).unwrap()).unwrap().document;
        docs.push((path.file_stem().unwrap().to_string_lossy().into_owned(), doc, 0.90));
    }
    println!("share link length (characters after '#')");
    println!("{:<36} {:>7} {:>7} {:>7} {:>6}  goal", "document", "boxes", "plain", "ours", "ratio");
    for (name, doc, goal) in &docs {
        let plain = base64url(&deflate(export(doc).as_bytes())).len();
        let ours = to_fragment(&deflate(&encode(doc, &LinkView::default()))).len();
        let ratio = ours as f64 / plain as f64;
        let mut verdict = format!("≤ {:.0} % {}", goal * 100.0, if ratio <= *goal { "met" } else { "MISSED" });
        if doc.nodes.len() == 300 {
            verdict += &format!("; ≤ 12 500 chars {}", if ours <= 12_500 { "met" } else { "MISSED" });
        }
        println!("{name:<36} {:>7} {plain:>7} {ours:>7} {:>5.1}%  {verdict}", doc.nodes.len(), ratio * 100.0);
    }
}
