//! The server page's write side: name messages, disabled states and the typed-name gate.

use crate::fake_fetch::{self, calls, get, routes};
use crate::support::{
    clean_up, click, document, mount, query, query_all, signed_in_session, submit, text_of, tick,
    until,
};
use leptos::prelude::*;
use vps_panel::components::Notifier;
use vps_panel::features::snapshots::ServerPage;
use vps_panel::router::RouterProvider;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const SERVERS: &str = include_str!("../fixtures/servers_list.json");
const SNAPSHOTS: &str = include_str!("../fixtures/snapshots_list.json");

/// The server page of `web-server-01` (id 12345) over a faked API.
pub fn mount_server_page() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let window = web_sys::window().expect("window");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/servers/12345"))
        .expect("url");
    let session = signed_in_session();
    mount(move || {
        provide_context(session);
        provide_context(Notifier::new());
        view! {
            <RouterProvider>
                <ServerPage id=Some(12345)/>
            </RouterProvider>
        }
    })
}

pub fn type_into(input: &web_sys::Element, text: &str) {
    let input: web_sys::HtmlInputElement = input.clone().unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatched");
}

pub fn button_named(container: &web_sys::HtmlElement, text: &str) -> web_sys::Element {
    let list = container.query_selector_all("button").expect("buttons");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"))
}

fn is_disabled(element: &web_sys::Element) -> bool {
    element.has_attribute("disabled")
}

fn writes() -> usize {
    calls().iter().filter(|c| c.method != "GET").count()
}

/// A snapshot list of web-server-01 at the limit: five completed snapshots of 2 GB, newest
/// first as the API lists them (s0 on 20 Jan 2025 ... s4 on 16 Jan 2025).
/// The server page of `web-server-01` with [`five_snapshots`], once they are listed.
async fn server_page_at_the_limit() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let body = five_snapshots();
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, &body),
    ]);
    let page = mount_server_page();
    until("the snapshots", || query_all(&page.0, "tbody tr") == 5).await;
    page
}

fn five_snapshots() -> String {
    let five: Vec<serde_json::Value> = (0..5)
        .map(|i| {
            serde_json::json!({"id": 900 + i, "server": {"id": 12345, "name": "web-server-01"},
            "name": format!("s{i}"), "status": "completed", "size_mb": 2048,
            "created_at": format!("2025-01-{:02}T08:00:00Z", 20 - i), "description": null})
        })
        .collect();
    serde_json::json!({"count": 5, "results": five}).to_string()
}

#[wasm_bindgen_test]
async fn the_name_field_explains_each_problem_and_an_invalid_name_is_never_sent() {
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_server_page();
    until("the snapshots", || query_all(&container, "tbody tr") == 2).await;
    click(&button_named(&container, "Create snapshot"));
    until("the dialog", || {
        query(&container, "[role=dialog]").is_some()
    })
    .await;
    let input = query(&container, "#snapshot-name").expect("Name field");
    let problem = || {
        query(&container, "#snapshot-name-problem")
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    };
    assert_eq!(problem(), "", "the suggestion is valid");
    let submit_button = query(&container, "[role=dialog] button[type=submit]").expect("submit");

    for (typed, reason) in [
        ("before update", "spaces cannot be used"),
        ("", "Enter a name for the snapshot."),
        ("snap/shot", "“/” cannot be used"),
        (&"a".repeat(65), "Use at most 64 characters"),
    ] {
        type_into(&input, typed);
        until("the reason", || problem().contains(reason)).await;
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert!(is_disabled(&submit_button), "{typed:?} cannot be submitted");
        let form = query(&container, "[role=dialog] form").expect("form");
        submit(&form);
        tick().await;
    }
    assert_eq!(writes(), 0, "nothing invalid was sent");
    type_into(&input, "valid-name_2");
    until("no reason", || problem().is_empty()).await;
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(!is_disabled(&submit_button));
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn create_is_disabled_with_its_reason_at_five_snapshots() {
    let (container, _handle) = server_page_at_the_limit().await;
    let create = button_named(&container, "Create snapshot");
    assert!(is_disabled(&create));
    assert!(text_of(&container).contains("delete one to create another"));
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn restore_is_disabled_for_a_snapshot_in_progress_and_while_the_server_restores() {
    let body = serde_json::json!({"count": 2, "results": [
        {"id": 1, "server": {"id": 12345, "name": "web-server-01"}, "name": "running", "status": "in_progress",
         "size_mb": null, "created_at": "2025-01-16T16:15:00Z", "description": null},
        {"id": 2, "server": {"id": 12345, "name": "web-server-01"}, "name": "done", "status": "completed",
         "size_mb": 10, "created_at": "2025-01-15T16:15:00Z", "description": null}]})
    .to_string();
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, &body),
    ]);
    let (container, _handle) = mount_server_page();
    until("the snapshots", || query_all(&container, "tbody tr") == 2).await;
    let restore_of = |id: u32| {
        query(&container, &format!("tr[data-snapshot-id='{id}'] button")).expect("Restore")
    };
    assert!(is_disabled(&restore_of(1)));
    assert!(text_of(&container).contains("Available once the snapshot is completed."));
    assert!(!is_disabled(&restore_of(2)));
    clean_up(&container);

    let restoring = SERVERS.replace("\"status\": \"active\"", "\"status\": \"restoring\"");
    routes(&[
        get("/servers/", 200, &restoring),
        get("/snapshots/", 200, &body),
    ]);
    let (container, _handle) = mount_server_page();
    until("the snapshots", || query_all(&container, "tbody tr") == 2).await;
    let restore_of = |id: u32| {
        query(&container, &format!("tr[data-snapshot-id='{id}'] button")).expect("Restore")
    };
    assert!(is_disabled(&restore_of(2)), "no restore while restoring");
    assert!(text_of(&container).contains("Unavailable while the server is restoring."));
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn restore_stays_disabled_until_the_server_name_is_typed_exactly() {
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_server_page();
    until("the snapshots", || query_all(&container, "tbody tr") == 2).await;
    click(&query(&container, "tr[data-snapshot-id='801'] button").expect("Restore"));
    until("the dialog", || {
        query(&container, "[role=dialog]").is_some()
    })
    .await;
    let dialog = query(&container, "[role=dialog]").expect("dialog");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").expect("labelled");
    let title = document()
        .get_element_by_id(&title_id)
        .and_then(|t| t.text_content());
    assert_eq!(
        title.as_deref(),
        Some("Restore web-server-01 from a snapshot?")
    );
    let confirm = query(&container, "[role=dialog] button[type=submit]").expect("Restore");
    let input = query(&container, "#restore-confirm").expect("confirm field");
    until("focus in the field", || {
        document()
            .active_element()
            .is_some_and(|a| a.id() == "restore-confirm")
    })
    .await;
    for typed in ["", "web-server-0", "Web-server-01", "web-server-01 "] {
        type_into(&input, typed);
        tick().await;
        assert!(is_disabled(&confirm), "{typed:?} must not unlock Restore");
    }
    type_into(&input, "web-server-01");
    until("Restore unlocked", || !is_disabled(&confirm)).await;
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .expect("event");
    input.dispatch_event(&escape).expect("dispatched");
    until("the dialog closes", || {
        query(&container, "[role=dialog]").is_none()
    })
    .await;
    assert_eq!(writes(), 0, "Escape sends nothing");
    clean_up(&container);
    fake_fetch::restore_fetch();
}

/// Opens the restore dialog of the first snapshot row and returns the safety checkbox.
async fn open_restore(container: &web_sys::HtmlElement) -> web_sys::HtmlInputElement {
    click(&query(container, "tbody tr button").expect("Restore"));
    until("the dialog", || query(container, "[role=dialog]").is_some()).await;
    query(container, "#restore-save-first")
        .expect("the safety snapshot checkbox")
        .dyn_into::<web_sys::HtmlInputElement>()
        .expect("an input")
}

#[wasm_bindgen_test]
async fn the_safety_snapshot_is_offered_and_checked_when_the_server_has_room() {
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_server_page();
    until("the snapshots", || query_all(&container, "tbody tr") == 2).await;
    let save_first = open_restore(&container).await;
    assert!(save_first.checked());
    assert!(!save_first.disabled());
    assert!(text_of(&container).contains("Take a snapshot of the current state first"));
    clean_up(&container);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn at_five_snapshots_the_safety_snapshot_is_unchecked_disabled_and_explained() {
    let (container, _handle) = server_page_at_the_limit().await;
    let save_first = open_restore(&container).await;
    assert!(!save_first.checked());
    assert!(save_first.disabled());
    assert!(text_of(&container).contains("already has 5 of 5 snapshots"));
    assert_eq!(writes(), 0);
    clean_up(&container);
    fake_fetch::restore_fetch();
}

/// The first cells of the rows inside the open dialog.
fn dialog_row_names(container: &web_sys::HtmlElement) -> Vec<String> {
    let list = container
        .query_selector_all("[role=dialog] tbody tr td:first-child")
        .expect("cells");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|cell| cell.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn dialog_of(container: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    query(container, "[role=dialog]")
        .expect("a dialog")
        .dyn_into()
        .expect("an element")
}

#[wasm_bindgen_test]
async fn make_room_lists_the_snapshots_oldest_first_never_the_one_to_restore() {
    let (container, _handle) = server_page_at_the_limit().await;

    click(&button_named(&container, "Make room…"));
    until("the dialog", || {
        query(&container, "[role=dialog]").is_some()
    })
    .await;
    assert_eq!(dialog_row_names(&container), ["s4", "s3", "s2", "s1", "s0"]);
    let dialog = text_of(&dialog_of(&container));
    assert!(dialog.contains("16 Jan 2025, 08:00 UTC"), "dates: {dialog}");
    assert!(dialog.contains("2.0 GB"), "sizes: {dialog}");
    click(&button_named(&dialog_of(&container), "Cancel"));
    until("closed", || query(&container, "[role=dialog]").is_none()).await;

    // From the restore dialog of s0: s0 is not offered.
    open_restore(&container).await;
    click(&button_named(&dialog_of(&container), "Make room…"));
    until("the list", || dialog_row_names(&container).len() == 4).await;
    assert_eq!(dialog_row_names(&container), ["s4", "s3", "s2", "s1"]);
    assert_eq!(writes(), 0);
    clean_up(&container);
    fake_fetch::restore_fetch();
}
