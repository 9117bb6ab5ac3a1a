use leptos::prelude::*;

use super::dialog::Dialog;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// "Buka dari URL": opens a file by address, as `?src=` does; what goes
/// wrong (another site refusing, not found, not a tree) is said here.
#[component]
pub fn OpenUrlDialog(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let url = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = url.get_untracked().trim().to_owned();
        if address.is_empty() {
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match editor.fetch_and_open(&address, true).await {
                Ok(()) => open.set(false),
                Err(why) => error.set(Some(why)),
            }
        });
    };
    view! {
        <Dialog open=open title=t(lang, Key::OpenFromUrl) class="url-dialog" light_dismiss=true>
            <form class="dialog-form" on:submit=submit>
                <label class="field">
                    <span>{t(lang, Key::UrlLabel)}</span>
                    <input type="text" inputmode="url" placeholder="https://…/pohon.json" prop:value=move || url.get()
                        on:input=move |ev| url.set(event_target_value(&ev)) />
                </label>
                <p class="dialog-note">{t(lang, Key::UrlHint)}</p>
                {move || error.get().map(|e| view! { <p class="dialog-error" role="alert">{e}</p> })}
                <div class="dialog-actions">
                    <button class="tool primary" type="submit" disabled=move || editor.busy.get().is_some()>
                        {t(lang, Key::OpenButton)}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
