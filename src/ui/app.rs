use leptos::prelude::*;

use super::alert::Alert;
use super::capaian_settings::CapaianSettings;
use super::capaian_summary::CapaianSummary;
use super::chart_dialog::ChartDialog;
use super::conflict_banner::ConflictBanner;
use super::file_drop::FileDrop;
use super::header::Header;
use super::kondisi_editor::begin;
use super::presenter::Presenter;
use super::shared_banner::SharedBanner;
use super::shortcuts::install_shortcuts;
use super::side_panel::SidePanel;
use super::toolbar::Toolbar;
use super::tree_canvas::TreeCanvas;
use super::{DraftsDialog, ImportDialog, ImportOpen, MovePicker, NewDocument, PrintDialog, PrintOpen, ShortcutsHelp};
use crate::achievement::provide_achievement;
use crate::autosave::provide_drafts;
use crate::core::model::{Document, NodeId};
use crate::core::sample::sample;
use crate::i18n::{import_error, t, Key, Lang};
use crate::prefs::provide_prefs;
use crate::presentation::{provide_presentation, Highlight};
use crate::state::provide_editor;
use crate::web::{current_year, query_param};

#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::from_param(query_param("lang").as_deref());
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
    // The bundled sample is checked by a native test; should it ever fail,
    // say so rather than panic.
    let (doc, error) = match sample() {
        Ok(doc) => (doc, None),
        Err(e) => (Document::default(), Some(format!("{}: {}", t(lang, Key::LoadFailed), import_error(lang, &e)))),
    };
    let editor = provide_editor(lang, doc, current_year());
    editor.alert.set(error);
    provide_prefs();
    provide_achievement(editor);
    let presentation = provide_presentation(editor);
    let printing = RwSignal::new(false);
    provide_context(PrintOpen(printing));
    provide_context(ImportOpen(RwSignal::new(false), RwSignal::new(None)));
    install_shortcuts();
    let drafts = provide_drafts(editor, query_param("src"));
    // A new document is a new draft; its top box's placeholder is selected for typing.
    let on_create = Callback::new(move |(doc, top): (Document, Option<NodeId>)| {
        drafts.open_new(editor, doc);
        // The page behind the closing dialog takes focus a frame later.
        request_animation_frame(move || {
            editor.select_id(top.as_deref());
            if let Some(top) = top {
                begin(editor, top);
            }
        });
    });

    view! {
        <div class="app" class:presenting=move || presentation.on.get()
            class:dim-but-crosscutting=move || presentation.on.get() && presentation.highlight.get() == Highlight::Crosscutting
            class:dim-but-lagging=move || presentation.on.get() && presentation.highlight.get() == Highlight::Lagging>
            <Header />
            <Toolbar />
            <Alert />
            <ConflictBanner />
            <SharedBanner />
            <main class="workspace">
                <TreeCanvas />
                <SidePanel />
            </main>
            <ShortcutsHelp open=editor.help />
            <MovePicker moving=editor.moving />
            <NewDocument open=editor.new_document on_create=on_create />
            <DraftsDialog />
            <FileDrop />
            <PrintDialog open=printing />
            <ImportDialog />
            <Presenter />
            <CapaianSummary />
            <CapaianSettings />
            <ChartDialog />
        </div>
    }
}
