use leptos::prelude::*;

use super::menu::Menu;
use crate::achievement::use_achievement;
use crate::core::layout::Arrangement;
use crate::core::outline::depth_heads;
use crate::i18n::{level_label, t, Key, Lang};
use crate::prefs::use_prefs;
use crate::state::{use_editor, Editor};

/// Zoom and fit, the statements-only switch, and two menus: how the tree is
/// shown ("Tampilan": 100 %, to the selected box, arrangement, details,
/// minimap) and which branches ("Cabang": expand, collapse, to a level, focus).
#[component]
pub fn ViewControls() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    view! {
        <div class="group" role="group" aria-label=t(lang, Key::ViewGroup)>
            <button class="tool icon zoom-extra" title=t(lang, Key::ZoomOut) aria-label=t(lang, Key::ZoomOut) on:click=move |_| editor.zoom(0.8)>"−"</button>
            <span class="zoom-level zoom-extra" aria-live="polite">{move || format!("{:.0}%", editor.view.viewport.with(|v| v.k) * 100.0)}</span>
            <button class="tool icon zoom-extra" title=t(lang, Key::ZoomIn) aria-label=t(lang, Key::ZoomIn) on:click=move |_| editor.zoom(1.25)>"+"</button>
            <button class="tool" aria-label=t(lang, Key::Fit) title=format!("{} (0)", t(lang, Key::Fit)) on:click=move |_| editor.fit()>
                <span class="fit-label">{t(lang, Key::Fit)}</span>
                <span class="fit-icon" aria-hidden="true">"⤢"</span>
            </button>
            <ViewMenu />
            <BranchMenu />
            <label class="tool check wide-only">
                <input type="checkbox" prop:checked=move || editor.details.get()
                    on:change=move |ev| editor.details.set(event_target_checked(&ev)) />
                {t(lang, Key::ShowDetails)}
            </label>
        </div>
    }
}

/// A menu item that is on or off: a setting (✓, `radio` false) or one of a
/// set of choices (●).
fn state_item(
    radio: bool,
    label: impl IntoView + 'static,
    on: impl Fn() -> bool + Send + Sync + Copy + 'static,
    act: impl Fn() + 'static,
) -> impl IntoView {
    let (role, mark) = if radio { ("menuitemradio", "●") } else { ("menuitemcheckbox", "✓") };
    view! {
        <button class="tool" role=role aria-checked=move || on().to_string() on:click=move |_| act()>
            <span class="mark" aria-hidden="true">{move || if on() { mark } else { "" }}</span>
            <span>{label}</span>
        </button>
    }
}

fn arrangement_name(lang: Lang, a: Arrangement) -> &'static str {
    match a {
        Arrangement::Layered => t(lang, Key::ModeLayered),
        Arrangement::Compact => t(lang, Key::ModeCompact),
        Arrangement::Tidy => t(lang, Key::ModeTidy),
        Arrangement::Across => t(lang, Key::ModeAcross),
    }
}

#[component]
fn ViewMenu() -> impl IntoView {
    let editor = use_editor();
    let prefs = use_prefs();
    let lang = editor.lang;
    let has_selection = move || editor.selected.with(|s| s.is_some());
    let set_mode = move |mode: Option<Arrangement>| {
        editor.mode.set(mode);
        request_animation_frame(move || editor.fit());
    };
    let auto_label = move || {
        let picked = editor.derived.layout.with(|l| l.arrangement);
        t(lang, Key::ModeAutoPicked).replace("{mode}", arrangement_name(lang, picked))
    };
    let modes = move || {
        [Arrangement::Layered, Arrangement::Compact, Arrangement::Tidy, Arrangement::Across].map(|a| {
            state_item(true, arrangement_name(lang, a), move || editor.mode.get() == Some(a), move || set_mode(Some(a)))
        })
    };
    let cap = use_achievement();
    // The year: the latest with realisasi (followed as it changes), or one chosen.
    let years = move || {
        let latest = state_item(
            true,
            move || {
                t(lang, Key::CapaianLatest)
                    .replace("{year}", &cap.year.get().map(|y| y.to_string()).unwrap_or_default())
            },
            move || cap.chosen.get().is_none(),
            move || cap.chosen.set(None),
        );
        let each = cap.years.get().into_iter().map(move |y| {
            state_item(
                true,
                t(lang, Key::CapaianYear).replace("{year}", &y.to_string()),
                move || cap.chosen.get() == Some(y),
                move || cap.chosen.set(Some(y)),
            )
        });
        view! { {latest} {each.collect_view()} }
    };
    view! {
        <Menu label=t(lang, Key::ViewMenu)>
            <button class="tool" role="menuitem" on:click=move |_| editor.zoom(1.25)>
                <span>{t(lang, Key::ZoomIn)}</span><kbd>"+"</kbd>
            </button>
            <button class="tool" role="menuitem" on:click=move |_| editor.zoom(0.8)>
                <span>{t(lang, Key::ZoomOut)}</span><kbd>"−"</kbd>
            </button>
            <button class="tool" role="menuitem" on:click=move |_| editor.reset_zoom()><span>"100%"</span></button>
            <button class="tool" role="menuitem" disabled=move || !has_selection() on:click=move |_| {
                if let Some(i) = editor.selected_index() { editor.zoom_to(i) }
            }><span>{t(lang, Key::ZoomToSelected)}</span></button>
            <div class="menu-heading" role="presentation">{t(lang, Key::LayoutMode)}</div>
            {state_item(true, auto_label, move || editor.mode.get().is_none(), move || set_mode(None))}
            {modes()}
            <div class="menu-heading" role="presentation"></div>
            {state_item(false, t(lang, Key::ShowDetails), move || editor.details.get(), move || editor.details.update(|d| *d = !*d))}
            {state_item(false, t(lang, Key::ShowMinimap), move || prefs.minimap.get(), move || prefs.minimap.update(|m| *m = !*m))}
            <div class="menu-heading" role="presentation">{t(lang, Key::CapaianSection)}</div>
            {state_item(false, t(lang, Key::ShowCapaian), move || cap.shown.get(), move || cap.shown.update(|s| *s = !*s))}
            {move || cap.shown.get().then(|| view! {
                {state_item(false, t(lang, Key::ColourByCapaian), move || cap.colour.get(), move || cap.colour.update(|c| *c = !*c))}
                {state_item(false, t(lang, Key::CapaianWithChildren), move || cap.options.with(|o| o.with_children),
                    move || cap.options.update(|o| o.with_children = !o.with_children))}
                {state_item(false, t(lang, Key::CapaianWeighted), move || cap.options.with(|o| o.weighted),
                    move || cap.options.update(|o| o.weighted = !o.weighted))}
                <button class="tool" role="menuitem" on:click=move |_| cap.summary_open.set(true)>
                    <span>{t(lang, Key::CapaianSummary)}</span>
                </button>
                <button class="tool" role="menuitem" on:click=move |_| cap.settings_open.set(true)>
                    <span>{t(lang, Key::CapaianSettings)}</span>
                </button>
                {years}
            })}
        </Menu>
    }
}

#[component]
fn BranchMenu() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let focused = move || editor.outline.with(|o| o.focus.is_some());
    let has_selection = move || editor.selected.with(|s| s.is_some());
    let toggle_focus = move |_| {
        if focused() {
            editor.outline.update(|o| o.focus = None);
        } else if let Some(i) = editor.selected_index() {
            editor.outline.update(|o| o.focus = Some(i));
        }
        refit(editor);
    };
    let in_force = Memo::new(move |_| {
        editor.derived.tree.with(|t| t.as_ref().and_then(|t| editor.outline.with(|o| o.level_in_force(t))))
    });
    // One item per level of the tree, named after the level of its first box.
    let levels = move || {
        let names: Vec<String> = editor.derived.tree.with(|t| {
            t.as_ref().map_or_else(Vec::new, |t| {
                editor.store.doc.with(|d| depth_heads(t).into_iter().map(|i| level_label(lang, &d.nodes[i])).collect())
            })
        });
        names
            .into_iter()
            .enumerate()
            .map(|(d, name)| {
                let n = d as u32 + 1;
                let label = t(lang, Key::ExpandToLevelN).replace("{n}", &n.to_string()).replace("{name}", &name);
                state_item(
                    true,
                    label,
                    move || in_force.get() == Some(n),
                    move || {
                        editor.reshape(|o, t| o.expand_to_level(t, n));
                        refit(editor);
                    },
                )
            })
            .collect_view()
    };
    view! {
        <Menu label=t(lang, Key::BranchMenu)>
            <button class="tool" role="menuitem" on:click=move |_| {
                editor.outline.update(|o| o.expand_all());
                refit(editor);
            }><span>{t(lang, Key::ExpandAll)}</span></button>
            <button class="tool" role="menuitem" on:click=move |_| {
                editor.reshape(|o, t| o.collapse_all(t));
                refit(editor);
            }><span>{t(lang, Key::CollapseAll)}</span></button>
            <button class="tool" role="menuitem"
                disabled=move || !has_selection() && !focused() on:click=toggle_focus>
                <span>{move || if focused() { t(lang, Key::ExitFocus) } else { t(lang, Key::FocusSubtree) }}</span>
            </button>
            <div class="menu-heading" role="presentation">{t(lang, Key::ExpandToLevel)}</div>
            {levels}
        </Menu>
    }
}

/// Fits once the layout has followed an outline change.
fn refit(editor: Editor) {
    request_animation_frame(move || editor.fit());
}
