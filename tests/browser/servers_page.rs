//! The servers page: rows, the status filter reaching the API, and the error panel's Retry.

use crate::fake_fetch::{self, calls, get, routes};
use crate::support::*;
use leptos::prelude::*;
use vps_panel::features::servers::fleet::Fleet;
use vps_panel::features::servers::ServersPage;
use vps_panel::router::RouterProvider;
use wasm_bindgen_test::*;

const SERVERS: &str = include_str!("../fixtures/servers_list.json");
const SNAPSHOTS: &str = include_str!("../fixtures/snapshots_list.json");

fn mount_servers_page() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let session = signed_in_session();
    mount(move || {
        provide_context(session);
        provide_context(Fleet::new());
        view! { <RouterProvider><ServersPage/></RouterProvider> }
    })
}

#[wasm_bindgen_test]
async fn each_server_renders_as_a_row_with_its_quota() {
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_servers_page();
    until("a row", || query_all(&container, "tbody tr") == 1).await;
    let row = text_of(&container);
    for expected in [
        "web-server-01",
        "web01.example.com",
        "active",
        "us-west",
        "203.0.113.10",
        "2 vCPUs · 4 GB RAM · 80 GB disk",
        "Ubuntu 22.04 LTS",
        "2 of 5",
    ] {
        assert!(row.contains(expected), "{expected} in {row}");
    }
    let link = query(&container, "tbody a").expect("a link to the server");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/servers/12345")
    );
    assert!(calls()
        .iter()
        .any(|c| c.url.ends_with("/api/v1/snapshots/")));
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn choosing_a_status_sends_it_to_the_api() {
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_servers_page();
    until("a row", || query_all(&container, "tbody tr") == 1).await;
    let select = query(&container, "select").expect("the Status select");
    choose(&select, "stopped");
    until("a filtered request", || {
        calls()
            .iter()
            .any(|c| c.url.ends_with("/api/v1/servers/?status=stopped"))
    })
    .await;
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_failed_load_shows_the_reason_and_retry_loads_again() {
    routes(&[
        get("/servers/", 502, "<html><h1>502 Bad Gateway</h1></html>"),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_servers_page();
    until("the alert", || query(&container, "[role=alert]").is_some()).await;
    let alert = query(&container, "[role=alert]").expect("alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("Could not load servers"), "{text}");
    assert!(text.contains("HTTP 502 Bad Gateway"), "{text}");

    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let retry = query(&container, "[role=alert] button").expect("Retry");
    assert_eq!(retry.text_content().as_deref(), Some("Retry"));
    click(&retry);
    until("the table", || query_all(&container, "tbody tr") == 1).await;
    assert!(query(&container, "[role=alert]").is_none());
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_401_ends_the_session_and_clears_the_stored_token() {
    routes(&[
        get("/servers/", 401, r#"{"detail": "Invalid token."}"#),
        get("/snapshots/", 401, r#"{"detail": "Invalid token."}"#),
    ]);
    let session = signed_in_session();
    let (container, _handle) = mount(move || {
        provide_context(session);
        provide_context(Fleet::new());
        view! { <RouterProvider><ServersPage/></RouterProvider> }
    });
    until("the session ends", move || !session.is_signed_in()).await;
    let stored = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(vps_panel::session::TOKEN_KEY).ok().flatten());
    assert_eq!(stored, None);
    assert_eq!(
        session.notice(),
        Some(vps_panel::session::SignInNotice::Expired)
    );
    clean_up(&container);
    fake_fetch::restore_fetch();
}
