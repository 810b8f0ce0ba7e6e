//! Test-only endpoints under `/__devapi/`, served only with `--control`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use std::sync::atomic::Ordering;

use crate::faults::FaultSettings;
use crate::{fresh_world, AppState};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/__devapi/faults", put(set_faults))
        .route("/__devapi/token", put(set_token))
        .route("/__devapi/delays", put(set_delays))
        .route("/__devapi/reset", post(reset))
        .route("/__devapi/requests", get(requests))
        .route("/__devapi/servers", post(add_servers))
        .route("/__devapi/write-peak", get(write_peak))
        .with_state(state)
}

async fn set_faults(
    State(state): State<AppState>,
    Json(settings): Json<FaultSettings>,
) -> Response {
    if !(0.0..=1.0).contains(&settings.error_rate) {
        return (
            StatusCode::BAD_REQUEST,
            "error_rate must be between 0 and 1",
        )
            .into_response();
    }
    *state.faults.lock().unwrap_or_else(|e| e.into_inner()) = settings;
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct NewToken {
    token: String,
}

/// Replaces the accepted token: the old one is revoked from the next request on.
async fn set_token(State(state): State<AppState>, Json(new): Json<NewToken>) -> Response {
    if new.token.is_empty() {
        return (StatusCode::BAD_REQUEST, "token must not be empty").into_response();
    }
    *state.token.lock().unwrap_or_else(|e| e.into_inner()) = new.token;
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Delays {
    create_delay_ms: Option<u64>,
    restore_delay_ms: Option<u64>,
}

/// How long snapshots made and restores started from now on take, until the next reset (a test
/// that needs something in progress for a while, however slow the machine is).
async fn set_delays(State(state): State<AppState>, Json(delays): Json<Delays>) -> Response {
    let mut world = state.world();
    if let Some(ms) = delays.create_delay_ms {
        world.create_delay = std::time::Duration::from_millis(ms);
    }
    if let Some(ms) = delays.restore_delay_ms {
        world.restore_delay = std::time::Duration::from_millis(ms);
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Back to the seed data, the start-up token and fault flags, and an empty request log.
async fn reset(State(state): State<AppState>) -> Response {
    *state.world() = fresh_world(&state.args);
    *state.faults.lock().unwrap_or_else(|e| e.into_inner()) = state.args.faults.clone();
    *state.token.lock().unwrap_or_else(|e| e.into_inner()) = state.args.token.clone();
    state
        .requests
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    *state.window.lock().unwrap_or_else(|e| e.into_inner()) = Default::default();
    state.writes_peak.store(0, Ordering::SeqCst);
    StatusCode::NO_CONTENT.into_response()
}

/// The API requests seen since the last reset, as `METHOD /path?query`.
async fn requests(State(state): State<AppState>) -> Json<Vec<String>> {
    Json(
        state
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone(),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewServers {
    names: Vec<String>,
}

/// Adds servers of the given names until the next reset; answers their ids.
async fn add_servers(State(state): State<AppState>, Json(new): Json<NewServers>) -> Response {
    let ids = state.world().add_named_servers(&new.names);
    Json(ids).into_response()
}

/// The most writes (POST, DELETE) handled at once since the last reset.
async fn write_peak(State(state): State<AppState>) -> Json<u64> {
    Json(state.writes_peak.load(Ordering::SeqCst))
}
