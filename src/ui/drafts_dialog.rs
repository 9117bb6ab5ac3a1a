use leptos::prelude::*;

use super::dialog::Dialog;
use super::drafts_common::{download_open_document, size, Switch};
use super::drafts_kept::KeptTexts;
use super::drafts_table::DraftsTable;
use super::drafts_trash::DraftsTrash;
use super::drafts_versions::DraftVersions;
use crate::autosave::{use_drafts, SaveStatus};
use crate::i18n::{t, Key};
use crate::state::use_editor;
use crate::storage::StorageError;
use crate::web::replace_query_param;

/// "Draf": every draft kept in this browser, to open, rename, duplicate and
/// delete; the open draft's earlier versions; the trash; texts kept aside;
/// and how full storage is, with what to do when it is full. Open while
/// `Drafts::open_list` is true; "Dokumen baru" closes it and opens
/// `Editor::new_document`.
#[component]
pub fn DraftsDialog() -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let open = drafts.open_list;
    let switch = Switch::new(editor, drafts);
    Effect::new(move |_| {
        if open.get() {
            drafts.refresh();
        } else {
            switch.cancel();
        }
    });
    // Another document is shown (a draft, a version): the list has done its
    // work, and the address no longer names what is on screen.
    Effect::new(move |before: Option<u64>| {
        let now = editor.store.generation.get();
        if before.is_some_and(|b| b != now) && open.get_untracked() {
            open.set(false);
            replace_query_param("src", None);
        }
        now
    });
    let quota_full = move || matches!(drafts.status.get(), SaveStatus::Failed(StorageError::QuotaExceeded { .. }));
    let download = move |_| download_open_document(editor);
    view! {
        <Dialog open=open title=t(lang, Key::DraftsTitle) class="drafts-dialog">
            <div class="drafts-body">
                {move || quota_full().then(|| view! {
                    <div class="dialog-error drafts-alert" role="alert">
                        <p>{t(lang, Key::DraftsQuotaFull)}</p>
                        <button type="button" class="tool primary" on:click=download>{t(lang, Key::Download)}</button>
                    </div>
                })}
                // Why the last open failed (the page's own alert is behind this dialog).
                {move || editor.alert.get().map(|message| view! {
                    <div class="dialog-error drafts-alert" role="alert">
                        <p>{sentence(&message)}</p>
                        <button type="button" class="tool" on:click=move |_| editor.alert.set(None)>{t(lang, Key::Close)}</button>
                    </div>
                })}
                {move || switch.blocked.get().then(|| view! {
                    <div class="dialog-error drafts-alert" role="alert">
                        <p>{t(lang, Key::DraftsUnsavedSwitch)}</p>
                        <button type="button" class="tool primary" on:click=download>{t(lang, Key::Download)}</button>
                        <button type="button" class="tool" on:click=move |_| switch.anyway()>{t(lang, Key::DraftsSwitchAnyway)}</button>
                        <button type="button" class="tool" on:click=move |_| switch.cancel()>{t(lang, Key::DialogCancel)}</button>
                    </div>
                })}
                <div class="drafts-top">
                    <button type="button" class="tool primary" on:click=move |_| switch.go(move || {
                        open.set(false);
                        editor.new_document.set(true);
                    })>
                        {t(lang, Key::NewDocTitle)}
                    </button>
                    <StorageMeter />
                </div>
                <DraftsTable switch=switch />
                <div class="drafts-columns">
                    <DraftVersions switch=switch />
                    <DraftsTrash />
                </div>
                <KeptTexts />
            </div>
        </Dialog>
    }
}

/// How much of the origin's storage the drafts take: "1,2 MB dari ±5 MB".
#[component]
fn StorageMeter() -> impl IntoView {
    let drafts = use_drafts();
    let lang = use_editor().lang;
    move || {
        drafts.usage.get().map(|u| {
            let share = (u.used as f64 / u.quota.max(1) as f64).min(1.0);
            let text = t(lang, Key::DraftsUsage)
                .replace("{used}", &size(lang, u.used))
                .replace("{quota}", &size(lang, u.quota));
            view! {
                <div class="drafts-meter">
                    <span id="drafts-meter-label">{t(lang, Key::DraftsStorage)}</span>
                    <div class="meter" class:high={share >= 0.8} role="meter" aria-labelledby="drafts-meter-label"
                        aria-valuemin="0" aria-valuemax=u.quota.to_string() aria-valuenow=u.used.to_string()
                        aria-valuetext=text.clone()>
                        <div class="meter-fill" style:width=format!("{:.1}%", share * 100.0)></div>
                    </div>
                    <span class="drafts-meter-text" aria-hidden="true">{text}</span>
                </div>
            }
        })
    }
}

/// The message with a capital first letter (storage errors are worded to
/// follow a colon elsewhere).
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
