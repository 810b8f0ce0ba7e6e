//! The simulator's answers against the documented examples (`tests/fixtures/` of the panel):
//! the same keys with the same value types, so the simulator cannot drift from the docs.

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};
use tower::ServiceExt;
use vps_devapi::args::Args;

const TOKEN: &str = "contract-test-token";

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/../tests/fixtures/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn app() -> axum::Router {
    vps_devapi::app(Args {
        token: TOKEN.into(),
        create_delay_ms: 60_000,
        restore_delay_ms: 60_000,
        ..Args::default()
    })
}

/// The simulator with its control endpoints, as the e2e tests run it.
fn controlled_app() -> axum::Router {
    vps_devapi::app(Args {
        control: true,
        token: TOKEN.into(),
        ..Args::default()
    })
}

/// Sets the fault settings through the control endpoint, as the e2e tests do.
async fn set_faults(app: &axum::Router, faults: Value) {
    let (status, _) = call(app, "PUT", "/__devapi/faults", Some(faults)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

async fn call(
    app: &axum::Router,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    call_with(app, method, uri, body, Some(TOKEN)).await
}

async fn call_with(
    app: &axum::Router,
    method: &str,
    uri: &str,
    body: Option<Value>,
    token: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("Host", "localhost");
    if let Some(token) = token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    let request = match body {
        Some(body) => request
            .header("Content-Type", "application/json")
            .body(Body::from(body.to_string())),
        None => request.body(Body::empty()),
    }
    .expect("request");
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), 1 << 20).await.expect("body");
    let value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()))
    };
    (status, value)
}

/// The JSON type of a value, with `null` matching anything optional (`size_mb`, `description`).
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Asserts `actual` has exactly the documented keys, recursively, with the same value types.
fn assert_same_shape(documented: &Value, actual: &Value, at: &str) {
    match (documented, actual) {
        (Value::Object(doc), Value::Object(act)) => {
            let doc_keys: Vec<_> = doc.keys().collect();
            let act_keys: Vec<_> = act.keys().collect();
            assert_eq!(doc_keys, act_keys, "keys at {at}");
            for (key, value) in doc {
                assert_same_shape(value, &act[key], &format!("{at}.{key}"));
            }
        }
        (Value::Array(doc), Value::Array(act)) => {
            if let Some(first) = doc.first() {
                for (i, item) in act.iter().enumerate() {
                    assert_same_shape(first, item, &format!("{at}[{i}]"));
                }
            }
        }
        // Optional values: documented null may be a number later, documented value may be null.
        (Value::Null, _) | (_, Value::Null) => {}
        _ => assert_eq!(kind(documented), kind(actual), "type at {at}"),
    }
}

#[tokio::test]
async fn the_snapshot_list_has_the_documented_shape() {
    let app = app();
    let (status, body) = call(&app, "GET", "/api/v1/snapshots/?server_id=12345", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_same_shape(&fixture("snapshots_list"), &body, "$");
    assert_eq!(body["count"], 2);
    let (_, all) = call(&app, "GET", "/api/v1/snapshots/", None).await;
    assert!(all["count"].as_u64() > body["count"].as_u64());
    assert_same_shape(&fixture("snapshots_list"), &all, "$");
}

#[tokio::test]
async fn the_server_list_has_the_documented_shape_and_both_filters_work() {
    let app = app();
    let (status, body) = call(&app, "GET", "/api/v1/servers/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_same_shape(&fixture("servers_list"), &body, "$");
    let (_, active) = call(&app, "GET", "/api/v1/servers/?status=active", None).await;
    let results = active["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.iter().all(|s| s["status"] == "active"));
    let (_, west) = call(
        &app,
        "GET",
        "/api/v1/servers/?status=active&location=us-west",
        None,
    )
    .await;
    let results = west["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(results
        .iter()
        .all(|s| s["location"] == "us-west" && s["status"] == "active"));
    assert_eq!(west["count"].as_u64(), Some(results.len() as u64));
}

#[tokio::test]
async fn account_me_has_the_documented_shape() {
    let (status, body) = call(&app(), "GET", "/api/v1/account/me/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_same_shape(&fixture("account_me"), &body, "$");
}

#[tokio::test]
async fn create_answers_201_with_the_documented_shape_in_progress_and_no_size() {
    let app = app();
    let request = json!({"server_id": 12345, "name": "before-update-snapshot", "description": "Snapshot before system update"});
    let (status, body) = call(&app, "POST", "/api/v1/snapshots/", Some(request)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_same_shape(&fixture("snapshot_created"), &body, "$");
    assert_eq!(body["status"], "in_progress");
    assert_eq!(body["size_mb"], Value::Null);
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn restore_answers_200_with_the_documented_shape_then_refuses_a_second() {
    let app = app();
    let (status, body) = call(&app, "POST", "/api/v1/snapshots/801/restore/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_same_shape(&fixture("restore_started"), &body, "$");
    assert_eq!(body["server"]["status"], "restoring");
    let (status, body) = call(&app, "POST", "/api/v1/snapshots/798/restore/", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["detail"].as_str().is_some());
}

#[tokio::test]
async fn restoring_an_unfinished_snapshot_is_a_400() {
    let app = app();
    let (_, created) = call(
        &app,
        "POST",
        "/api/v1/snapshots/",
        Some(json!({"server_id": 12347, "name": "new"})),
    )
    .await;
    let id = created["id"].as_u64().expect("id");
    let (status, _) = call(
        &app,
        "POST",
        &format!("/api/v1/snapshots/{id}/restore/"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn delete_answers_204_with_no_body_then_404() {
    let app = app();
    let (status, body) = call(&app, "DELETE", "/api/v1/snapshots/798/", None).await;
    assert_eq!((status, body), (StatusCode::NO_CONTENT, Value::Null));
    let (status, body) = call(&app, "DELETE", "/api/v1/snapshots/798/", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["detail"].is_string());
}

#[tokio::test]
async fn a_missing_or_wrong_token_is_a_401_with_detail() {
    let app = app();
    for token in [None, Some("wrong")] {
        let (status, body) = call_with(&app, "GET", "/api/v1/servers/", None, token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body["detail"].is_string());
    }
}

#[tokio::test]
async fn bad_create_bodies_get_per_field_errors() {
    let app = app();
    let cases = [
        (json!({"name": "x"}), "server_id"),
        (json!({"server_id": 12345}), "name"),
        (json!({"server_id": 12345, "name": "has space"}), "name"),
        (json!({"server_id": 12345, "name": ""}), "name"),
        (json!({"server_id": "abc", "name": "x"}), "server_id"),
        (
            json!({"server_id": 12345, "name": "x", "description": 5}),
            "description",
        ),
    ];
    for (request, field) in cases {
        let (status, body) = call(&app, "POST", "/api/v1/snapshots/", Some(request.clone())).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{request}");
        assert!(body[field][0].is_string(), "{request} -> {body}");
    }
}

#[tokio::test]
async fn the_sixth_snapshot_is_a_400_and_an_unknown_server_a_404() {
    let app = app();
    let (status, body) = call(
        &app,
        "POST",
        "/api/v1/snapshots/",
        Some(json!({"server_id": 12346, "name": "sixth"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["non_field_errors"][0]
        .as_str()
        .is_some_and(|m| m.contains("limit")));
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/snapshots/",
        Some(json!({"server_id": 1, "name": "x"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn wrong_methods_are_405_and_paths_without_the_trailing_slash_are_not_served() {
    let app = app();
    let (status, _) = call(&app, "PUT", "/api/v1/snapshots/", None).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    let (status, _) = call(&app, "GET", "/api/v1/snapshots/801/", None).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    for path in ["/api/v1/servers", "/api/v1/snapshots", "/api/v1/account/me"] {
        let (status, _) = call(&app, "GET", path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_control_endpoints_exist_only_with_the_flag() {
    let (status, _) = call(&app(), "POST", "/__devapi/reset", None).await;
    assert_ne!(status, StatusCode::NO_CONTENT);
    let controlled = controlled_app();
    set_faults(
        &controlled,
        json!({"error_rate": 1, "mode": "html-502", "count": 1}),
    )
    .await;
    let (status, body) = call(&controlled, "GET", "/api/v1/servers/", None).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert!(body.as_str().is_some_and(|html| html.contains("<html>")));
    let (status, _) = call(&controlled, "GET", "/api/v1/servers/", None).await;
    assert_eq!(status, StatusCode::OK, "the fault count ran out");
}

#[tokio::test]
async fn malformed_json_fault_is_a_200_that_does_not_parse() {
    let app = vps_devapi::app(Args {
        token: TOKEN.into(),
        faults: vps_devapi::faults::FaultSettings {
            error_rate: 1.0,
            mode: vps_devapi::faults::FaultMode::MalformedJson,
            ..Default::default()
        },
        ..Args::default()
    });
    let (status, body) = call(&app, "GET", "/api/v1/servers/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_string(), "not JSON: {body}");
}

#[tokio::test]
async fn wrong_type_fault_is_a_whole_list_with_an_id_as_text() {
    let app = controlled_app();
    let faults = json!({"error_rate": 1, "mode": "wrong-type", "count": 1});
    set_faults(&app, faults).await;
    let (status, body) = call(&app, "GET", "/api/v1/snapshots/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["results"][0]["id"], "801", "{body}");
    let (_, body) = call(&app, "GET", "/api/v1/snapshots/", None).await;
    assert!(body["results"][0]["id"].is_u64(), "one fault only: {body}");
}

#[tokio::test]
async fn mixed_faults_vary_and_leave_the_world_untouched() {
    let app = controlled_app();
    let faults = json!({"error_rate": 1, "mode": "mixed"});
    set_faults(&app, faults).await;
    let mut statuses = std::collections::BTreeSet::new();
    for _ in 0..60 {
        let request = Request::builder()
            .method("POST")
            .uri("/api/v1/snapshots/")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header("Content-Type", "application/json")
            .body(Body::from(
                json!({"server_id": 12345, "name": "never-made"}).to_string(),
            ))
            .expect("request");
        // Not read to the end: a dropped connection's body fails by design.
        let status = app
            .clone()
            .oneshot(request)
            .await
            .expect("infallible")
            .status();
        assert_ne!(
            status,
            StatusCode::CREATED,
            "a faulted write is not applied"
        );
        statuses.insert(status.as_u16());
    }
    // 500, 429, 502 and 200 (headers, then a dropped connection).
    assert!(statuses.len() >= 3, "{statuses:?}");
    set_faults(&app, json!({})).await;
    let (_, after) = call(&app, "GET", "/api/v1/snapshots/?server_id=12345", None).await;
    assert!(!after.to_string().contains("never-made"), "{after}");
}

#[tokio::test]
async fn a_lost_answer_fault_carries_the_write_out_and_answers_502_or_drops() {
    let app = controlled_app();
    for (mode, name) in [
        ("lost-502", "made-behind-a-502"),
        ("lost-drop", "made-then-dropped"),
    ] {
        let faults = json!({"error_rate": 1, "mode": mode, "count": 1});
        set_faults(&app, faults).await;
        let request = Request::builder()
            .method("POST")
            .uri("/api/v1/snapshots/")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header("Content-Type", "application/json")
            .body(Body::from(
                json!({"server_id": 12345, "name": name}).to_string(),
            ))
            .expect("request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        let body = to_bytes(response.into_body(), 1 << 20).await;
        match mode {
            "lost-502" => assert!(
                body.is_ok_and(|b| String::from_utf8_lossy(&b).contains("502 Bad Gateway")),
                "a proxy's HTML 502 instead of the answer"
            ),
            _ => assert!(body.is_err(), "the answer's body never completes"),
        }
        let (_, after) = call(&app, "GET", "/api/v1/snapshots/?server_id=12345", None).await;
        assert!(
            after.to_string().contains(name),
            "the write was carried out: {after}"
        );
    }
}

#[tokio::test]
async fn a_read_only_token_reads_and_gets_drf_s_403_on_every_write() {
    let app = vps_devapi::app(Args {
        token: TOKEN.into(),
        read_only_token: Some("read-only".into()),
        ..Args::default()
    });
    let read_only = Some("read-only");
    let (status, me) = call_with(&app, "GET", "/api/v1/account/me/", None, read_only).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["token"]["permissions"], json!(["read"]));
    let (_, me) = call(&app, "GET", "/api/v1/account/me/", None).await;
    assert_eq!(me["token"]["permissions"], json!(["read", "write"]));
    let (status, _) = call_with(&app, "GET", "/api/v1/snapshots/", None, read_only).await;
    assert_eq!(status, StatusCode::OK);
    let forbidden = json!({"detail": "You do not have permission to perform this action."});
    let create = json!({"server_id": 12345, "name": "not-allowed"});
    for (method, uri, body) in [
        ("POST", "/api/v1/snapshots/", Some(create)),
        ("POST", "/api/v1/snapshots/801/restore/", None),
        ("DELETE", "/api/v1/snapshots/801/", None),
    ] {
        let (status, said) = call_with(&app, method, uri, body, read_only).await;
        assert_eq!(
            (status, said),
            (StatusCode::FORBIDDEN, forbidden.clone()),
            "{method} {uri}"
        );
    }
    let (_, after) = call(&app, "GET", "/api/v1/snapshots/?server_id=12345", None).await;
    assert!(!after.to_string().contains("not-allowed"), "{after}");
    assert!(
        after.to_string().contains("801"),
        "801 is still there: {after}"
    );
}

#[tokio::test]
async fn past_the_rate_limit_the_api_answers_drf_s_429_and_carries_nothing_out() {
    let mut args = Args {
        token: TOKEN.into(),
        ..Args::default()
    };
    args.faults.rate_limit = Some(vps_devapi::faults::RateLimit::parse("2/60").expect("limit"));
    let app = vps_devapi::app(args);
    for _ in 0..2 {
        let (status, _) = call(&app, "GET", "/api/v1/snapshots/", None).await;
        assert_eq!(status, StatusCode::OK);
    }
    let create = json!({"server_id": 12345, "name": "too-soon"});
    let (status, said) = call(&app, "POST", "/api/v1/snapshots/", Some(create)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let detail = said["detail"].as_str().unwrap_or_default().to_owned();
    assert!(
        detail.starts_with("Request was throttled. Expected available in ")
            && detail.ends_with(" seconds."),
        "{detail}"
    );
    let request = Request::builder()
        .method("GET")
        .header("Host", "localhost")
        .header("Authorization", format!("Bearer {TOKEN}"));
    let retry_after = header_of(&app, request, "http://localhost", "retry-after").await;
    let seconds: u64 = retry_after.as_deref().unwrap_or("").parse().unwrap_or(0);
    assert!((1..=60).contains(&seconds), "Retry-After {retry_after:?}");
}

#[tokio::test]
async fn a_deep_link_gets_index_html_and_a_missing_asset_a_404() {
    let dist = std::env::temp_dir().join(format!("devapi-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    std::fs::write(dist.join("index.html"), "<html>panel</html>").expect("write");
    let app = vps_devapi::app(Args {
        dist: dist.clone(),
        ..Args::default()
    });
    let (status, body) = call(&app, "GET", "/servers/12345", None).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, Some("<html>panel</html>"))
    );
    let (status, _) = call(&app, "GET", "/missing.wasm", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let _ = std::fs::remove_dir_all(dist);
}

/// A header of the answer to `request`, sent from `origin` to the servers list.
async fn header_of(
    app: &axum::Router,
    request: axum::http::request::Builder,
    origin: &str,
    name: &str,
) -> Option<String> {
    let request = request
        .uri("/api/v1/servers/")
        .header("Origin", origin)
        .body(Body::empty())
        .expect("request");
    let response = app.clone().oneshot(request).await.expect("infallible");
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// `Access-Control-Allow-Origin` of a preflight as Chromium sends it before a cross-origin GET
/// with a bearer token.
async fn preflight(app: &axum::Router, origin: &str) -> Option<String> {
    let request = Request::builder()
        .method("OPTIONS")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization");
    header_of(app, request, origin, "access-control-allow-origin").await
}

#[tokio::test]
async fn cross_origin_calls_are_allowed_only_for_the_origins_it_is_told() {
    let open_to_one = vps_devapi::app(Args {
        token: TOKEN.into(),
        allow_origins: vec!["http://127.0.0.1:9000".into()],
        ..Args::default()
    });
    assert_eq!(
        preflight(&open_to_one, "http://127.0.0.1:9000")
            .await
            .as_deref(),
        Some("http://127.0.0.1:9000")
    );
    assert_eq!(preflight(&open_to_one, "http://evil.example").await, None);
    assert_eq!(preflight(&app(), "http://127.0.0.1:9000").await, None);
}

/// `Access-Control-Expose-Headers` of a cross-origin GET from `origin`, in lower case.
async fn exposed(app: &axum::Router, origin: &str) -> Option<String> {
    let request = Request::builder().header("Authorization", format!("Bearer {TOKEN}"));
    header_of(app, request, origin, "access-control-expose-headers")
        .await
        .map(|names| names.to_ascii_lowercase())
}

#[tokio::test]
async fn response_headers_are_readable_cross_origin_only_when_exposed() {
    let origin = "http://127.0.0.1:9000";
    let exposing = vps_devapi::app(Args {
        token: TOKEN.into(),
        allow_origins: vec![origin.into()],
        expose_headers: vec!["Retry-After".into()],
        ..Args::default()
    });
    assert_eq!(
        exposed(&exposing, origin).await.as_deref(),
        Some("retry-after")
    );
    let silent = vps_devapi::app(Args {
        token: TOKEN.into(),
        allow_origins: vec![origin.into()],
        ..Args::default()
    });
    assert_eq!(
        exposed(&silent, origin).await,
        None,
        "as CORS has it by default"
    );
}

fn paged_app(page_size: usize, extra_servers: usize) -> axum::Router {
    vps_devapi::app(Args {
        token: TOKEN.into(),
        page_size: Some(page_size),
        servers: extra_servers,
        ..Args::default()
    })
}

/// Follows `next` from `first` (a path) to the end; the ids seen and every page's body.
async fn walk(app: &axum::Router, first: &str) -> (Vec<u64>, Vec<Value>) {
    let mut ids = Vec::new();
    let mut pages = Vec::new();
    let mut next = Some(first.to_owned());
    while let Some(path) = next.take() {
        let (status, body) = call(app, "GET", &path, None).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        ids.extend(
            body["results"]
                .as_array()
                .expect("results")
                .iter()
                .map(|item| item["id"].as_u64().expect("id")),
        );
        next = body["next"].as_str().map(|link| {
            link.strip_prefix("http://localhost")
                .expect("absolute, same host")
                .to_owned()
        });
        pages.push(body);
    }
    (ids, pages)
}

#[tokio::test]
async fn with_a_page_size_lists_come_in_pages_linked_by_absolute_next_and_previous() {
    let app = paged_app(4, 1000);
    let (ids, pages) = walk(&app, "/api/v1/servers/").await;
    assert_eq!(ids.len(), 1006, "every server once");
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no server twice");
    assert_eq!(pages.len(), 252);
    for body in &pages {
        assert_eq!(body["count"], 1006);
        let keys: Vec<&str> = body
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["count", "next", "previous", "results"]);
    }
    assert_eq!(pages[0]["previous"], Value::Null);
    assert_eq!(pages[1]["previous"], "http://localhost/api/v1/servers/");
    assert_eq!(
        pages[2]["previous"],
        "http://localhost/api/v1/servers/?page=2"
    );
    assert_eq!(pages[251]["next"], Value::Null);
}

#[tokio::test]
async fn page_links_keep_the_filters() {
    let app = paged_app(2, 0);
    let (ids, pages) = walk(&app, "/api/v1/servers/?status=active").await;
    assert_eq!(ids, [12345, 12346, 12350]);
    assert_eq!(
        pages[0]["next"],
        "http://localhost/api/v1/servers/?status=active&page=2"
    );
    let (snapshot_ids, _) = walk(&app, "/api/v1/snapshots/?server_id=12346").await;
    assert_eq!(
        snapshot_ids.len(),
        5,
        "a server's five snapshots over three pages"
    );
}

#[tokio::test]
async fn a_page_past_the_end_or_not_a_number_is_a_404_invalid_page() {
    let app = paged_app(2, 0);
    for path in [
        "/api/v1/servers/?page=4",
        "/api/v1/servers/?page=0",
        "/api/v1/servers/?page=x",
    ] {
        let (status, body) = call(&app, "GET", path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body, json!({"detail": "Invalid page."}), "{path}");
    }
    let (status, body) = call(&app, "GET", "/api/v1/servers/?page=3", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["results"].as_array().map(Vec::len), Some(2));
}
