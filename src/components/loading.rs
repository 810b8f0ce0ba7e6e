use crate::api::Progress;
use crate::format::count;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

/// A polite "Loading …" line that assistive technology announces; with `progress`, how far a
/// list that comes in pages has got ("Loading servers… 300 of 1,005").
#[component]
pub fn Loading(
    /// What is loading, e.g. "servers" (a message, in the reader's language).
    what: Key,
    /// Items received so far and the total, for lists read page by page.
    #[prop(optional, into)]
    progress: Option<Signal<Option<Progress>>>,
) -> impl IntoView {
    let so_far = move || {
        let p = progress.and_then(|p| p.get()).filter(|p| p.loaded > 0)?;
        let loaded = count(p.loaded as u64);
        let total = p.count.map(count).unwrap_or_default();
        let key = match p.count {
            Some(_) => Key::COMMON_LOADING_OF,
            None => Key::COMMON_LOADING_SO_FAR,
        };
        Some(format!(
            " {}",
            tf(key, &[("loaded", &loaded), ("total", &total)])
        ))
    };
    // The same progress as a bar, for the eye; the sentence is what assistive technology reads.
    let bar = move || {
        let p = progress.and_then(|p| p.get()).filter(|p| p.loaded > 0)?;
        let total = p.count.filter(|total| *total > 0)?;
        Some(view! {
            <progress class="loading__bar" max=total.to_string() value=p.loaded.to_string() aria-hidden="true"></progress>
        })
    };
    view! {
        <p class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            {move || tf(Key::COMMON_LOADING, &[("what", t(what))])}
            {so_far}
        </p>
        {bar}
    }
}
