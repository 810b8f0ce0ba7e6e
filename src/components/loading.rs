use crate::api::Progress;
use crate::format::count;
use crate::i18n::{tf, Key};
use leptos::prelude::*;

/// A polite "Loading …" line that assistive technology announces; with `progress`, how far a
/// list that comes in pages has got ("Loading servers… 300 of 1,005").
#[component]
pub fn Loading(
    /// What is loading, e.g. "servers", in the reader's language.
    #[prop(into)]
    what: Signal<&'static str>,
    /// Items received so far and the total, for lists read page by page.
    #[prop(optional, into)]
    progress: Option<Signal<Option<Progress>>>,
) -> impl IntoView {
    let so_far = move || {
        progress
            .and_then(|p| p.get())
            .filter(|p| p.loaded > 0)
            .map(|p| match p.count {
                Some(total) => {
                    let (loaded, total) = (count(p.loaded as u64), count(total));
                    format!(
                        " {}",
                        tf(
                            Key::COMMON_LOADING_OF,
                            &[("loaded", &loaded), ("total", &total)]
                        )
                    )
                }
                None => {
                    let loaded = count(p.loaded as u64);
                    format!(
                        " {}",
                        tf(Key::COMMON_LOADING_SO_FAR, &[("loaded", &loaded)])
                    )
                }
            })
    };
    view! {
        <p class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            {move || tf(Key::COMMON_LOADING, &[("what", what.get())])}
            {so_far}
        </p>
    }
}
