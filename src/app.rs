//! The shell: header with the product name, the main region, and the routes.

use leptos::prelude::*;

/// Product name shown in the header and the document title.
pub const PRODUCT_NAME: &str = "VPS Panel";

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Shell>
            <p class="page-intro">"Your VPS.org servers and snapshots."</p>
        </Shell>
    }
}

/// The frame around every page.
#[component]
pub fn Shell(
    /// The page content, rendered inside `<main>`.
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <span class="app-header__brand">{PRODUCT_NAME}</span>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
    }
}
