use leptos::prelude::*;

use super::edit_controls::EditControls;
use super::examples_gallery::ExamplesGallery;
use super::file_menu::FileMenu;
use super::import_button::ImportButton;
use super::panel_toggle::PanelToggle;
use super::search_box::SearchBox;
use super::view_controls::ViewControls;
use crate::i18n::{t, Key};
use crate::state::use_editor;

#[component]
pub fn Toolbar() -> impl IntoView {
    let lang = use_editor().lang;
    view! {
        <nav class="toolbar" role="toolbar" aria-label=t(lang, Key::Toolbar)>
            <FileMenu />
            <ImportButton />
            <ExamplesGallery />
            <EditControls />
            <ViewControls />
            <SearchBox />
            <PanelToggle />
        </nav>
    }
}
