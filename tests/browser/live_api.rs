//! The client against the running simulator (scripts/wasm-test.sh starts one and bakes its
//! address in at compile time). Without SIM_URL these tests say so and check nothing.

use vps_panel::api::models::{CreateSnapshot, SnapshotStatus};
use vps_panel::api::{ApiClient, ApiError, ServerFilter};
use wasm_bindgen_test::*;

fn live_client() -> Option<ApiClient> {
    let (Some(url), Some(token)) = (option_env!("SIM_URL"), option_env!("SIM_TOKEN")) else {
        web_sys::console::warn_1(&"live API tests skipped: SIM_URL is not set".into());
        return None;
    };
    Some(ApiClient::new(format!("{}api/v1", url), token))
}

#[wasm_bindgen_test]
async fn the_client_reads_every_list_of_the_running_simulator() {
    let Some(api) = live_client() else { return };
    let me = api.me().await.expect("account/me");
    assert!(me.account.email.is_some());
    let active = api
        .servers(
            &ServerFilter {
                status: Some("active".into()),
                location: None,
            },
            |_, _| (),
        )
        .await
        .expect("servers");
    assert!(!active.results.is_empty());
    assert!(active.results.iter().all(|s| s.status.as_str() == "active"));
    let snapshots = api
        .snapshots(Some(12345), |_, _| ())
        .await
        .expect("snapshots");
    assert!(snapshots.results.iter().all(|s| s.server.id == 12345));
}

#[wasm_bindgen_test]
async fn the_client_creates_and_deletes_on_the_running_simulator() {
    let Some(api) = live_client() else { return };
    let created = api
        .create_snapshot(&CreateSnapshot {
            server_id: 12347,
            name: "wasm-live-test".into(),
            description: None,
        })
        .await
        .expect("created");
    assert_eq!(created.snapshot.status, SnapshotStatus::InProgress);
    let bad = api
        .create_snapshot(&CreateSnapshot {
            server_id: 12347,
            name: "has space".into(),
            description: None,
        })
        .await
        .expect_err("invalid name");
    assert!(bad.field_errors().contains_key("name"));
    api.delete_snapshot(created.snapshot.id)
        .await
        .expect("deleted");
    let again = api.delete_snapshot(created.snapshot.id).await;
    assert!(matches!(again, Err(ApiError::NotFound { .. })));
    let wrong = ApiClient::new(api.base(), "not-the-token").me().await;
    assert!(matches!(wrong, Err(ApiError::Unauthorized { .. })));
}
