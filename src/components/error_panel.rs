use crate::api::ApiError;
use crate::i18n::{tr, Key};
use leptos::prelude::*;

/// A failed load: what failed, the server's own words, and a way to try again.
#[component]
pub fn ErrorPanel(
    /// What could not be done, e.g. "Could not load servers".
    title: Key,
    /// The error to explain.
    error: ApiError,
    /// Runs when the user presses "Retry".
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__title">{tr(title)}</p>
            <p class="error-panel__message">{move || error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {tr(Key::COMMON_RETRY)}
            </button>
        </div>
    }
}
