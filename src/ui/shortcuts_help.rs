use leptos::prelude::*;

use super::dialog::Dialog;
use crate::i18n::{t, Key, Lang};
use crate::state::use_editor;

/// One way to give a command: keys pressed together, a key named in the
/// reader's language (Space), or a mouse action.
enum Press {
    Keys(&'static [&'static str]),
    Named(Key),
    Mouse(Key),
}

/// How the presses of one row relate.
#[derive(Clone, Copy)]
enum Join {
    /// Either one ("Tab or Insert").
    Or,
    /// One after the other ("Esc, then Tab").
    Then,
    /// Each does its half of the description ("↑ / ↓: previous / next").
    Slash,
}

struct Row {
    presses: &'static [Press],
    join: Join,
    what: Key,
}

const fn row(presses: &'static [Press], join: Join, what: Key) -> Row {
    Row { presses, join, what }
}

use Join::{Or, Slash, Then};
use Press::{Keys, Mouse, Named};

const TREE: &[Row] = &[
    row(&[Keys(&["↑"]), Keys(&["↓"])], Slash, Key::HelpSelect),
    row(&[Keys(&["→"]), Keys(&["←"])], Slash, Key::HelpExpandCollapse),
    row(&[Keys(&["Home"]), Keys(&["End"])], Slash, Key::HelpHomeEnd),
    row(&[Named(Key::HelpKeySpace)], Or, Key::HelpToggle),
    row(&[Keys(&["Alt", "Enter"])], Or, Key::HelpDetails),
    row(&[Keys(&["Esc"])], Or, Key::ShortcutEscape),
    row(&[Keys(&["Esc"]), Keys(&["Tab"])], Then, Key::HelpLeaveTree),
    row(&[Keys(&["?"])], Or, Key::HelpThis),
];

const EDITING: &[Row] = &[
    row(&[Keys(&["Tab"]), Keys(&["Insert"])], Or, Key::AddChild),
    row(&[Keys(&["Enter"])], Or, Key::AddSibling),
    row(&[Keys(&["F2"]), Mouse(Key::HelpDoubleClick)], Or, Key::HelpEditInPlace),
    row(&[Keys(&["Delete"])], Or, Key::HelpDeleteBranch),
    row(&[Keys(&["Shift", "Delete"])], Or, Key::HelpDeleteBox),
    row(&[Keys(&["Ctrl", "D"])], Or, Key::HelpDuplicate),
    row(&[Keys(&["Alt", "↑"]), Keys(&["Alt", "↓"])], Slash, Key::HelpReorder),
    row(&[Keys(&["M"])], Or, Key::HelpMoveTo),
    row(&[Keys(&["Ctrl", "C"]), Keys(&["Ctrl", "X"]), Keys(&["Ctrl", "V"])], Slash, Key::HelpClipboard),
    row(&[Keys(&["Ctrl", "Z"])], Or, Key::Undo),
    row(&[Keys(&["Ctrl", "Shift", "Z"]), Keys(&["Ctrl", "Y"])], Or, Key::Redo),
];

const VIEW: &[Row] = &[
    row(&[Keys(&["↑", "↓", "←", "→"])], Or, Key::HelpPan),
    row(&[Keys(&["+"]), Keys(&["−"])], Slash, Key::HelpZoom),
    row(&[Keys(&["0"])], Or, Key::Fit),
    row(&[Keys(&["Ctrl", "\\"])], Or, Key::ShortcutPanel),
];

/// Every keyboard shortcut of the editor, grouped; opened with `?`.
#[component]
pub fn ShortcutsHelp(open: RwSignal<bool>) -> impl IntoView {
    let lang = use_editor().lang;
    view! {
        <Dialog open=open title=t(lang, Key::Shortcuts) class="shortcuts-help" light_dismiss=true>
            <div class="shortcut-groups">
                {group(lang, "tree", Key::HelpTreeGroup, TREE)}
                {group(lang, "edit", Key::HelpEditGroup, EDITING)}
                {group(lang, "view", Key::HelpViewGroup, VIEW)}
            </div>
            <p class="dialog-note">{t(lang, Key::HelpMacNote)}</p>
        </Dialog>
    }
}

fn group(lang: Lang, name: &'static str, title: Key, rows: &'static [Row]) -> impl IntoView {
    let heading = format!("shortcuts-{name}");
    let labelled_by = heading.clone();
    let rows = rows
        .iter()
        .map(|r| {
            view! {
                <div class="shortcut">
                    <dt>{presses(lang, r)}</dt>
                    <dd>{t(lang, r.what)}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class=format!("shortcut-group {name}") aria-labelledby=labelled_by>
            <h3 id=heading>{t(lang, title)}</h3>
            <dl>{rows}</dl>
        </section>
    }
}

fn presses(lang: Lang, row: &Row) -> impl IntoView {
    let join = match row.join {
        Join::Or => format!(" {} ", t(lang, Key::HelpOr)),
        Join::Then => format!(", {} ", t(lang, Key::HelpThen)),
        Join::Slash => " / ".to_owned(),
    };
    row.presses
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let sep = (k > 0).then(|| join.clone());
            let press = match p {
                // Keys held together: nested <kbd>, as HTML prescribes.
                Press::Keys(keys) if keys.len() > 1 && !keys.iter().all(|k| is_arrow(k)) => {
                    let parts = keys
                        .iter()
                        .enumerate()
                        .map(|(i, k)| view! { {(i > 0).then_some("+")}<kbd>{*k}</kbd> })
                        .collect_view();
                    view! { <kbd class="combo">{parts}</kbd> }.into_any()
                }
                // Keys that each do it (the arrows pan in four directions).
                Press::Keys(keys) => keys.iter().map(|k| view! { <kbd>{*k}</kbd> }).collect_view().into_any(),
                Press::Named(key) => view! { <kbd>{t(lang, *key)}</kbd> }.into_any(),
                Press::Mouse(key) => view! { <span class="mouse">{t(lang, *key)}</span> }.into_any(),
            };
            view! { {sep}{press} }
        })
        .collect_view()
}

fn is_arrow(k: &str) -> bool {
    matches!(k, "↑" | "↓" | "←" | "→")
}
