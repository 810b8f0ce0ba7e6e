//! Decoding the documented examples verbatim, hostile variants, and error-message extraction.

use super::decode::{explain, Answer, Body};
use super::error::{retry_after_seconds, wait_in_words};
use super::json;
use super::models::*;
use super::*;
use proptest::prelude::*;
use serde_json::json;

const SNAPSHOTS_LIST: &str = include_str!("../../tests/fixtures/snapshots_list.json");
const SNAPSHOT_CREATED: &str = include_str!("../../tests/fixtures/snapshot_created.json");
const RESTORE_STARTED: &str = include_str!("../../tests/fixtures/restore_started.json");
const SERVERS_LIST: &str = include_str!("../../tests/fixtures/servers_list.json");
const ACCOUNT_ME: &str = include_str!("../../tests/fixtures/account_me.json");

#[test]
fn the_documented_snapshot_list_decodes() {
    let page: Page<Snapshot> = json::from_str(SNAPSHOTS_LIST).expect("documented example");
    assert_eq!(page.count, Some(2));
    assert_eq!(page.results[0].id, 801);
    assert_eq!(
        page.results[0].server.name.as_deref(),
        Some("web-server-01")
    );
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
    assert_eq!(page.results[1].size_mb, Some(4856));
    assert_eq!(
        page.results[1].description.as_deref(),
        Some("Weekly snapshot")
    );
}

#[test]
fn the_documented_create_answer_decodes_with_a_null_size_and_its_message() {
    let created = <CreatedSnapshot as Answer>::read(SNAPSHOT_CREATED).expect("documented");
    assert_eq!(created.snapshot.status, SnapshotStatus::InProgress);
    assert_eq!(created.snapshot.size_mb, None);
    assert!(created
        .message
        .as_deref()
        .is_some_and(|m| m.starts_with("Snapshot is being created")));
}

#[test]
fn the_documented_restore_answer_decodes() {
    let restore: RestoreStarted = json::from_str(RESTORE_STARTED).expect("documented");
    assert_eq!(restore.status.as_deref(), Some("success"));
    assert_eq!(restore.server.status, ServerStatus::Restoring);
    assert_eq!(restore.snapshot.id, 801);
}

#[test]
fn the_documented_server_and_account_decode() {
    let page: Page<Server> = json::from_str(SERVERS_LIST).expect("documented");
    let server = &page.results[0];
    assert_eq!(server.status, ServerStatus::Active);
    assert_eq!(server.plan.as_ref().map(|p| p.memory), Some(4096));
    assert_eq!(
        server.os.as_ref().map(|o| o.name.as_str()),
        Some("Ubuntu 22.04 LTS")
    );
    let me: Me = json::from_str(ACCOUNT_ME).expect("documented");
    assert_eq!(me.account.display_name(), "John Doe");
    assert_eq!(me.token.permissions, vec!["read", "write"]);
}

#[test]
fn unknown_fields_and_pagination_keys_are_ignored() {
    let body = json!({
        "count": 1, "next": null, "previous": "x", "extra": {"a": 1},
        "results": [{"id": 1, "server": {"id": 2, "name": "a", "zone": "z"}, "name": "s",
                     "status": "completed", "size_mb": 1, "created_at": "2025-01-01T00:00:00Z",
                     "description": null, "checksum": "abc"}]
    });
    let page: Page<Snapshot> = json::from_str(&body.to_string()).expect("tolerant");
    assert_eq!(page.results[0].description, None);
}

#[test]
fn unknown_statuses_are_kept_verbatim() {
    let server: Server = json::from_str(
        &json!({
            "id": 1, "name": "a", "status": "maintenance", "location": null, "plan": null, "os": null
        })
        .to_string(),
    )
    .expect("tolerant");
    assert_eq!(server.status, ServerStatus::Other("maintenance".into()));
    assert_eq!(server.status.to_string(), "maintenance");
    assert!(!server.status.is_documented());
    assert_eq!(SnapshotStatus::parse("failed").as_str(), "failed");
}

#[test]
fn nulls_where_a_value_may_be_absent_decode_as_none() {
    let me: Me = json::from_str(
        &json!({
            "account": {"email": null, "first_name": null, "last_name": null},
            "token": {"name": null, "permissions": null}
        })
        .to_string(),
    )
    .expect("tolerant");
    assert_eq!(me.account.display_name(), "Signed-in user");
    assert!(me.token.permissions.is_empty());
}

#[test]
fn wrong_types_are_a_decode_error_not_a_panic() {
    for body in [
        r#"{"count": 1, "results": [{"id": "801", "name": 3}]}"#,
        r#"{"count": 1, "results": {"id": 1}}"#,
        r#"[]"#,
        r#"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"#,
        "",
        r#"{"count": 1, "results": [{"id": 1, "server": {"id": 2}, "name": "s", "status": 7, "created_at": "x"}]}"#,
    ] {
        assert!(json::from_str::<Page<Snapshot>>(body).is_err(), "{body}");
    }
}

#[test]
fn a_decode_error_names_where_and_what() {
    let error = |body: &str| json::from_str_with_path::<Page<Snapshot>>(body).expect_err(body);
    let snapshot = r#"{"id": 1, "server": {"id": "2"}, "name": "s", "status": "completed", "created_at": "x"}"#;
    let wrong_id = error(&format!(r#"{{"results": [{snapshot}]}}"#));
    assert!(
        wrong_id.starts_with(
            r#"results[0].server.id: invalid type: string "2", expected a whole number"#
        ),
        "{wrong_id}"
    );
    assert!(error(r#"{"count": 1}"#).starts_with("missing field `results`"));
    assert!(error(r#"{"results": null}"#)
        .starts_with("results: invalid type: null, expected a sequence"));
    assert!(error("[]").starts_with("invalid type: sequence, expected an object"));
    assert!(error("<html>502</html>").starts_with("expected value at line 1 column 1"));
}

#[test]
fn a_body_is_read_first_without_the_path_and_explained_with_it() {
    let body = r#"{"results": [{"id": "801", "server": {"id": 2}, "name": "s", "status": "completed", "created_at": "x"}]}"#;
    let plain = <Page<Snapshot> as Answer>::read(body).expect_err("an id as text");
    assert!(plain.starts_with("invalid type: string \"801\""), "{plain}");
    let explained = explain(Body::Snapshots, body).expect("the same body fails again");
    assert!(
        explained.starts_with("results[0].id: invalid type: string \"801\""),
        "{explained}"
    );
    // Every kind reads its own model: a created snapshot's answer is two reads of one object.
    assert_eq!(explain(Body::Created, SNAPSHOT_CREATED), None);
    assert_eq!(explain(Body::Restore, RESTORE_STARTED), None);
    assert_eq!(explain(Body::Servers, SERVERS_LIST), None);
    assert_eq!(explain(Body::Me, ACCOUNT_ME), None);
    assert_eq!(explain(Body::Snapshots, SNAPSHOTS_LIST), None);
    let created = explain(
        Body::Created,
        r#"{"id": 9, "server": {"id": 2}, "name": "s", "status": "completed", "created_at": "x", "message": 5}"#,
    );
    assert!(created.is_some_and(|reason| reason.starts_with("message: invalid type: integer `5`")));
}

#[test]
fn ids_and_sizes_are_whole_numbers_a_browser_holds_exactly() {
    let id = |number: &str| {
        json::from_str::<ServerRef>(&format!(r#"{{"id": {number}}}"#)).map(|server| server.id)
    };
    assert_eq!(id("0"), Ok(0));
    assert_eq!(id("801.0"), Ok(801), "JSON.parse reads 801.0 as 801");
    assert_eq!(id("9007199254740991"), Ok(9_007_199_254_740_991));
    for refused in [
        "-1",
        "1.5",
        "9007199254740992",
        "1e300",
        "true",
        "null",
        "{}",
    ] {
        assert!(id(refused).is_err(), "{refused}");
    }
    let vcpus = json::from_str::<Plan>(
        r#"{"id": 1, "name": "p", "vcpus": 4294967296, "memory": 1, "storage": 1}"#,
    );
    assert!(vcpus.is_err(), "a u32 that does not fit");
}

#[test]
fn a_list_is_not_an_object_and_an_object_is_not_a_list() {
    assert!(json::from_str::<Os>(r#"[1, "a"]"#).is_err());
    assert!(json::from_str::<Page<Os>>(r#"{"results": {"0": {"id": 1, "name": "a"}}}"#).is_err());
}

#[test]
fn the_create_request_omits_an_absent_description() {
    let body = json::to_string(&CreateSnapshot {
        server_id: 12345,
        name: "a".into(),
        description: None,
    });
    assert_eq!(body, r#"{"server_id":12345,"name":"a"}"#);
    let with_description = json::to_string(&CreateSnapshot {
        server_id: 1,
        name: "b".into(),
        description: Some("before \"the\" update".into()),
    });
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&with_description).ok(),
        Some(json!({"server_id": 1, "name": "b", "description": "before \"the\" update"}))
    );
}

#[test]
fn the_server_message_is_read_in_the_contract_order() {
    let read = |value: serde_json::Value| server_message(&value.to_string()).message;
    assert_eq!(
        read(json!({"message": "m", "detail": "d", "error": "e"})).as_deref(),
        Some("d")
    );
    assert_eq!(
        read(json!({"message": "m", "error": "e"})).as_deref(),
        Some("e")
    );
    assert_eq!(read(json!({"message": "m"})).as_deref(), Some("m"));
    assert_eq!(
        read(json!({"non_field_errors": ["limit reached", "other"]})).as_deref(),
        Some("limit reached")
    );
    assert_eq!(
        read(json!({"name": ["Only letters."]})).as_deref(),
        Some("name: Only letters.")
    );
}

#[test]
fn field_errors_are_kept_for_the_form() {
    let error = error_from_response(400, r#"{"name": ["Bad name."], "server_id": "Required."}"#);
    let fields = error.field_errors();
    assert_eq!(fields["name"], vec!["Bad name."]);
    assert_eq!(fields["server_id"], vec!["Required."]);
}

#[test]
fn html_and_empty_bodies_name_the_status() {
    let error = error_from_response(502, "<html><h1>502 Bad Gateway</h1></html>");
    assert_eq!(
        error.to_string(),
        "The API answered with HTTP 502 Bad Gateway."
    );
    let error = error_from_response(418, "");
    assert_eq!(error.to_string(), "The API answered with HTTP 418.");
}

#[test]
fn status_codes_map_to_their_kinds() {
    assert!(error_from_response(401, r#"{"detail": "Invalid token."}"#).is_unauthorized());
    assert!(matches!(
        error_from_response(404, r#"{"detail": "Not found."}"#),
        ApiError::NotFound { message } if message == "Not found."
    ));
}

#[test]
fn a_429_carries_the_wait_drf_writes_in_its_body() {
    let body = r#"{"detail": "Request was throttled. Expected available in 17 seconds."}"#;
    assert_eq!(
        error_from_response(429, body),
        ApiError::Throttled {
            message: "Request was throttled. Expected available in 17 seconds.".into(),
            wait_s: Some(17)
        }
    );
    assert_eq!(wait_in_words("Expected available in 1 second."), Some(1));
    assert_eq!(wait_in_words("Request was throttled."), None);
    assert!(matches!(
        error_from_response(429, "<html>Too many</html>"),
        ApiError::Throttled { wait_s: None, .. }
    ));
    assert_eq!(
        error_from_response(429, "").to_string(),
        "The API answered with HTTP 429 Too Many Requests."
    );
    assert_eq!(retry_after_seconds(" 30 "), Some(30));
    assert_eq!(retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT"), None);
}

/// A deliberately plain re-statement of the contract's rule, to check the real one against.
fn reference_message(body: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let object = value.as_object()?;
    for key in ["detail", "error", "message", "non_field_errors"] {
        let first = match object.get(key) {
            Some(serde_json::Value::String(s)) => Some(s.as_str()),
            Some(serde_json::Value::Array(items)) => items.iter().find_map(|i| i.as_str()),
            _ => None,
        };
        if let Some(text) = first.filter(|t| !t.trim().is_empty()) {
            return Some(text.to_owned());
        }
    }
    None
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        "[a-z ]{0,8}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("detail".to_owned()),
                    Just("error".to_owned()),
                    Just("message".to_owned()),
                    Just("non_field_errors".to_owned()),
                    "[a-z_]{1,6}"
                ],
                inner,
                0..5
            )
            .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_text_in_a_create_body_reads_back_as_the_same_text(text in any::<String>()) {
        let body = json::to_string(&CreateSnapshot {
            server_id: 1,
            name: text.clone(),
            description: Some(text.clone()),
        });
        let read: serde_json::Value = serde_json::from_str(&body).expect("valid JSON");
        prop_assert_eq!(read["name"].as_str(), Some(text.as_str()));
        prop_assert_eq!(read["description"].as_str(), Some(text.as_str()));
    }

    #[test]
    fn message_extraction_never_panics_on_any_text(body in any::<String>(), status in 100u16..600) {
        let error = error_from_response(status, &body);
        prop_assert!(!error.to_string().is_empty());
    }

    #[test]
    fn message_extraction_agrees_with_the_reference(value in json_value()) {
        let body = value.to_string();
        let ours = server_message(&body).message;
        match reference_message(&body) {
            Some(expected) => prop_assert_eq!(ours, Some(expected)),
            // Without a named key, only a field list may provide the message.
            None => prop_assert!(ours.is_none() || ours.as_deref().is_some_and(|m| m.contains(": "))),
        }
    }
}
