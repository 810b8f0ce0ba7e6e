use super::connection::{retry_when_online, unreached, ConnectionDetails};
use crate::api::ApiError;
use crate::i18n::{t, tr, Key};
use leptos::prelude::*;

/// What a failure panel explains: an API error in its own words, or the panel's own text for a
/// failure that is not the API's (a page's code that did not arrive).
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Api(ApiError),
    Panel(Key),
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        Self::Api(error)
    }
}

/// A failed load: what failed, why, and a way to try again.
#[component]
pub fn ErrorPanel(
    /// What could not be done, e.g. "Could not load servers".
    title: Key,
    /// The failure to explain.
    #[prop(into)]
    error: Failure,
    /// Runs when the user presses "Retry".
    on_retry: Callback<()>,
) -> impl IntoView {
    // A 403 on a read: the token's scope does not cover this page.
    let forbidden = matches!(&error, Failure::Api(ApiError::Http { status: 403, .. }));
    let details = match &error {
        Failure::Api(error) => {
            retry_when_online(error, on_retry);
            unreached(error).cloned()
        }
        Failure::Panel(_) => None,
    };
    let message = move || match &error {
        Failure::Api(error) => error.to_string(),
        Failure::Panel(key) => t(*key).to_owned(),
    };
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__title">{tr(title)}</p>
            <p class="error-panel__message">{message}</p>
            {forbidden.then(|| view! { <p class="error-panel__message">{tr(Key::ERROR_READ_FORBIDDEN)}</p> })}
            {details.map(|unreached| view! { <ConnectionDetails unreached/> })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {tr(Key::COMMON_RETRY)}
            </button>
        </div>
    }
}
