use leptos::prelude::*;

use super::uid;
use crate::state::use_editor;

/// A labelled text input, or a text area that grows with its text, bound to
/// one stored text: `set` runs on every keystroke, leaving the field ends
/// the undo step. A `warning` shows under it, tied by `aria-describedby`.
#[component]
pub fn TextField(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional, into)] warning: Option<Signal<Option<String>>>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] class: &'static str,
    /// Named for assistive technology only, where the context says what it is.
    #[prop(optional)]
    hide_label: bool,
) -> impl IntoView {
    let editor = use_editor();
    let warn_id = StoredValue::new(uid("warn"));
    let warning = warning.unwrap_or_default();
    let described = move || warning.with(Option::is_some).then(|| warn_id.get_value());
    let on_input = move |ev: leptos::ev::Event| set.run(event_target_value(&ev));
    let on_blur = move |_| editor.seal();
    let control = if multiline {
        view! {
            <textarea id=id rows="1" placeholder=placeholder aria-describedby=described
                prop:value=move || value.get() on:input=on_input on:blur=on_blur></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id placeholder=placeholder aria-describedby=described
                prop:value=move || value.get() on:input=on_input on:blur=on_blur />
        }
        .into_any()
    };
    view! {
        <div class=format!("field {class}")>
            <label>
                <span class="field-label" class:visually-hidden=hide_label>{label}</span>
                {control}
            </label>
            {move || warning.get().map(|w| view! { <small class="warn" id=warn_id.get_value()>"⚠ "{w}</small> })}
        </div>
    }
}
