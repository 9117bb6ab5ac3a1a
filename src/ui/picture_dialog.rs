use leptos::prelude::*;

use super::dialog::Dialog;
use super::file_menu::file_name;
use crate::core::picture::Region;
use crate::i18n::{t, Key};
use crate::picture_export::{copy_png, picture, png, png_size, PngError};
use crate::state::use_editor;
use crate::web::{download, download_blob};

/// Which part of the tree a picture shows.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Whole,
    Visible,
    Branch,
}

/// "Ekspor gambar": the whole tree, what is on screen, or the selected
/// branch, as SVG or as PNG at 1×, 2× or 4×, downloaded or copied.
#[component]
pub fn PictureDialog(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let part = RwSignal::new(Part::Whole);
    let scale = RwSignal::new(2.0f64);
    let message = RwSignal::new(None::<(bool, String)>);
    let has_branch = move || editor.selected.with(Option::is_some);
    let region = move || match part.get() {
        Part::Whole => Some(Region::Whole),
        Part::Visible => {
            let (w, h) = editor.view.screen.get();
            Some(Region::Visible(editor.view.viewport.get().visible_world(w, h, 0.0)))
        }
        Part::Branch => editor.selected_index().map(Region::Branch),
    };
    // The picture's pixel size, or why the PNG cannot be made.
    // Only while open: drawing the picture costs a full SVG of the tree.
    let size = move || {
        if !open.get() {
            return None;
        }
        editor.derived.layout.track();
        let p = region().and_then(|r| picture(editor, r))?;
        Some(png_size(&p, scale.get()))
    };
    let name = move |ext: &str| editor.store.doc.with_untracked(|d| file_name(&d.meta.judul, ext));
    let too_large = move |w: f64, h: f64| {
        t(lang, Key::PictureTooLarge).replace("{w}", &format!("{w:.0}")).replace("{h}", &format!("{h:.0}"))
    };
    let fail = move |e: PngError| match e {
        PngError::TooLarge { width, height } => message.set(Some((true, too_large(width, height)))),
        PngError::Browser(why) => message.set(Some((true, format!("{}: {why}", t(lang, Key::PictureFailed))))),
    };
    let save_svg = move |_| {
        let Some(p) = region().and_then(|r| picture(editor, r)) else { return };
        message.set(None);
        if let Err(why) = download(&name("svg"), "image/svg+xml", &p.svg) {
            message.set(Some((true, format!("{}: {why}", t(lang, Key::PictureFailed)))));
        }
    };
    let make_png = move |copy: bool| {
        let Some(p) = region().and_then(|r| picture(editor, r)) else { return };
        let scale = scale.get_untracked();
        message.set(None);
        leptos::task::spawn_local(async move {
            match png(&p, scale).await {
                Ok(blob) if copy => match copy_png(&blob).await {
                    Ok(()) => message.set(Some((false, t(lang, Key::PictureCopied).to_owned()))),
                    Err(why) => message.set(Some((true, format!("{}: {why}", t(lang, Key::PictureFailed))))),
                },
                Ok(blob) => {
                    if let Err(why) = download_blob(&name("png"), &blob) {
                        message.set(Some((true, format!("{}: {why}", t(lang, Key::PictureFailed)))));
                    }
                }
                Err(e) => fail(e),
            }
        });
    };
    let radio = move |value: Part, key: Key, disabled: Signal<bool>| {
        view! {
            <label class="check">
                <input type="radio" name="picture-part" prop:checked=move || part.get() == value disabled=disabled
                    on:change=move |_| part.set(value) />
                {t(lang, key)}
            </label>
        }
    };
    let scales = [1.0, 2.0, 4.0].map(|s| {
        view! {
            <label class="check">
                <input type="radio" name="picture-scale" prop:checked=move || scale.get() == s on:change=move |_| scale.set(s) />
                {format!("{s}×")}
            </label>
        }
    });
    view! {
        <Dialog open=open title=t(lang, Key::PictureTitle) class="picture-dialog" light_dismiss=true>
            <fieldset>
                <legend>{t(lang, Key::PictureWhat)}</legend>
                {radio(Part::Whole, Key::PictureWhole, Signal::stored(false))}
                {radio(Part::Visible, Key::PictureVisible, Signal::stored(false))}
                {radio(Part::Branch, Key::PictureBranch, Signal::derive(move || !has_branch()))}
            </fieldset>
            <fieldset>
                <legend>{t(lang, Key::PictureScale)}</legend>
                <div class="scales">{scales}</div>
                <p class="dialog-note" aria-live="polite">
                    {move || size().map(|s| match s {
                        Ok((w, h)) => t(lang, Key::PictureSize).replace("{w}", &format!("{w:.0}")).replace("{h}", &format!("{h:.0}")),
                        Err(PngError::TooLarge { width, height }) => too_large(width, height),
                        Err(PngError::Browser(e)) => e,
                    })}
                </p>
            </fieldset>
            {move || message.get().map(|(error, text)| if error {
                view! { <p class="dialog-error" role="alert">{text}</p> }.into_any()
            } else {
                view! { <p class="dialog-note" role="status">{text}</p> }.into_any()
            })}
            <div class="dialog-actions">
                <button class="tool" on:click=save_svg>{t(lang, Key::PictureSvg)}</button>
                <button class="tool" on:click=move |_| make_png(true)>{t(lang, Key::PictureCopy)}</button>
                <button class="tool primary" on:click=move |_| make_png(false)>{t(lang, Key::PicturePng)}</button>
            </div>
        </Dialog>
    }
}
