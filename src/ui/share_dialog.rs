use leptos::prelude::*;

use super::dialog::Dialog;
use crate::core::codec::link::LinkView;
use crate::i18n::{t, Key};
use crate::share::{make_link, SAFE_LENGTH};
use crate::state::use_editor;
use crate::web::clipboard_write;

/// "Bagikan": a link holding the whole document (and, if wished, where the
/// sender is looking), its length, a copy button, and advice to send the
/// file instead when the link is long.
#[component]
pub fn ShareDialog(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let with_view = RwSignal::new(true);
    let link = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(false);
    // Made afresh each time the dialog opens (the document may have changed).
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let view = if with_view.get() {
            let focus = editor.outline.with_untracked(|o| o.focus).and_then(|f| editor.index_of(f));
            LinkView { selected: editor.selected.get_untracked(), focus }
        } else {
            LinkView::default()
        };
        let doc = editor.store.doc.get_untracked();
        link.set(None);
        copied.set(false);
        leptos::task::spawn_local(async move { link.set(Some(make_link(&doc, &view).await)) });
    });
    let text = move || link.with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).cloned());
    let length = move || text().map(|l| l.split_once('#').map_or(l.len(), |(_, f)| f.len() + 1));
    let copy = move |_| {
        if let Some(l) = text() {
            clipboard_write(l);
            copied.set(true);
        }
    };
    let select_all = move |ev: leptos::ev::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        input.select();
    };
    view! {
        <Dialog open=open title=t(lang, Key::ShareTitle) class="share-dialog" light_dismiss=true>
            <label class="field">
                <span>{t(lang, Key::ShareLinkLabel)}</span>
                <input type="text" readonly=true class="share-link" on:focus=select_all
                    prop:value=move || text().unwrap_or_else(|| t(lang, Key::ShareMaking).to_owned()) />
            </label>
            <p class="dialog-note share-length" aria-live="polite">
                {move || length().map(|n| t(lang, Key::ShareLength).replace("{n}", &group_digits(n)))}
            </p>
            <label class="check">
                <input type="checkbox" prop:checked=move || with_view.get()
                    on:change=move |ev| with_view.set(event_target_checked(&ev)) />
                {t(lang, Key::ShareIncludeView)}
            </label>
            {move || length().filter(|&n| n > SAFE_LENGTH).map(|_| view! {
                <p class="warn" role="status">
                    {t(lang, Key::ShareLong).replace("{safe}", &group_digits(SAFE_LENGTH))}
                </p>
            })}
            {move || link.with(|l| match l {
                Some(Err(e)) => Some(view! { <p class="dialog-error" role="alert">{format!("{}: {e}", t(lang, Key::ShareFailed))}</p> }),
                _ => None,
            })}
            <div class="dialog-actions">
                <span class="dialog-note" role="status">{move || copied.get().then(|| t(lang, Key::ShareCopied))}</span>
                <button class="tool primary" disabled=move || text().is_none() on:click=copy>{t(lang, Key::ShareCopy)}</button>
            </div>
        </Dialog>
    }
}

/// 12500 → "12 500", as Indonesian and SI write it.
fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}
