use leptos::prelude::*;

use super::drafts_common::{focus_later, local_time, title_or_untitled, TwiceButton};
use crate::autosave::use_drafts;
use crate::core::drafts::{Entry, TRASH_KEPT_MS};
use crate::i18n::{t, Key};
use crate::state::use_editor;

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Deleted drafts, most recently deleted first, with the days left before
/// they go for good; each can be restored or deleted forever now.
#[component]
pub fn DraftsTrash() -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let trash = Memo::new(move |_| drafts.index.with(|i| i.trash().into_iter().cloned().collect::<Vec<_>>()));
    let row = move |e: Entry| {
        let deleted = e.deleted_at.unwrap_or(0.0);
        let days = ((deleted + TRASH_KEPT_MS - js_sys::Date::now()) / DAY_MS).ceil().max(0.0) as u64;
        let left =
            t(lang, if days == 1 { Key::DraftsDayLeft } else { Key::DraftsDaysLeft }).replace("{n}", &days.to_string());
        let id = StoredValue::new(e.id.clone());
        let restore = move |_| {
            drafts.manage(editor, |s| s.restore(&id.get_value()));
            focus_later(format!("[data-open='{}']", id.get_value()));
        };
        let forever = Callback::new(move |()| drafts.manage(editor, |s| s.delete_forever(&id.get_value())));
        view! {
            <tr>
                <th scope="row" class="drafts-title-cell">{title_or_untitled(lang, &e.title)}</th>
                <td class="nowrap">{local_time(lang, deleted)}</td>
                <td class="nowrap">{left}</td>
                <td class="actions">
                    <button type="button" class="tool" data-restore=e.id.clone() on:click=restore>{t(lang, Key::DraftsRestore)}</button>
                    <TwiceButton label=Key::DraftsDeleteForever confirm=Key::DraftsConfirmForever on_confirm=forever />
                </td>
            </tr>
        }
    };
    view! {
        <section class="drafts-section drafts-trash" aria-labelledby="drafts-trash-title">
            <h3 id="drafts-trash-title">{t(lang, Key::DraftsTrash)}</h3>
            <p class="dialog-note">{t(lang, Key::DraftsTrashNote)}</p>
            {move || {
                let list = trash.get();
                if list.is_empty() {
                    view! { <p class="dialog-note">{t(lang, Key::DraftsTrashEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <table class="drafts-table compact">
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, Key::Judul)}</th>
                                    <th scope="col">{t(lang, Key::DraftsDeletedAt)}</th>
                                    <th scope="col">{t(lang, Key::DraftsTimeLeft)}</th>
                                    <th scope="col"><span class="visually-hidden">{t(lang, Key::DraftsActions)}</span></th>
                                </tr>
                            </thead>
                            <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
