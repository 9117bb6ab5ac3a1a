use leptos::prelude::*;

use super::drafts_common::{file_stem, local_time, offer, size, title_or_untitled, TwiceButton};
use crate::autosave::use_drafts;
use crate::i18n::{t, Key};
use crate::state::use_editor;
use crate::storage::Kept;

/// Texts kept aside instead of being overwritten: to download, then discard.
/// Shown only when there are some.
#[component]
pub fn KeptTexts() -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let kept = RwSignal::new(Vec::<Kept>::new());
    // Read again whenever the list is (opening it, after every change).
    Effect::new(move |_| {
        drafts.index.track();
        if drafts.open_list.get() {
            kept.set(drafts.kept());
        }
    });
    let row = move |k: Kept| {
        let name = match k.name.as_str() {
            "index" => t(lang, Key::DraftsKeptIndex).to_owned(),
            id => drafts
                .index
                .with_untracked(|i| i.get(id).map(|e| title_or_untitled(lang, &e.title)))
                .unwrap_or_else(|| id.to_owned()),
        };
        let file = format!("{}-{}.txt", file_stem(&name), k.key.trim_start_matches("pk:").replace(':', "-"));
        let key = StoredValue::new(k.key.clone());
        let download = move |_| match drafts.read_kept(&key.get_value()) {
            Some(text) => offer(editor, &file, "text/plain", &text),
            None => kept.set(drafts.kept()),
        };
        let discard = Callback::new(move |()| {
            drafts.manage(editor, |s| {
                s.discard_kept(&key.get_value());
                Ok(())
            })
        });
        view! {
            <tr>
                <th scope="row" class="drafts-title-cell">{name}</th>
                <td class="nowrap">{local_time(lang, k.at)}</td>
                <td class="num">{size(lang, k.bytes)}</td>
                <td class="actions">
                    <button type="button" class="tool" on:click=download>{t(lang, Key::DraftsDownload)}</button>
                    <TwiceButton label=Key::DraftsDiscard confirm=Key::DraftsConfirmDiscard on_confirm=discard />
                </td>
            </tr>
        }
    };
    move || {
        let list = kept.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="drafts-section" aria-labelledby="drafts-kept-title">
                    <h3 id="drafts-kept-title">{t(lang, Key::DraftsKept)}</h3>
                    <p class="dialog-note">{t(lang, Key::DraftsKeptNote)}</p>
                    <table class="drafts-table compact">
                        <thead>
                            <tr>
                                <th scope="col">{t(lang, Key::Nama)}</th>
                                <th scope="col">{t(lang, Key::DraftsKeptAt)}</th>
                                <th scope="col" class="num">{t(lang, Key::DraftsSize)}</th>
                                <th scope="col"><span class="visually-hidden">{t(lang, Key::DraftsActions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                    </table>
                </section>
            }
        })
    }
}
