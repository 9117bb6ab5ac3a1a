//! The worker's work, as plain Rust (tested natively): one request in, one
//! reply out, the import session kept between a preview and the import.

use pohon_core::codec;
use pohon_core::export;
use pohon_core::import::{Format, Problem, Reply, Request, Session};
use pohon_xlsx::XlsxError;

#[derive(Default)]
pub struct Worker {
    session: Option<Session>,
}

impl Worker {
    /// Handles one request (JSON) with the bytes sent beside it; returns
    /// the reply (JSON) and the bytes to send beside it.
    pub fn handle(&mut self, request: &str, bytes: Option<Vec<u8>>) -> (String, Option<Vec<u8>>) {
        let (reply, out) = match serde_json::from_str::<Request>(request) {
            Ok(request) => self.answer(request, bytes),
            Err(e) => (Reply::Failed { problem: Problem::Internal { detail: e.to_string() } }, None),
        };
        let json = serde_json::to_string(&reply)
            .unwrap_or_else(|_| r#"{"failed":{"problem":{"internal":{"detail":"reply"}}}}"#.into());
        (json, out)
    }

    fn answer(&mut self, request: Request, bytes: Option<Vec<u8>>) -> (Reply, Option<Vec<u8>>) {
        let failed = |problem| (Reply::Failed { problem }, None);
        match request {
            Request::Text { text, kind } => self.start(Session::text(&text, kind)),
            Request::Xlsx { sheet } => {
                let bytes = bytes.unwrap_or_default();
                match pohon_xlsx::read(&bytes, sheet.as_deref()) {
                    Ok(book) => self.start(Session::table(book.rows, book.sheets, book.sheet)),
                    Err(e) => failed(xlsx_problem(e)),
                }
            }
            Request::Columns { columns } => match &mut self.session {
                Some(session) => (Reply::Preview(session.set_columns(columns)), None),
                None => failed(no_session()),
            },
            Request::Build { places } => match self.session.as_ref().map(|s| s.build(&places)) {
                Some(Ok(doc)) => (Reply::Document { json: codec::export(&doc) }, None),
                Some(Err(problem)) => failed(problem),
                None => failed(no_session()),
            },
            Request::Export { format, document } => match codec::import(document.as_bytes()) {
                Ok(imported) => match format {
                    Format::Csv => {
                        (Reply::Exported, Some(export::csv(&export::matrix(&imported.document)).into_bytes()))
                    }
                    Format::Xlsx => match pohon_xlsx::write(&imported.document) {
                        Ok(bytes) => (Reply::Exported, Some(bytes)),
                        Err(e) => failed(xlsx_problem(e)),
                    },
                },
                Err(e) => failed(Problem::Internal { detail: e.to_string() }),
            },
        }
    }

    fn start(&mut self, read: Result<(Session, pohon_core::import::Preview), Problem>) -> (Reply, Option<Vec<u8>>) {
        match read {
            Ok((session, preview)) => {
                self.session = Some(session);
                (Reply::Preview(preview), None)
            }
            Err(problem) => (Reply::Failed { problem }, None),
        }
    }
}

fn no_session() -> Problem {
    Problem::Internal { detail: "no text read yet".into() }
}

fn xlsx_problem(e: XlsxError) -> Problem {
    match e {
        XlsxError::NotXlsx => Problem::NotXlsx,
        XlsxError::NoSuchSheet { name } => Problem::NoSuchSheet { name },
        XlsxError::Empty => Problem::Empty,
        XlsxError::TooBig { max_mb } => Problem::TooBig { max_mb },
        XlsxError::TooManyRows { max } => Problem::TooManyRows { max },
        XlsxError::TooManyColumns { max } => Problem::TooManyColumns { max },
        XlsxError::Damaged(_) => Problem::Damaged,
        other => Problem::Internal { detail: other.to_string() },
    }
}
