use leptos::prelude::*;

use crate::core::layout::Mode;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// Zoom, fit, expand/collapse, focus and the details switch.
#[component]
pub fn ViewControls() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let has_selection = move || editor.selected.with(|s| s.is_some());
    let focused = move || editor.outline.with(|o| o.focus.is_some());
    let toggle_focus = move |_| {
        if focused() {
            editor.outline.update(|o| o.focus = None);
        } else if let Some(i) = editor.selected_index() {
            editor.outline.update(|o| o.focus = Some(i));
        }
        request_animation_frame(move || editor.fit());
    };
    let on_level = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            editor.reshape(|o, t| o.expand_to_level(t, n));
            request_animation_frame(move || editor.fit());
        }
    };
    let on_mode = move |ev: leptos::ev::Event| {
        let mode = match event_target_value(&ev).as_str() {
            "layered" => Some(Mode::Layered),
            "compact" => Some(Mode::Compact),
            "tidy" => Some(Mode::NonLayered),
            _ => None,
        };
        editor.mode.set(mode);
        request_animation_frame(move || editor.fit());
    };
    let levels = (1..=8)
        .map(|n| view! { <option value=n.to_string()>{format!("{} {n}", t(lang, Key::Level))}</option> })
        .collect_view();
    view! {
        <div class="group" role="group" aria-label=t(lang, Key::ViewGroup)>
            <button class="tool icon" title=t(lang, Key::ZoomOut) aria-label=t(lang, Key::ZoomOut) on:click=move |_| editor.zoom(0.8)>"−"</button>
            <span class="zoom-level" aria-live="polite">{move || format!("{:.0}%", editor.viewport.with(|v| v.k) * 100.0)}</span>
            <button class="tool icon" title=t(lang, Key::ZoomIn) aria-label=t(lang, Key::ZoomIn) on:click=move |_| editor.zoom(1.25)>"+"</button>
            <button class="tool" on:click=move |_| editor.fit()>{t(lang, Key::Fit)}</button>
            <button class="tool" on:click=move |_| editor.reset_zoom()>"100%"</button>
            <button class="tool" disabled=move || !has_selection() on:click=move |_| {
                if let Some(i) = editor.selected_index() { editor.zoom_to(i) }
            }>{t(lang, Key::ZoomToSelected)}</button>
        </div>
        <div class="group" role="group" aria-label=t(lang, Key::OutlineGroup)>
            <button class="tool" on:click=move |_| {
                editor.outline.update(|o| o.expand_all());
                request_animation_frame(move || editor.fit());
            }>{t(lang, Key::ExpandAll)}</button>
            <button class="tool" on:click=move |_| {
                editor.reshape(|o, t| o.collapse_all(t));
                request_animation_frame(move || editor.fit());
            }>{t(lang, Key::CollapseAll)}</button>
            <select class="tool" aria-label=t(lang, Key::ExpandToLevel) on:change=on_level prop:value="">
                <option value="" disabled=true>{t(lang, Key::ExpandToLevel)}</option>
                {levels}
            </select>
            <button class="tool" aria-pressed=move || focused().to_string() disabled=move || !has_selection() && !focused()
                on:click=toggle_focus>{move || if focused() { t(lang, Key::ExitFocus) } else { t(lang, Key::FocusSubtree) }}</button>
            <select class="tool" aria-label=t(lang, Key::LayoutMode) on:change=on_mode>
                <option value="auto" selected=true>{t(lang, Key::ModeAuto)}</option>
                <option value="compact">{t(lang, Key::ModeCompact)}</option>
                <option value="layered">{t(lang, Key::ModeLayered)}</option>
                <option value="tidy">{t(lang, Key::ModeTidy)}</option>
            </select>
            <label class="tool check">
                <input type="checkbox" prop:checked=move || editor.details.get()
                    on:change=move |ev| editor.details.set(event_target_checked(&ev)) />
                {t(lang, Key::ShowDetails)}
            </label>
        </div>
    }
}
