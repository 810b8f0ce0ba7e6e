//! vps-panel: a browser admin panel for the VPS.org API.
//!
//! `api` alone talks to the network; `session` owns the token; `features` hold the pages;
//! `components` are shared, feature-agnostic pieces.

pub mod activity;
pub mod api;
pub mod app;
pub mod base_path;
pub mod components;
pub mod error_text;
pub mod features;
pub mod format;
pub mod i18n;
pub mod links;
pub mod live;
pub mod load;
pub mod name_rule;
pub mod router;
pub mod session;
pub mod settle;
pub mod split_pages;
pub mod tab_storage;

/// Mounts the panel on `<body>`; called by the binary's `main`.
pub fn start() {
    // Panic messages in the console help while developing; release builds leave the hook out
    // to keep its formatting code out of the bundle.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
