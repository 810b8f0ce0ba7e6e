use crate::i18n::{language, set_language, Language};
use leptos::prelude::*;

/// The language choice, labelled in both languages so either reader finds it. Switching
/// re-renders the panel in place: nothing typed is lost and the page does not reload.
#[component]
pub fn LanguageSelect() -> impl IntoView {
    view! {
        <label class="language-select">
            <span class="language-select__label">"Language / "<span lang="bn">"ভাষা"</span></span>
            <select
                class="select language-select__input"
                prop:value=move || language().tag()
                on:change=move |ev| {
                    if let Some(chosen) = Language::from_tag(&event_target_value(&ev)) {
                        set_language(chosen);
                    }
                }
            >
                <option value="en" lang="en">"English"</option>
                <option value="bn" lang="bn">"বাংলা"</option>
            </select>
        </label>
    }
}
