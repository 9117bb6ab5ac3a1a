use leptos::prelude::*;

use super::dialog::Dialog;
use crate::achievement::use_achievement;
use crate::core::capaian::{Bands, Options};
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// "Atur capaian": the cap for roll-ups and the three band thresholds,
/// checked before they are used (numbers, in order).
#[component]
pub fn CapaianSettings() -> impl IntoView {
    let lang = use_editor().lang;
    let cap = use_achievement();
    let open = cap.settings_open;
    let fields = [Key::CapaianCap, Key::BandSangatBaik, Key::BandBaik, Key::BandCukup];
    let values = fields.map(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(false);
    // Filled from the settings in force each time it opens.
    Effect::new(move |_| {
        if open.get() {
            let o = cap.options.get_untracked();
            for (v, n) in values.iter().zip([o.cap, o.bands.sangat_baik, o.bands.baik, o.bands.cukup]) {
                v.set(n.to_string().replace('.', ","));
            }
            error.set(false);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n: Vec<Option<f64>> = values
            .iter()
            .map(|v| v.get_untracked().trim().replace(',', ".").parse::<f64>().ok().filter(|x| x.is_finite()))
            .collect();
        match n[..] {
            [Some(c), Some(sb), Some(b), Some(k)] if c > 0.0 && sb > b && b > k && k >= 0.0 => {
                cap.options
                    .update(|o| *o = Options { cap: c, bands: Bands { sangat_baik: sb, baik: b, cukup: k }, ..*o });
                open.set(false);
            }
            _ => error.set(true),
        }
    };
    let inputs = fields
        .iter()
        .zip(values)
        .map(|(&key, v)| {
            view! {
                <label class="field">
                    <span>{t(lang, key)}</span>
                    <input type="text" inputmode="decimal" prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev)) />
                </label>
            }
        })
        .collect_view();
    view! {
        <Dialog open=open title=t(lang, Key::CapaianSettingsTitle) class="capaian-settings" light_dismiss=true>
            <form class="dialog-form" on:submit=submit>
                <div class="field-row">{inputs}</div>
                <p class="dialog-note">{t(lang, Key::CapaianSettingsHint)}</p>
                {move || error.get().then(|| view! { <p class="dialog-error" role="alert">{t(lang, Key::CapaianSettingsBad)}</p> })}
                <div class="dialog-actions">
                    <button class="tool primary" type="submit">{t(lang, Key::Apply)}</button>
                </div>
            </form>
        </Dialog>
    }
}
