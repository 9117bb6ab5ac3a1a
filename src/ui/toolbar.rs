use leptos::prelude::*;

use super::examples_gallery::ExamplesGallery;
use super::file_menu::FileMenu;
use super::search_box::SearchBox;
use super::view_controls::ViewControls;
use crate::i18n::{t, Key, Lang};
use crate::state::use_editor;

#[component]
pub fn Toolbar() -> impl IntoView {
    let lang = use_editor().lang;
    // Switching language reloads with the other `lang`; the document comes
    // from the same source again.
    let other = match lang {
        Lang::Id => "?lang=en",
        Lang::En => "?lang=id",
    };
    view! {
        <nav class="toolbar" role="toolbar" aria-label=t(lang, Key::Toolbar)>
            <FileMenu />
            <ExamplesGallery />
            <ViewControls />
            <SearchBox />
            <span class="spacer"></span>
            <a class="lang-switch" href=other hreflang=if lang == Lang::Id { "en" } else { "id" }>
                {t(lang, Key::OtherLanguage)}
            </a>
        </nav>
    }
}
