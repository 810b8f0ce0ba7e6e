use crate::api::ApiError;
use leptos::prelude::*;

/// A failed load: what failed, the server's own words, and a way to try again.
#[component]
pub fn ErrorPanel(
    /// What could not be done, e.g. "Could not load servers".
    #[prop(into)]
    title: String,
    /// The error to explain.
    error: ApiError,
    /// Runs when the user presses "Retry".
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__title">{title}</p>
            <p class="error-panel__message">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
