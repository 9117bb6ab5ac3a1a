use leptos::prelude::*;

use super::uid;
use super::values::Invalid;
use crate::state::use_editor;

/// A labelled input for a value stored parsed (a year, a period, rupiah).
/// What is typed stays as typed while it means the stored value; text that
/// does not parse changes nothing and, once the field is left, says `hint`.
/// `note` shows the stored value beside the label (e.g. "Rp 1.500.000").
#[component]
pub fn ParsedField<T>(
    label: &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    parse: fn(&str) -> Result<Option<T>, Invalid>,
    show: fn(&T) -> String,
    #[prop(into)] set: Callback<Option<T>>,
    hint: &'static str,
    #[prop(optional, into)] note: Option<Signal<String>>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let editor = use_editor();
    let input = NodeRef::<leptos::html::Input>::new();
    let bad = RwSignal::new(false);
    let warn_id = StoredValue::new(uid("warn"));
    // Undo (or another edit) rewrites the text only if it no longer means the value.
    let shown = move || {
        let v = value.get();
        let typed = input.get_untracked().map(|el| el.value()).unwrap_or_default();
        if parse(&typed) == Ok(v.clone()) {
            typed
        } else {
            v.as_ref().map(show).unwrap_or_default()
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Ok(v) = parse(&event_target_value(&ev)) {
            bad.set(false);
            set.run(v);
        }
    };
    let on_change = move |ev: leptos::ev::Event| bad.set(parse(&event_target_value(&ev)).is_err());
    view! {
        <div class=format!("field {class}")>
            <label>
                <span class="field-label">{label}{note.map(|n| view! { <span class="note" aria-hidden="true">{move || n.get()}</span> })}</span>
                <input type="text" node_ref=input prop:value=shown aria-invalid=move || bad.get().to_string()
                    aria-describedby=move || bad.get().then(|| warn_id.get_value())
                    on:input=on_input on:change=on_change on:blur=move |_| editor.seal() />
            </label>
            {move || bad.get().then(|| view! { <small class="warn" id=warn_id.get_value()>"⚠ "{hint}</small> })}
        </div>
    }
}
