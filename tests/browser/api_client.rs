//! The real request path (gloo-net, AbortController, timers) against a faked `fetch`.

use crate::fake_fetch::{self, calls, json};
use crate::support::{mount, until};
use leptos::prelude::*;
use vps_panel::api::models::{CreateSnapshot, ServerStatus, SnapshotStatus};
use vps_panel::api::{ApiClient, ApiError, NoAnswer, Progress, ServerFilter};
use vps_panel::load::Load;
use wasm_bindgen_test::*;

const SNAPSHOTS: &str = include_str!("../fixtures/snapshots_list.json");
const CREATED: &str = include_str!("../fixtures/snapshot_created.json");
const RESTORED: &str = include_str!("../fixtures/restore_started.json");

fn client() -> ApiClient {
    ApiClient::new("https://admin.example.test/api/v1", "tok-123")
}

#[wasm_bindgen_test]
async fn a_list_call_sends_the_bearer_token_and_encoded_filters_to_the_slashed_path() {
    json(200, r#"{"count": 0, "results": []}"#);
    let filter = ServerFilter {
        status: Some("active".into()),
        location: Some("us west".into()),
    };
    let page = client().servers(&filter, |_, _| ()).await.expect("decodes");
    assert!(page.results.is_empty());
    let sent = calls();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "GET");
    assert_eq!(
        sent[0].url,
        "https://admin.example.test/api/v1/servers/?status=active&location=us+west"
    );
    assert_eq!(sent[0].headers["authorization"], "Bearer tok-123");
    assert!(
        !sent[0].headers.contains_key("content-type"),
        "no body, no content type"
    );
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn the_snapshot_list_is_filtered_by_server_and_decodes_the_documented_example() {
    json(200, SNAPSHOTS);
    let page = client()
        .snapshots(Some(12345), |_, _| ())
        .await
        .expect("decodes");
    assert_eq!(page.results.len(), 2);
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
    assert_eq!(
        calls()[0].url,
        "https://admin.example.test/api/v1/snapshots/?server_id=12345"
    );
    json(200, SNAPSHOTS);
    client().snapshots(None, |_, _| ()).await.expect("decodes");
    assert_eq!(
        calls()[0].url,
        "https://admin.example.test/api/v1/snapshots/"
    );
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn create_posts_json_with_a_content_type() {
    json(201, CREATED);
    let created = client()
        .create_snapshot(&CreateSnapshot {
            server_id: 12345,
            name: "before-update-snapshot".into(),
            description: Some("Snapshot before system update".into()),
        })
        .await
        .expect("decodes");
    assert_eq!(created.snapshot.size_mb, None);
    let sent = &calls()[0];
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.url, "https://admin.example.test/api/v1/snapshots/");
    assert_eq!(sent.headers["content-type"], "application/json");
    let body: serde_json::Value =
        serde_json::from_str(sent.body.as_deref().unwrap_or_default()).expect("JSON body");
    assert_eq!(
        body,
        serde_json::json!({"server_id": 12345, "name": "before-update-snapshot",
                           "description": "Snapshot before system update"})
    );
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn restore_and_delete_use_their_documented_paths_and_methods() {
    json(200, RESTORED);
    let restore = client().restore_snapshot(801).await.expect("decodes");
    assert_eq!(restore.server.status, ServerStatus::Restoring);
    assert_eq!(
        (calls()[0].method.as_str(), calls()[0].url.as_str()),
        (
            "POST",
            "https://admin.example.test/api/v1/snapshots/801/restore/"
        )
    );
    json(204, "");
    client().delete_snapshot(801).await.expect("204 is success");
    assert_eq!(
        (calls()[0].method.as_str(), calls()[0].url.as_str()),
        ("DELETE", "https://admin.example.test/api/v1/snapshots/801/")
    );
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn each_failure_maps_to_its_error() {
    json(401, r#"{"detail": "Invalid token."}"#);
    let error = client().me().await.expect_err("401");
    assert_eq!(
        error,
        ApiError::Unauthorized {
            message: Some("Invalid token.".into())
        }
    );

    json(404, r#"{"detail": "Snapshot not found."}"#);
    let error = client().delete_snapshot(1).await.expect_err("404");
    assert_eq!(
        error,
        ApiError::NotFound {
            message: "Snapshot not found.".into()
        }
    );

    json(400, r#"{"name": ["Name may only contain letters."]}"#);
    let error = refused_create().await;
    assert_eq!(
        error.field_errors()["name"],
        vec!["Name may only contain letters."]
    );

    fake_fetch::fake_respond(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html");
    let error = client()
        .servers(&ServerFilter::default(), |_, _| ())
        .await
        .expect_err("502");
    assert_eq!(
        error.to_string(),
        "The API answered with HTTP 502 Bad Gateway."
    );

    json(200, r#"{"count": 2, "results": [{"id": 801, "name": "#);
    let error = client()
        .snapshots(None, |_, _| ())
        .await
        .expect_err("garbled");
    assert!(matches!(error, ApiError::Decode(_)), "{error:?}");

    fake_fetch::fake_respond(200, "<!DOCTYPE html><html></html>", "text/html");
    let error = client().snapshots(None, |_, _| ()).await.expect_err("html");
    assert!(matches!(error, ApiError::Decode(_)), "{error:?}");

    fake_fetch::fake_network_error();
    let error = client().me().await.expect_err("unreachable");
    let ApiError::Network(unreached) = error else {
        panic!("a network error, not {error:?}");
    };
    // Nothing answers even a probe: the address may be wrong. The browser's own words are kept,
    // so an operator can search for them.
    assert_eq!(unreached.cause, NoAnswer::NothingAnswers);
    assert_eq!(unreached.detail, "TypeError: Failed to fetch");
    assert_eq!(unreached.api_base, "https://admin.example.test/api/v1");
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_request_refused_by_cors_while_a_probe_gets_through_names_the_origin_to_allow() {
    fake_fetch::fake_cors_refusal();
    let error = client().me().await.expect_err("refused");
    let ApiError::Network(unreached) = error else {
        panic!("a network error, not {error:?}");
    };
    assert_eq!(unreached.cause, NoAnswer::RefusedOrigin);
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    assert_eq!(unreached.page_origin, origin);
    // The probe went to the API base, in no-cors mode, without the token.
    let calls = fake_fetch::calls();
    assert_eq!(calls.len(), 2, "{calls:?}");
    let probe = &calls[1];
    assert_eq!(probe.url, "https://admin.example.test/api/v1");
    assert_eq!(probe.mode.as_deref(), Some("no-cors"));
    assert!(!probe.headers.contains_key("authorization"));
    assert!(ApiError::Network(unreached)
        .to_string()
        .contains("does not allow requests from this page"),);
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_429_waits_as_retry_after_says_else_as_drf_s_body_says() {
    fake_fetch::json(
        429,
        r#"{"detail": "Request was throttled. Expected available in 7 seconds."}"#,
    );
    let error = client().me().await.expect_err("throttled");
    assert_eq!(
        error,
        ApiError::Throttled {
            message: "Request was throttled. Expected available in 7 seconds.".into(),
            wait_s: Some(7)
        }
    );
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_request_that_outlives_its_timeout_is_aborted_and_reported() {
    fake_fetch::fake_hang();
    let error = client()
        .with_timeout_ms(50)
        .me()
        .await
        .expect_err("times out");
    assert_eq!(error, ApiError::Timeout(1));
    assert!(fake_fetch::last_signal_aborted());
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_request_whose_view_goes_away_is_aborted() {
    fake_fetch::fake_hang();
    let (container, handle) = mount(|| {
        let servers = Load::new(|| client().servers(&ServerFilter::default(), |_, _| ()));
        view! {
            <p>{move || if servers.get().is_some() { "done" } else { "loading" }}</p>
        }
    });
    until("the request is sent", || calls().len() == 1).await;
    assert!(!fake_fetch::last_signal_aborted());
    drop(handle);
    until("the request is aborted", fake_fetch::last_signal_aborted).await;
    container.remove();
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_dropped_request_future_aborts_its_fetch() {
    fake_fetch::fake_hang();
    let pending = client().me();
    let racing = async {
        futures_lite_poll_once(pending).await;
    };
    racing.await;
    assert!(fake_fetch::last_signal_aborted());
    fake_fetch::restore_fetch();
}

/// Polls a future once, so its request starts, then drops it.
async fn futures_lite_poll_once<F: std::future::Future>(future: F) {
    let mut future = Box::pin(future);
    std::future::poll_fn(|cx| {
        let _ = future.as_mut().poll(cx);
        std::task::Poll::Ready(())
    })
    .await;
    drop(future);
}

#[wasm_bindgen_test]
async fn config_json_sets_the_api_base_and_a_broken_one_falls_back_to_the_default() {
    json(200, r#"{"api_base": "https://admin.vps.org/api/v1/"}"#);
    let config = vps_panel::api::load_config().await;
    assert_eq!(config.api_base, "https://admin.vps.org/api/v1");
    assert!(calls()[0].url.ends_with("/config.json"));

    fake_fetch::fake_respond(404, "<html>Not Found</html>", "text/html");
    assert_eq!(vps_panel::api::load_config().await.api_base, "/api/v1");

    json(200, "{not json");
    assert_eq!(vps_panel::api::load_config().await.api_base, "/api/v1");

    fake_fetch::fake_network_error();
    assert_eq!(vps_panel::api::load_config().await.api_base, "/api/v1");
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_write_is_not_cancelled_when_the_view_that_sent_it_goes_away() {
    fake_fetch::fake_hang();
    let sent: std::rc::Rc<std::cell::RefCell<Vec<PendingWrite>>> = Default::default();
    let keep = std::rc::Rc::clone(&sent);
    let (container, handle) = mount(move || {
        // The future is kept outside the view, as a spawned action's is.
        keep.borrow_mut()
            .push(Box::pin(client().delete_snapshot(801)));
        view! { <p>"sending"</p> }
    });
    let mut pending = sent.borrow_mut().pop().expect("a request");
    futures_lite_poll_ref(&mut pending).await;
    until("the request is sent", || calls().len() == 1).await;
    drop(handle);
    gloo_timers::future::TimeoutFuture::new(20).await;
    assert!(!fake_fetch::last_signal_aborted(), "the write goes on");
    container.remove();
    drop(pending);
    fake_fetch::restore_fetch();
}

type PendingWrite = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), ApiError>>>>;

/// Polls a future once without dropping it.
async fn futures_lite_poll_ref<F: std::future::Future + Unpin>(future: &mut F) {
    std::future::poll_fn(|cx| {
        let _ = std::pin::Pin::new(&mut *future).poll(cx);
        std::task::Poll::Ready(())
    })
    .await;
}

const PAGE_1: &str = r#"{"count": 5, "next": "https://admin.example.test/api/v1/servers/?status=active&page=2", "previous": null, "results": [
  {"id": 1, "name": "a", "status": "active"}, {"id": 2, "name": "b", "status": "active"}]}"#;
const PAGE_2: &str = r#"{"count": 5, "next": "https://admin.example.test/api/v1/servers/?status=active&page=3", "previous": "x", "results": [
  {"id": 3, "name": "c", "status": "active"}, {"id": 4, "name": "d", "status": "active"}]}"#;
const PAGE_3: &str = r#"{"count": 5, "next": null, "previous": "x", "results": [{"id": 5, "name": "e", "status": "active"}]}"#;

fn active() -> ServerFilter {
    ServerFilter {
        status: Some("active".into()),
        location: None,
    }
}

#[wasm_bindgen_test]
async fn a_paged_list_is_followed_to_its_end_with_the_token_and_progress_on_each_page() {
    fake_fetch::routes(&[
        fake_fetch::get("page=3", 200, PAGE_3),
        fake_fetch::get("page=2", 200, PAGE_2),
        fake_fetch::get("servers/", 200, PAGE_1),
    ]);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let heard = seen.clone();
    let listing = client()
        .servers(
            &active(),
            move |p: Progress, _: &[vps_panel::api::models::Server]| {
                heard.borrow_mut().push((p.loaded, p.count))
            },
        )
        .await
        .expect("three pages");
    let ids: Vec<u64> = listing.results.iter().map(|s| s.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!((listing.count, listing.truncated), (Some(5), false));
    assert_eq!(*seen.borrow(), [(2, Some(5)), (4, Some(5)), (5, Some(5))]);
    let sent = calls();
    assert_eq!(sent.len(), 3);
    assert!(sent
        .iter()
        .all(|c| c.headers["authorization"] == "Bearer tok-123"));
    assert_eq!(
        sent[2].url,
        "https://admin.example.test/api/v1/servers/?status=active&page=3"
    );
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_next_link_outside_the_api_base_is_an_error_and_gets_no_request() {
    let elsewhere = PAGE_1.replace(
        "https://admin.example.test/api/v1/",
        "https://collector.example/api/v1/",
    );
    fake_fetch::routes(&[fake_fetch::get("servers/", 200, &elsewhere)]);
    let error = client()
        .servers(&active(), |_, _| ())
        .await
        .expect_err("refused");
    assert!(matches!(error, ApiError::UnsafeLink(_)), "{error:?}");
    assert!(error.to_string().contains("did not follow it"));
    assert_eq!(calls().len(), 1, "nothing was sent to the other host");
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_failure_on_a_later_page_fails_the_whole_list() {
    fake_fetch::routes(&[
        fake_fetch::get("page=2", 500, r#"{"detail": "Server error on page 2."}"#),
        fake_fetch::get("servers/", 200, PAGE_1),
    ]);
    let error = client()
        .servers(&active(), |_, _| ())
        .await
        .expect_err("page 2 failed");
    assert_eq!(error.to_string(), "Server error on page 2.");
    fake_fetch::restore_fetch();
}

#[wasm_bindgen_test]
async fn a_list_that_never_ends_stops_at_the_page_cap_and_says_it_was_cut_short() {
    // Every page links to another: without the cap this would never finish.
    fake_fetch::routes(&[fake_fetch::get("servers/", 200, PAGE_1)]);
    let listing = client()
        .servers(&active(), |_, _| ())
        .await
        .expect("capped, not failed");
    assert_eq!(calls().len(), vps_panel::api::MAX_PAGES);
    assert!(listing.truncated);
    assert_eq!(listing.results.len(), 2 * vps_panel::api::MAX_PAGES);
    assert_eq!(listing.count, Some(5));
    fake_fetch::restore_fetch();
}

/// The shipped decoding path (the browser's `JSON.parse`, then the decoders over `JsValue`), which the
/// native tests of the same rules do not run: wrong types and odd numbers are a `Decode`
/// error, never a panic or a silently wrong value; nulls, unknown fields and an absent
/// description are read as the native rules read them.
#[wasm_bindgen_test]
async fn the_browser_json_path_reads_what_the_native_rules_read_and_refuses_wrong_types() {
    let snapshot = |id: &str, size: &str| {
        format!(
            r#"{{"count": 1, "next": null, "results": [{{"id": {id}, "server": {{"id": 7, "name": null}},
            "name": "n", "status": "queued", "size_mb": {size}, "created_at": "2025-01-15T18:30:00Z",
            "description": null, "extra": {{"nested": [1, 2]}}}}]}}"#
        )
    };
    json(200, &snapshot("801", "null"));
    let list = client().snapshots(None, |_, _| ()).await.expect("decodes");
    let read = &list.results[0];
    assert_eq!((read.id, read.server.id, read.size_mb), (801, 7, None));
    assert_eq!(read.status, SnapshotStatus::Other("queued".into()));
    assert_eq!(read.server.name, None);

    for (id, size, what) in [
        (r#""801""#, "null", "an id as text"),
        ("801.5", "null", "a fractional id"),
        ("-1", "null", "a negative id"),
        ("801", r#""big""#, "a size as text"),
        ("801", "[]", "a size as a list"),
    ] {
        json(200, &snapshot(id, size));
        let error = client().snapshots(None, |_, _| ()).await.expect_err(what);
        assert!(matches!(error, ApiError::Decode(_)), "{what}: {error:?}");
    }

    // A list where an object belongs is refused, and the reason names where it is.
    json(
        200,
        r#"{"count": 1, "results": [[801, {"id": 7}, "n", "completed", null, "x", null]]}"#,
    );
    let error = client()
        .snapshots(None, |_, _| ())
        .await
        .expect_err("a list, not an object");
    assert!(
        matches!(&error, ApiError::Decode(detail) if detail.starts_with("results[0]")),
        "{error:?}"
    );
    // A wrongly typed member: serde's words and the path to it.
    json(200, &snapshot(r#""801""#, "null"));
    let error = client()
        .snapshots(None, |_, _| ())
        .await
        .expect_err("an id as text");
    assert!(
        matches!(&error, ApiError::Decode(detail)
            if detail == r#"results[0].id: invalid type: string "801", expected a whole number"#),
        "{error:?}"
    );

    // Error bodies: strings and lists of strings count, anything else is skipped.
    json(
        400,
        r#"{"name": "Required.", "server_id": 5, "nested": {"a": ["b"]}, "tags": [1, "x"], "detail": null}"#,
    );
    let error = refused_create().await;
    let fields = error.field_errors();
    assert_eq!(fields.get("name"), Some(&vec!["Required.".to_owned()]));
    assert_eq!(fields.get("server_id"), None);
    assert_eq!(fields.get("nested"), None);
    assert_eq!(fields.get("tags"), Some(&vec!["x".to_owned()]));
    // The request left out the absent description.
    let sent = calls().pop().and_then(|c| c.body).unwrap_or_default();
    assert_eq!(sent, r#"{"server_id":1,"name":"x"}"#);
    fake_fetch::restore_fetch();
}

/// A create of "x" on server 1 that the faked API refuses (with whatever it was set to answer).
async fn refused_create() -> ApiError {
    client()
        .create_snapshot(&CreateSnapshot {
            server_id: 1,
            name: "x".into(),
            description: None,
        })
        .await
        .expect_err("refused")
}
