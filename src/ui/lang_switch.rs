use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::state::use_editor;
use crate::web::url_with_param;

/// A link to the same view in the other language (the page reloads; `src`
/// and every other parameter are kept).
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_editor().lang;
    let other = match lang {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        if let (Some(url), Some(window)) = (url_with_param("lang", other.code()), web_sys::window()) {
            ev.prevent_default();
            let _ = window.location().set_href(&url);
        }
    };
    view! {
        <a class="lang-switch" href=format!("?lang={}", other.code()) hreflang=other.code() on:click=go>
            {t(lang, Key::OtherLanguage)}
        </a>
    }
}
