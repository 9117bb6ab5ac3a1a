//! The worker's requests end to end, natively: a paste previewed, corrected
//! and built; an export read back in as an import; bad requests answered.

use pohon_core::codec::{export, import};
use pohon_core::import::{Format, Kind, Preview, Problem, Reply, Request};
use pohon_core::table::Column;
use pohon_worker::Worker;

fn ask(worker: &mut Worker, request: &Request, bytes: Option<Vec<u8>>) -> (Reply, Option<Vec<u8>>) {
    let (reply, bytes) = worker.handle(&serde_json::to_string(request).unwrap(), bytes);
    (serde_json::from_str(&reply).unwrap(), bytes)
}

fn example(name: &str) -> pohon_core::model::Document {
    let path = format!("{}/../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    import(&std::fs::read(path).unwrap()).unwrap().document
}

#[test]
fn a_table_is_previewed_corrected_and_built() {
    let mut w = Worker::default();
    let text = "NO\tSASARAN\tINDIKATOR\tSATUAN\n1\tMeningkatnya A\tPersentase A\t%\n";
    let (reply, _) = ask(&mut w, &Request::Text { text: text.into(), kind: None }, None);
    let Reply::Preview(Preview::Table(t)) = reply else { panic!("{reply:?}") };
    assert_eq!((t.sasaran, t.indikator), (1, 1));
    let mut columns = t.columns;
    columns[3] = Column::Ignore;
    let (reply, _) = ask(&mut w, &Request::Columns { columns }, None);
    assert!(matches!(reply, Reply::Preview(Preview::Table(_))));
    let (reply, _) = ask(&mut w, &Request::Build { places: vec![] }, None);
    let Reply::Document { json } = reply else { panic!("{reply:?}") };
    let doc = import(json.as_bytes()).unwrap().document;
    let ind = &doc.nodes.values().nth(1).unwrap().indikator[0];
    assert_eq!((ind.nama.as_str(), ind.satuan.as_str()), ("Persentase A", ""));
}

#[test]
fn an_exported_workbook_reads_back_as_the_same_sasaran() {
    let want = example("sumbar-dinsos-iku-2023");
    let mut w = Worker::default();
    let request = Request::Export { format: Format::Xlsx, document: export(&want) };
    let (reply, bytes) = ask(&mut w, &request, None);
    assert_eq!(reply, Reply::Exported);
    let (reply, _) = ask(&mut w, &Request::Xlsx { sheet: None }, bytes);
    let Reply::Preview(Preview::Table(t)) = reply else { panic!("{reply:?}") };
    assert_eq!(&t.sheets[..2], ["IKU", "Matriks Cascading"]);
    let (reply, _) = ask(&mut w, &Request::Build { places: vec![] }, None);
    let Reply::Document { json } = reply else { panic!("{reply:?}") };
    let got = import(json.as_bytes()).unwrap().document;
    let statements = |d: &pohon_core::model::Document| {
        d.nodes.values().filter(|n| n.parent.is_some()).map(|n| n.kondisi.clone()).collect::<Vec<_>>()
    };
    assert_eq!(statements(&got), statements(&want));
    // And as CSV, with a BOM for Excel.
    let request = Request::Export { format: Format::Csv, document: export(&want) };
    let (_, bytes) = ask(&mut w, &request, None);
    assert!(bytes.unwrap().starts_with("\u{feff}".as_bytes()));
}

#[test]
fn bad_requests_get_a_problem() {
    let mut w = Worker::default();
    let (reply, _) = w.handle("{not json", None);
    assert!(matches!(serde_json::from_str(&reply).unwrap(), Reply::Failed { problem: Problem::Internal { .. } }));
    let (reply, _) = ask(&mut w, &Request::Build { places: vec![] }, None);
    assert!(matches!(reply, Reply::Failed { problem: Problem::Internal { .. } }));
    let (reply, _) = ask(&mut w, &Request::Xlsx { sheet: None }, Some(b"PK not a zip".to_vec()));
    assert_eq!(reply, Reply::Failed { problem: Problem::NotXlsx });
    let (reply, _) = ask(&mut w, &Request::Text { text: "a\t\"b\n".into(), kind: Some(Kind::Table) }, None);
    assert_eq!(reply, Reply::Failed { problem: Problem::OpenQuote { line: 1 } });
}
