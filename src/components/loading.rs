use leptos::prelude::*;

/// A polite "Loading …" line that assistive technology announces.
#[component]
pub fn Loading(
    /// What is loading, e.g. "servers".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
        </p>
    }
}
