use leptos::prelude::*;

use super::inspected::Inspected;
use super::list::List;
use super::section::Section;
use crate::i18n::{t, Key};

/// A foldable list of the node's items (indicators, budget lines,
/// crosscutting agencies) with a button that adds one. Items are keyed by
/// position: adding or removing one leaves the others' inputs in place.
#[component]
pub fn ItemList(
    insp: Inspected,
    list: List,
    title: Key,
    add: Key,
    item: fn(Inspected, usize) -> AnyView,
    #[prop(default = None)] gist: Option<Signal<String>>,
) -> impl IntoView {
    let lang = insp.editor.lang;
    let count = Memo::new(move |_| insp.read(|n| list.len(n)));
    view! {
        <Section key=list.key() title=t(lang, title) count=count gist=gist>
            <For each=move || 0..count.get() key=|i| *i children=move |i| item(insp, i) />
            <button type="button" class="add" id=format!("{}-add", list.key()) on:click=move |_| insp.push(list)>
                "+ "{t(lang, add)}
            </button>
        </Section>
    }
}
