use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A toolbar button that opens a list of actions (`role="menu"`): choosing
/// one, Escape or a click elsewhere closes it; Up/Down move between items.
#[component]
pub fn Menu(label: &'static str, children: ChildrenFn) -> impl IntoView {
    let open = RwSignal::new(false);
    let list = NodeRef::<leptos::html::Div>::new();
    let root = NodeRef::<leptos::html::Div>::new();
    let _ = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside =
            root.get_untracked().zip(ev.target()).is_some_and(|(r, t)| r.contains(t.dyn_ref::<web_sys::Node>()));
        if !inside && open.get_untracked() {
            open.set(false);
        }
    });
    let focus_item = move |delta: i32| {
        let Some(list) = list.get_untracked() else { return };
        let Ok(items) = list.query_selector_all("[role=menuitem]:not([disabled])") else { return };
        let n = items.length() as i32;
        if n == 0 {
            return;
        }
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let current = (0..n).find(|&i| items.get(i as u32).map(|e| Some(e.unchecked_into())) == Some(active.clone()));
        let next = current.map_or(if delta > 0 { 0 } else { n - 1 }, |c| (c + delta).rem_euclid(n));
        if let Some(el) = items.get(next as u32) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" if open.get_untracked() => {
            ev.stop_propagation();
            open.set(false);
        }
        "ArrowDown" if open.get_untracked() => {
            ev.prevent_default();
            focus_item(1);
        }
        "ArrowUp" if open.get_untracked() => {
            ev.prevent_default();
            focus_item(-1);
        }
        _ => {}
    };
    view! {
        <div class="menu" node_ref=root on:keydown=on_key>
            <button
                class="tool"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    if open.get_untracked() {
                        request_animation_frame(move || focus_item(1));
                    }
                }
            >
                {label}
                " ▾"
            </button>
            <div class="menu-list" role="menu" aria-label=label node_ref=list hidden=move || !open.get()
                on:click=move |_| open.set(false)>
                {children()}
            </div>
        </div>
    }
}
