use crate::api::Progress;
use crate::format::count;
use leptos::prelude::*;

/// A polite "Loading …" line that assistive technology announces; with `progress`, how far a
/// list that comes in pages has got ("Loading servers… 300 of 1,005").
#[component]
pub fn Loading(
    /// What is loading, e.g. "servers".
    #[prop(into)]
    what: String,
    /// Items received so far and the total, for lists read page by page.
    #[prop(optional, into)]
    progress: Option<Signal<Option<Progress>>>,
) -> impl IntoView {
    let so_far = move || {
        progress
            .and_then(|p| p.get())
            .filter(|p| p.loaded > 0)
            .map(|p| match p.count {
                Some(total) => format!(" {} of {}", count(p.loaded as u64), count(total)),
                None => format!(" {} so far", count(p.loaded as u64)),
            })
    };
    view! {
        <p class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
            {so_far}
        </p>
    }
}
