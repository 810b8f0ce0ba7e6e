//! The sign-in form: a network failure is explained with a Retry that tries again.

use crate::fake_fetch::{self, calls, get, routes};
use crate::support::*;
use leptos::prelude::*;
use vps_panel::features::sign_in::SignInPage;
use vps_panel::router::RouterProvider;
use vps_panel::session::Session;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const ME: &str = include_str!("../fixtures/account_me.json");

#[wasm_bindgen_test]
async fn a_network_failure_is_explained_and_retry_signs_in() {
    fake_fetch::fake_network_error();
    let session = Session::new(vps_panel::api::PanelConfig::default());
    let (container, _handle) = mount(move || {
        provide_context(session);
        view! { <RouterProvider><SignInPage/></RouterProvider> }
    });
    let input: web_sys::HtmlInputElement = query(&container, "#api-token")
        .expect("API token field")
        .unchecked_into();
    assert_eq!(input.type_(), "password", "masked by default");
    input.set_value("tok-123");
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatched");
    let form = query(&container, "form").expect("form");
    submit(&form);
    until("the explanation", || {
        text_of(&container).contains("Could not check the token")
    })
    .await;
    assert!(!session.is_signed_in());

    routes(&[get("/account/me/", 200, ME)]);
    let retry = query(&container, "#api-token-problem button").expect("Retry");
    click(&retry);
    until("signed in", move || session.is_signed_in()).await;
    assert_eq!(calls()[0].headers["authorization"], "Bearer tok-123");
    let stored = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(vps_panel::session::TOKEN_KEY).ok().flatten());
    assert_eq!(stored.as_deref(), Some("tok-123"));
    clean_up(&container);
    fake_fetch::restore_fetch();
}
