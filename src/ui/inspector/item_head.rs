use leptos::prelude::*;

use super::inspected::Inspected;
use super::item_buttons::ItemButtons;
use super::list::List;

/// An item's number and what it is (`title`, which names its group, so it
/// can be told apart when its list is long), with its buttons.
#[component]
pub fn ItemHead(
    insp: Inspected,
    list: List,
    i: usize,
    #[prop(into)] title: Signal<String>,
    head_id: String,
) -> impl IntoView {
    view! {
        <div class="item-head">
            <span class="item-no" aria-hidden="true">{i + 1}</span>
            <span class="item-title" id=head_id title=move || title.get()>{move || title.get()}</span>
            <ItemButtons insp list i />
        </div>
    }
}
