//! Editor state, provided once by `App` and read by components through context.

use leptos::prelude::*;

use crate::core::codec::import;
use crate::core::layout::{layout, Layout};
use crate::core::model::{Document, NodeId};
use crate::core::tree::Tree;
use crate::i18n::{import_error, t, Key, Lang};
use crate::web::{fetch_bytes, replace_query_param};

#[derive(Clone, Copy)]
pub struct Editor {
    pub lang: Lang,
    pub doc: RwSignal<Document>,
    pub selected: RwSignal<Option<NodeId>>,
    /// The message of the last failed open, shown in a `role="alert"` banner.
    pub alert: RwSignal<Option<String>>,
    /// Derived from `doc`; `None` only if the document's structure is broken,
    /// which the codec refuses, so the canvas shows nothing rather than panic.
    pub view: Memo<Option<TreeView>>,
}

/// The derived tree and its layout, recomputed when the document changes.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeView {
    pub tree: Tree,
    pub layout: Layout,
}

pub fn provide_editor(lang: Lang, doc: Document) -> Editor {
    let doc = RwSignal::new(doc);
    let view = Memo::new(move |_| {
        doc.with(|d| {
            let tree = Tree::build(d).ok()?;
            let layout = layout(d, &tree);
            Some(TreeView { tree, layout })
        })
    });
    let editor = Editor { lang, doc, selected: RwSignal::new(None), alert: RwSignal::new(None), view };
    provide_context(editor);
    editor
}

pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

impl Editor {
    /// Replaces the document with `bytes` if they are a readable file; otherwise
    /// says why in the alert and leaves the open document untouched.
    pub fn open_bytes(&self, bytes: &[u8], source: &str) -> bool {
        match import(bytes) {
            Ok(imported) => {
                self.doc.set(imported.document);
                self.selected.set(None);
                self.alert.set(None);
                true
            }
            Err(e) => {
                self.alert.set(Some(format!(
                    "{} ({source}): {}",
                    t(self.lang, Key::LoadFailed),
                    import_error(self.lang, &e)
                )));
                false
            }
        }
    }

    /// Fetches and opens a file by URL (relative or absolute); on success the
    /// address bar gets `?src=<url>` so the view can be shared as a link.
    pub fn open_url(&self, url: String) {
        let editor = *self;
        leptos::task::spawn_local(async move {
            match fetch_bytes(&url).await {
                Ok(bytes) => {
                    if editor.open_bytes(&bytes, &url) {
                        replace_query_param("src", Some(&url));
                    }
                }
                Err(e) => editor.alert.set(Some(format!("{}: {e}", t(editor.lang, Key::LoadFailed)))),
            }
        });
    }
}
