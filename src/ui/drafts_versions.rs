use leptos::prelude::*;

use super::drafts_common::{count, local_time, Switch};
use crate::autosave::use_drafts;
use crate::core::drafts::Version;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// The open draft's earlier versions, newest first. Looking at one opens it
/// as a separate draft, so nothing is overwritten; restoring one makes it
/// the draft's content (what it replaces becomes a version itself).
#[component]
pub fn DraftVersions(switch: Switch) -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let versions = Memo::new(move |_| {
        let current = drafts.current.get();
        drafts.index.with(|i| {
            current.as_deref().and_then(|id| i.get(id)).map(|e| e.versions.iter().rev().copied().collect::<Vec<_>>())
        })
    });
    let row = move |v: Version| {
        let id = move || drafts.current.get_untracked().unwrap_or_default();
        let at = v.saved_at;
        view! {
            <tr>
                <th scope="row" class="nowrap">{local_time(lang, at)}</th>
                <td class="num">{if v.nodes > 0 { count(lang, v.nodes) } else { "–".to_owned() }}</td>
                <td class="actions">
                    <button type="button" class="tool" on:click=move |_| {
                        let id = id();
                        switch.go(move || drafts.open_version(editor, id, at));
                    }>{t(lang, Key::DraftsOpenAsNew)}</button>
                    <button type="button" class="tool" on:click=move |_| {
                        let id = id();
                        switch.go(move || drafts.restore_version(editor, id, at));
                    }>{t(lang, Key::DraftsRestore)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="drafts-section" aria-labelledby="drafts-versions-title">
            <h3 id="drafts-versions-title">{t(lang, Key::DraftsVersions)}</h3>
            <p class="dialog-note">{t(lang, Key::DraftsVersionsNote)}</p>
            {move || match versions.get() {
                Some(list) if !list.is_empty() => view! {
                    <table class="drafts-table compact">
                        <thead>
                            <tr>
                                <th scope="col">{t(lang, Key::DraftsSavedAt)}</th>
                                <th scope="col" class="num">{t(lang, Key::DraftsNodes)}</th>
                                <th scope="col"><span class="visually-hidden">{t(lang, Key::DraftsActions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                    </table>
                }
                .into_any(),
                _ => view! { <p class="dialog-note">{t(lang, Key::DraftsVersionsNone)}</p> }.into_any(),
            }}
        </section>
    }
}
