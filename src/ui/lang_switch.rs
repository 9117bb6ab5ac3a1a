use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::state::use_editor;
use crate::web::url_with_param;

/// A link to the same view in the other language. The page reloads and
/// reopens the open draft with its selection and view (saved on leaving);
/// `src` is dropped, as it would open its file again as a new draft.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_editor().lang;
    let other = match lang {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        let url = url_with_param("lang", other.code()).and_then(|u| web_sys::Url::new(&u).ok());
        if let (Some(url), Some(window)) = (url, web_sys::window()) {
            ev.prevent_default();
            url.search_params().delete("src");
            let _ = window.location().set_href(&url.href());
        }
    };
    view! {
        <a class="lang-switch" href=format!("?lang={}", other.code()) hreflang=other.code() on:click=go>
            {t(lang, Key::OtherLanguage)}
        </a>
    }
}
