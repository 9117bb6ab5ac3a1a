use leptos::prelude::*;
use std::collections::HashSet;

/// The sections the user folded, by key: they stay folded from one selected
/// box to the next (provided by the side panel).
#[derive(Clone, Copy)]
pub struct Folded(RwSignal<HashSet<&'static str>>);

impl Folded {
    /// The document's notes (often pages of prose) start folded.
    pub fn provide() {
        provide_context(Folded(RwSignal::new(HashSet::from(["notes"]))));
    }
}

/// A part of the inspector that folds; when folded, its summary says what it
/// holds (`count`, `gist`).
#[component]
pub fn Section(
    key: &'static str,
    title: &'static str,
    #[prop(optional, into)] count: Option<Signal<usize>>,
    #[prop(default = None)] gist: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let folded = use_context::<Folded>().map_or_else(|| RwSignal::new(HashSet::new()), |f| f.0);
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        if open == folded.with_untracked(|f| f.contains(key)) {
            folded.update(|f| {
                if open {
                    f.remove(key);
                } else {
                    f.insert(key);
                }
            });
        }
    };
    view! {
        <details class="section" prop:open=move || !folded.with(|f| f.contains(key)) on:toggle=on_toggle>
            <summary>
                <span class="section-title">{title}</span>
                {count.map(|c| view! { <span class="count">{move || c.get()}</span> })}
                {gist.map(|g| view! { <span class="gist">{move || g.get()}</span> })}
            </summary>
            <div class="section-body">{children()}</div>
        </details>
    }
}
