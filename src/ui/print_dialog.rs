use leptos::prelude::*;

use super::dialog::Dialog;
use crate::core::layout::Rect;
use crate::core::picture::{escape, tiles, Page, Paper, Picture, Region};
use crate::i18n::{t, Key, Lang};
use crate::picture_export::picture;
use crate::state::{use_editor, Editor};

/// Opens the print dialog (from the "Berkas" menu; the dialog and its pages
/// sit beside the app, where the print stylesheet finds them).
#[derive(Clone, Copy)]
pub struct PrintOpen(pub RwSignal<bool>);

/// How the tree goes onto pages.
#[derive(Clone, Copy, PartialEq)]
enum Spread {
    One,
    Tiles,
    Branches,
}

/// "Cetak / PDF": paper (A4, A3, F4) and orientation; the whole tree on one
/// page, tiled across pages (scale and page map shown), or one branch per
/// page. Every page has a header (agency, title, period, number) and its
/// number. The pages are built as HTML beside the app, which the print
/// stylesheet hides, and printed by the browser ("Simpan sebagai PDF" in
/// Chromium gives vector pages of the paper chosen).
#[component]
pub fn PrintDialog(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let paper = RwSignal::new(Paper::A3);
    let landscape = RwSignal::new(true);
    let spread = RwSignal::new(Spread::One);
    let cols = RwSignal::new(2usize);
    let rows = RwSignal::new(2usize);
    let pages_html = RwSignal::new(String::new());
    let page = move || Page { paper: paper.get(), landscape: landscape.get() };
    // Only while open: the whole tree as SVG is not made at every edit.
    let whole = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        editor.derived.layout.track();
        editor.derived.card_options.track();
        picture(editor, Region::Whole)
    });
    let grid = move || if spread.get() == Spread::Tiles { (cols.get(), rows.get()) } else { (1, 1) };
    let summary = move || {
        whole.with(|p| {
            let p = p.as_ref()?;
            let (c, r) = grid();
            let (tiles, (c, r)) = tiles(p.view, page(), c, r);
            let count = if spread.get() == Spread::Branches { branches(editor).len().max(1) } else { tiles.len() };
            let scale = page().scale(p.view, c, r) * 100.0;
            Some(
                t(lang, Key::PrintSummary)
                    .replace("{scale}", &format!("{scale:.0}"))
                    .replace("{pages}", &count.to_string()),
            )
        })
    };
    let map = move || {
        whole.with(|p| {
            let p = p.as_ref()?;
            let (c, r) = grid();
            let (tiles, _) = tiles(p.view, page(), c, r);
            Some(page_map(editor, p.view, &tiles))
        })
    };
    let print = move |_| {
        let Some(html) = whole.with_untracked(|p| p.as_ref().map(|p| pages(editor, p, page(), spread.get(), grid())))
        else {
            return;
        };
        pages_html.set(html);
        open.set(false);
        // Once the pages are in the document and the dialog is gone.
        request_animation_frame(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
    };
    let paper_options = Paper::ALL
        .map(|p| view! { <option value=p.name() selected=move || paper.get() == p>{p.name()}{paper_size(p)}</option> });
    let radio = move |value: Spread, key: Key| {
        view! {
            <label class="check">
                <input type="radio" name="print-spread" prop:checked=move || spread.get() == value
                    on:change=move |_| spread.set(value) />
                {t(lang, key)}
            </label>
        }
    };
    let number = move |key: Key, value: RwSignal<usize>| {
        view! {
            <label class="number">
                <span>{t(lang, key)}</span>
                <input type="number" min="1" max="8" prop:value=move || value.get().to_string()
                    disabled=move || spread.get() != Spread::Tiles
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            value.set(n.clamp(1, 8));
                        }
                    } />
            </label>
        }
    };
    view! {
        <Dialog open=open title=t(lang, Key::PrintTitle) class="print-dialog" light_dismiss=true>
            <div class="print-options">
                <label class="field">
                    <span>{t(lang, Key::Paper)}</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(p) = Paper::ALL.into_iter().find(|p| p.name() == v) {
                            paper.set(p);
                        }
                    }>{paper_options}</select>
                </label>
                <fieldset class="inline">
                    <label class="check"><input type="radio" name="print-orientation" prop:checked=move || !landscape.get()
                        on:change=move |_| landscape.set(false) />{t(lang, Key::Portrait)}</label>
                    <label class="check"><input type="radio" name="print-orientation" prop:checked=move || landscape.get()
                        on:change=move |_| landscape.set(true) />{t(lang, Key::Landscape)}</label>
                </fieldset>
            </div>
            <fieldset>
                <legend>{t(lang, Key::PrintLayout)}</legend>
                {radio(Spread::One, Key::PrintOne)}
                <div class="tiles-row">
                    {radio(Spread::Tiles, Key::PrintTiles)}
                    {number(Key::Columns, cols)}
                    {number(Key::Rows, rows)}
                </div>
                {radio(Spread::Branches, Key::PrintBranches)}
            </fieldset>
            <div class="print-preview">
                <figure>
                    <figcaption>{t(lang, Key::PageMap)}</figcaption>
                    <div class="page-map" role="img" aria-label=t(lang, Key::PageMap) inner_html=map></div>
                </figure>
                <p class="print-summary" aria-live="polite">{summary}</p>
            </div>
            <p class="dialog-note">{t(lang, Key::PrintNote)}</p>
            <div class="dialog-actions">
                <button class="tool primary" on:click=print>{t(lang, Key::PrintButton)}</button>
            </div>
        </Dialog>
        <div class="print-pages" inner_html=move || pages_html.get()></div>
    }
}

fn paper_size(p: Paper) -> String {
    let (w, h) = p.mm();
    format!(" ({w:.0} × {h:.0} mm)")
}

/// The boxes under the root (or the focused box): one page each.
fn branches(editor: Editor) -> Vec<usize> {
    editor.derived.tree.with_untracked(|t| {
        let Some(t) = t else { return Vec::new() };
        let top = editor.outline.with_untracked(|o| o.focus).unwrap_or(t.root);
        editor.outline.with_untracked(|o| o.shown_children(t, top).to_vec())
    })
}

/// A small drawing of the tree's boxes with the page grid over it.
fn page_map(editor: Editor, view: Rect, tiles: &[Rect]) -> String {
    let all = tiles.iter().fold(view, |a, t| {
        let (x, y) = (a.x.min(t.x), a.y.min(t.y));
        Rect { x, y, w: a.right().max(t.right()) - x, h: a.bottom().max(t.bottom()) - y }
    });
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" preserveAspectRatio="xMidYMid meet"><rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
        all.x, all.y, all.w, all.h, all.x, all.y, all.w, all.h
    );
    editor.derived.layout.with_untracked(|l| {
        for r in l.shown.iter().filter_map(|&i| l.rects[i]) {
            svg += &format!(
                r##"<rect x="{:.0}" y="{:.0}" width="{:.0}" height="{:.0}" fill="#8a96a8"/>"##,
                r.x, r.y, r.w, r.h
            );
        }
    });
    let stroke = (all.w.max(all.h) / 150.0).max(1.0);
    for (k, t) in tiles.iter().enumerate() {
        svg += &format!(
            r##"<rect x="{:.0}" y="{:.0}" width="{:.0}" height="{:.0}" fill="none" stroke="#d35400" stroke-width="{stroke:.1}"/><text x="{:.0}" y="{:.0}" font-size="{:.0}" fill="#d35400">{}</text>"##,
            t.x,
            t.y,
            t.w,
            t.h,
            t.x + stroke * 3.0,
            t.y + stroke * 14.0,
            stroke * 12.0,
            k + 1
        );
    }
    svg + "</svg>"
}

/// Every page as HTML, with the `@page` size for the paper.
fn pages(editor: Editor, whole: &Picture, page: Page, spread: Spread, (cols, rows): (usize, usize)) -> String {
    let lang = editor.lang;
    let (w, h) = page.mm();
    let header = editor.store.doc.with_untracked(|d| {
        let m = &d.meta;
        let mut parts = vec![m.opd.clone(), m.wilayah.clone(), m.judul.clone()];
        if let Some(p) = &m.periode {
            parts.push(format!("{} {}–{}", t(lang, Key::Periode), p.awal, p.akhir));
        }
        if !m.nomor.is_empty() {
            parts.push(format!("{} {}", t(lang, Key::Nomor), m.nomor));
        }
        parts.into_iter().filter(|s| !s.trim().is_empty()).map(|s| escape(&s)).collect::<Vec<_>>().join(" · ")
    });
    // Each page's drawing, and what its footer adds (a tile's place).
    let bodies: Vec<(String, String)> = match spread {
        Spread::One => vec![(whole.framed(whole.view), String::new())],
        Spread::Tiles => {
            let (tiles, (c, _)) = tiles(whole.view, page, cols, rows);
            tiles
                .iter()
                .enumerate()
                .map(|(k, tile)| {
                    let place = t(lang, Key::PageTile)
                        .replace("{r}", &(k / c + 1).to_string())
                        .replace("{c}", &(k % c + 1).to_string());
                    (whole.framed(*tile), format!(" ({place})"))
                })
                .collect()
        }
        Spread::Branches => {
            let pictures: Vec<Picture> =
                branches(editor).into_iter().filter_map(|b| picture(editor, Region::Branch(b))).collect();
            if pictures.is_empty() {
                vec![(whole.framed(whole.view), String::new())]
            } else {
                pictures.iter().map(|p| (p.framed(p.view), String::new())).collect()
            }
        }
    };
    let n = bodies.len();
    let mut html = format!("<style>@page {{ size: {w}mm {h}mm; margin: 0; }}</style>");
    for (k, (svg, place)) in bodies.into_iter().enumerate() {
        let number = page_of(lang, k + 1, n);
        html += &format!(
            r#"<section class="page" style="width: {w}mm; height: {h}mm"><header class="page-header">{header}</header><div class="page-body">{svg}</div><footer class="page-footer">{number}{place}</footer></section>"#
        );
    }
    html
}

fn page_of(lang: Lang, k: usize, n: usize) -> String {
    t(lang, Key::PageOf).replace("{k}", &k.to_string()).replace("{n}", &n.to_string())
}
