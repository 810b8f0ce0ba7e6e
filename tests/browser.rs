//! Component tests in headless Chromium (wasm-bindgen-test). Run with
//! `cargo test -p vps-panel --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/support.rs"]
mod support;

#[path = "browser/shell.rs"]
mod shell;

#[path = "browser/fake_fetch.rs"]
mod fake_fetch;

#[path = "browser/api_client.rs"]
mod api_client;

#[path = "browser/live_api.rs"]
mod live_api;

#[path = "browser/servers_page.rs"]
mod servers_page;

#[path = "browser/fleet.rs"]
mod fleet;

#[path = "browser/server_actions.rs"]
mod server_actions;

#[path = "browser/sign_in.rs"]
mod sign_in;

#[path = "browser/language.rs"]
mod language;

#[path = "browser/load.rs"]
mod load;

#[path = "browser/split_pages.rs"]
mod split_pages;
