//! Fleet work on the servers page: a row's checkbox and "Select all", the snapshot preview, and
//! a batch that sends one create per server and logs it in the tab's activity.

use crate::fake_fetch::{self, calls, get, routes, Route};
use crate::support::*;
use leptos::prelude::*;
use vps_panel::activity::Activity;
use vps_panel::components::Notifier;
use vps_panel::features::servers::fleet::{Fleet, FleetDialogs};
use vps_panel::features::servers::ServersPage;
use vps_panel::router::RouterProvider;
use wasm_bindgen_test::*;

const SERVERS: &str = include_str!("../fixtures/servers_list.json");
const SNAPSHOTS: &str = include_str!("../fixtures/snapshots_list.json");
const CREATED: &str = include_str!("../fixtures/snapshot_created.json");

/// The first element matching `selector` whose text contains `text`.
fn find(container: &web_sys::HtmlElement, selector: &str, text: &str) -> Option<web_sys::Element> {
    let list = container.query_selector_all(selector).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .find(|e| e.text_content().unwrap_or_default().contains(text))
}

#[wasm_bindgen_test]
async fn a_batch_previews_each_server_then_sends_one_create_each_and_logs_it() {
    routes(&[
        get("/servers/", 200, SERVERS),
        Route {
            url_part: "/snapshots/",
            method: Some("POST"),
            status: 201,
            body: CREATED,
        },
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let session = signed_in_session();
    let activity = StoredValue::new(None::<Activity>);
    let fleet = StoredValue::new(None::<Fleet>);
    let (container, _handle) = mount(move || {
        provide_context(session);
        provide_context(Notifier::new());
        activity.set_value(Some(Activity::new(session)));
        fleet.set_value(Some(Fleet::new()));
        provide_context(activity.get_value().expect("made"));
        provide_context(fleet.get_value().expect("made"));
        view! { <RouterProvider><ServersPage/><FleetDialogs/></RouterProvider> }
    });
    until("a row", || query_all(&container, "tbody tr") == 1).await;
    let checkbox = query(&container, "tbody input[type=checkbox]").expect("a checkbox");
    assert_eq!(
        checkbox.get_attribute("aria-label").as_deref(),
        Some("Select web-server-01")
    );
    let select_all =
        find(&container, "button", "Select the 1 matching server").expect("select all");
    click(&select_all);
    until("the count", || {
        text_of(&container).contains("1 server selected")
    })
    .await;
    let selection = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item("vps-panel.selection").ok().flatten());
    assert_eq!(selection.as_deref(), Some("12345"), "tab state");

    click(&find(&container, "button", "Snapshot selected…").expect("the action"));
    until("the preview", || {
        find(&container, "[role=dialog] tbody tr", "web-server-01-").is_some()
    })
    .await;
    let row = find(&container, "[role=dialog] tbody tr", "web-server-01-").expect("row");
    let row = row.text_content().unwrap_or_default();
    assert!(row.contains("2 of 5") && row.contains("Create"), "{row}");

    click(&find(&container, "[role=dialog] button", "Start batch").expect("start"));
    until("the batch's end", || {
        text_of(&container).contains("1 of 1 processed")
    })
    .await;
    let creates: Vec<_> = calls().into_iter().filter(|c| c.method == "POST").collect();
    assert_eq!(creates.len(), 1, "one create for one server");
    let body = creates[0].body.clone().unwrap_or_default();
    assert!(body.contains(r#""server_id":12345"#), "{body}");
    let logged = activity
        .get_value()
        .map(|a| a.entries().get_untracked())
        .unwrap_or_default();
    assert_eq!(logged.len(), 1);
    assert!(logged[0].batch && logged[0].server == "web-server-01");
    clean_up(&container);
    fake_fetch::restore_fetch();
}
