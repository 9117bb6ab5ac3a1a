use leptos::prelude::*;

use super::drafts_common::{count, file_stem, focus_later, local_time, offer, title_or_untitled, Switch};
use crate::autosave::use_drafts;
use crate::i18n::{t, Key};
use crate::state::use_editor;
use crate::storage::StorageError;

/// The drafts not in the trash, newest first: title, agency, last saved,
/// boxes, and what can be done with each.
#[component]
pub fn DraftsTable(switch: Switch) -> impl IntoView {
    let drafts = use_drafts();
    let lang = use_editor().lang;
    let ids = Memo::new(move |_| drafts.index.with(|i| i.live().iter().map(|e| e.id.clone()).collect::<Vec<_>>()));
    view! {
        <table class="drafts-table">
            <caption class="visually-hidden">{t(lang, Key::DraftsList)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(lang, Key::Judul)}</th>
                    <th scope="col">{t(lang, Key::Opd)}</th>
                    <th scope="col">{t(lang, Key::DraftsModified)}</th>
                    <th scope="col" class="num">{t(lang, Key::DraftsNodes)}</th>
                    <th scope="col"><span class="visually-hidden">{t(lang, Key::DraftsActions)}</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=move || ids.get() key=String::clone let:id>
                    <DraftRow id=id switch=switch />
                </For>
                {move || ids.with(Vec::is_empty).then(|| view! {
                    <tr><td colspan="5" class="dialog-note">{t(lang, Key::DraftsEmpty)}</td></tr>
                })}
            </tbody>
        </table>
    }
}

/// One draft; its title becomes a text field while it is renamed.
#[component]
fn DraftRow(id: String, switch: Switch) -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let id = StoredValue::new(id);
    let entry = Memo::new(move |_| drafts.index.with(|i| i.get(&id.get_value()).cloned()));
    let field = move |f: fn(&crate::core::drafts::Entry) -> String| move || entry.with(|e| e.as_ref().map(f));
    let title = field(|e| e.title.clone());
    let unreadable = Memo::new(move |_| entry.with(|e| e.as_ref().and_then(|e| e.unreadable.clone())));
    let is_open = Memo::new(move |_| drafts.current.get() == Some(id.get_value()));
    let renaming = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let rename_button = NodeRef::<leptos::html::Button>::new();
    let back_to_button = move || {
        request_animation_frame(move || {
            if let Some(b) = rename_button.get_untracked() {
                let _ = b.focus();
            }
        })
    };
    let commit = move |value: String| {
        if !renaming.get_untracked() {
            return;
        }
        renaming.set(false);
        let value = value.trim().to_owned();
        if !value.is_empty() && Some(&value) != untrack(title).as_ref() {
            drafts.manage(editor, |s| s.rename(&id.get_value(), &value));
        }
        back_to_button();
    };
    let start_rename = move |_| {
        renaming.set(true);
        request_animation_frame(move || {
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
                i.select();
            }
        });
    };
    let open = move |_| {
        if is_open.get_untracked() {
            drafts.open_list.set(false);
        } else {
            switch.go(move || drafts.open(editor, id.get_value()));
        }
    };
    let duplicate = move |_| {
        let copy = t(lang, Key::DraftsCopyTitle)
            .replace("{title}", &title_or_untitled(lang, &untrack(title).unwrap_or_default()));
        // The open draft is copied with its latest edits.
        drafts.settle(editor, move |_| drafts.manage(editor, |s| s.duplicate(&id.get_value(), &copy).map(drop)));
    };
    let delete = move |_| {
        drafts.manage(editor, |s| s.delete(&id.get_value()));
        focus_later(format!("[data-restore='{}']", id.get_value()));
    };
    let download_raw = move |_| match drafts.raw_text(&id.get_value()) {
        Some(text) => {
            let name = format!("{}-draf-{}.txt", file_stem(&untrack(title).unwrap_or_default()), id.get_value());
            offer(editor, &name, "text/plain", &text);
        }
        None => editor.alert.set(Some(crate::i18n::storage_error(lang, &StorageError::NotFound(id.get_value())))),
    };
    let title_cell = move || {
        if renaming.get() {
            view! {
                <input type="text" class="drafts-rename" node_ref=input aria-label=t(lang, Key::DraftsRenameLabel)
                    prop:value=untrack(title).unwrap_or_default()
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => {
                            ev.prevent_default();
                            commit(event_target_value(&ev));
                        }
                        "Escape" => {
                            // Cancels the rename, not the dialog.
                            ev.prevent_default();
                            renaming.set(false);
                            back_to_button();
                        }
                        _ => {}
                    }
                    on:blur=move |ev| commit(event_target_value(&ev)) />
            }
            .into_any()
        } else {
            view! {
                <span class="drafts-title">{move || title_or_untitled(lang, &title().unwrap_or_default())}</span>
                {move || is_open.get().then(|| view! { <span class="badge">{t(lang, Key::DraftsOpenNow)}</span> })}
                {move || unreadable.get().map(|why| view! {
                    <span class="drafts-unreadable">{t(lang, Key::DraftsUnreadable)}<small>{format!(" ({why})")}</small></span>
                })}
            }
            .into_any()
        }
    };
    let actions = move || {
        if unreadable.with(Option::is_some) {
            view! {
                <button type="button" class="tool" data-open=id.get_value() on:click=download_raw>{t(lang, Key::DraftsDownloadRaw)}</button>
                <button type="button" class="tool" on:click=open>{t(lang, Key::DraftsRetry)}</button>
            }
            .into_any()
        } else {
            view! { <button type="button" class="tool" data-open=id.get_value() on:click=open>{t(lang, Key::DraftsOpen)}</button> }
                .into_any()
        }
    };
    // A text that cannot be read cannot be copied either.
    let duplicate_button = move || {
        unreadable.with(Option::is_none).then(|| {
            view! { <button type="button" class="tool" on:click=duplicate>{t(lang, Key::Duplicate)}</button> }
        })
    };
    view! {
        <tr class:open=is_open class:unreadable=move || unreadable.with(Option::is_some)>
            <th scope="row" class="drafts-title-cell">{title_cell}</th>
            <td class="drafts-opd">{field(|e| e.opd.clone())}</td>
            <td class="nowrap">{move || entry.with(|e| e.as_ref().map(|e| local_time(lang, e.modified)))}</td>
            <td class="num">{move || entry.with(|e| e.as_ref().map(|e| count(lang, e.nodes)))}</td>
            <td class="actions">
                {actions}
                <button type="button" class="tool" node_ref=rename_button on:click=start_rename>{t(lang, Key::DraftsRename)}</button>
                {duplicate_button}
                <button type="button" class="tool" on:click=delete disabled=is_open
                    title=move || is_open.get().then(|| t(lang, Key::DraftsDeleteOpenHint))>
                    {t(lang, Key::DraftsDelete)}
                </button>
            </td>
        </tr>
    }
}
