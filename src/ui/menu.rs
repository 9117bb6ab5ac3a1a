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
        let Ok(found) = list.query_selector_all("[role^=menuitem]:not([disabled])") else { return };
        // Items hidden on this window size are skipped.
        let items: Vec<web_sys::HtmlElement> = (0..found.length())
            .filter_map(|i| found.get(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .filter(|el| el.get_client_rects().length() > 0)
            .collect();
        let n = items.len() as i32;
        if n == 0 {
            return;
        }
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let current = items.iter().position(|el| active.as_ref() == Some(el.unchecked_ref::<web_sys::Element>()));
        let next = current.map_or(if delta > 0 { 0 } else { n - 1 }, |c| (c as i32 + delta).rem_euclid(n));
        let _ = items[next as usize].focus();
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
                // Built while open only: items that follow the document (the
                // capaian years, say) cost nothing at each edit when closed.
                {move || open.get().then(|| children())}
            </div>
        </div>
    }
}
