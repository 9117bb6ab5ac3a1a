use leptos::prelude::*;

/// A labelled choice among `options`, by position; choosing is one undo step
/// (the caller's `set` uses `Inspected::change` or seals).
#[component]
pub fn SelectField(
    label: &'static str,
    options: Vec<&'static str>,
    #[prop(into)] value: Signal<usize>,
    #[prop(into)] set: Callback<usize>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .enumerate()
        .map(|(i, text)| view! { <option value=i.to_string() prop:selected=move || value.get() == i>{text}</option> })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse() {
            set.run(i);
        }
    };
    view! {
        <div class="field">
            <label>
                <span class="field-label">{label}</span>
                <select on:change=on_change>{options}</select>
            </label>
        </div>
    }
}
