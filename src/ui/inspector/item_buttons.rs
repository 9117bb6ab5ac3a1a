use leptos::prelude::*;

use super::inspected::Inspected;
use super::list::List;
use crate::i18n::{t, Key};

/// Moves item `i` up or down its list, or removes it. The ids let focus
/// follow the item it acted on (see `Inspected::shift`).
#[component]
pub fn ItemButtons(insp: Inspected, list: List, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    let count = Memo::new(move |_| insp.read(|n| list.len(n)));
    let label = move |action: Key| format!("{} {} {}", t(lang, action), t(lang, list.noun()), i + 1);
    let id = move |what: &str| format!("{}-{i}-{what}", list.key());
    view! {
        <button type="button" class="mini" id=id("up") aria-label=label(Key::MoveUp) title=label(Key::MoveUp)
            disabled=i == 0 on:click=move |_| insp.shift(list, i, i - 1, "up")>"↑"</button>
        <button type="button" class="mini" id=id("down") aria-label=label(Key::MoveDown) title=label(Key::MoveDown)
            disabled={move || i + 1 >= count.get()} on:click=move |_| insp.shift(list, i, i + 1, "down")>"↓"</button>
        <button type="button" class="mini remove" id=id("remove") aria-label=label(Key::Remove) title=label(Key::Remove)
            on:click=move |_| insp.remove(list, i)>"✕"</button>
    }
}
