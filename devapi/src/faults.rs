//! Faults on demand: latency, an error rate, and the kind of failure to serve.

use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde::Deserialize;
use std::time::Duration;

use crate::reply::detail;
use crate::AppState;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultMode {
    /// `500` with a JSON `detail`.
    #[default]
    #[serde(rename = "http-500")]
    Http500,
    /// `429` with `Retry-After`, as a rate-limited API answers.
    #[serde(rename = "http-429")]
    Http429,
    /// `200` whose body is cut-off JSON.
    MalformedJson,
    /// `502` with an HTML page, as a reverse proxy sends.
    #[serde(rename = "html-502")]
    Html502,
    /// Headers are sent, then the connection is dropped mid-body.
    Drop,
    /// The request is carried out, then its answer is lost: a proxy's HTML 502 goes back
    /// instead (the API acted, the client cannot know).
    #[serde(rename = "lost-502")]
    Lost502,
    /// The request is carried out, then the connection drops before its answer is through.
    LostDrop,
    /// Each fault one of 500, 429, HTML 502 or a dropped connection, at random: a flaky
    /// API as soak tests meet it.
    Mixed,
}

/// What `mixed` picks from.
const MIXED: [FaultMode; 4] = [
    FaultMode::Http500,
    FaultMode::Http429,
    FaultMode::Html502,
    FaultMode::Drop,
];

impl FaultMode {
    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "http-500" => Ok(Self::Http500),
            "http-429" => Ok(Self::Http429),
            "malformed-json" => Ok(Self::MalformedJson),
            "html-502" => Ok(Self::Html502),
            "drop" => Ok(Self::Drop),
            "mixed" => Ok(Self::Mixed),
            "lost-502" => Ok(Self::Lost502),
            "lost-drop" => Ok(Self::LostDrop),
            other => Err(format!(
                "--fault must be http-500, http-429, malformed-json, html-502, drop, mixed, \
                 lost-502 or lost-drop, not {other:?}"
            )),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultSettings {
    pub latency_ms: u64,
    /// Share of API requests that fail, 0..=1. `1` fails every one.
    pub error_rate: f64,
    pub mode: FaultMode,
    /// Fail only this many more requests, then clear the error rate (for "Retry recovers").
    pub count: Option<u32>,
    /// Only requests whose path and query contain this text may fail (e.g. `page=3`).
    pub path_contains: Option<String>,
    /// Only requests of this method may fail (e.g. `POST`: the writes, not the refreshes).
    pub method: Option<String>,
}

/// Records every `/api/` request for the control log, then applies the fault settings.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| request.uri().clone(), |original| original.0.clone());
    state.record(request.method(), &uri);
    let (latency, fault) = {
        let mut settings = state.faults.lock().unwrap_or_else(|e| e.into_inner());
        let roll = state.random();
        let in_scope = settings
            .path_contains
            .as_deref()
            .is_none_or(|part| uri.to_string().contains(part))
            && settings
                .method
                .as_deref()
                .is_none_or(|method| request.method().as_str().eq_ignore_ascii_case(method));
        let fault =
            (in_scope && settings.error_rate > 0.0 && roll < settings.error_rate).then(|| {
                match settings.mode {
                    FaultMode::Mixed => {
                        MIXED[(state.random() * MIXED.len() as f64) as usize % MIXED.len()]
                    }
                    mode => mode,
                }
            });
        if fault.is_some() {
            if let Some(count) = settings.count.as_mut() {
                *count = count.saturating_sub(1);
                if *count == 0 {
                    settings.error_rate = 0.0;
                    settings.count = None;
                }
            }
        }
        (settings.latency_ms, fault)
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    match fault {
        None => next.run(request).await,
        Some(FaultMode::Lost502) => {
            let _carried_out = next.run(request).await;
            fault_response(FaultMode::Html502)
        }
        Some(FaultMode::LostDrop) => {
            let _carried_out = next.run(request).await;
            fault_response(FaultMode::Drop)
        }
        Some(mode) => fault_response(mode),
    }
}

fn fault_response(mode: FaultMode) -> Response {
    match mode {
        FaultMode::Http500 => detail(StatusCode::INTERNAL_SERVER_ERROR, "Simulated server error."),
        FaultMode::Http429 => (
            [(header::RETRY_AFTER, "20")],
            detail(
                StatusCode::TOO_MANY_REQUESTS,
                "Request was throttled. Expected available in 20 seconds.",
            ),
        )
            .into_response(),
        FaultMode::MalformedJson => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"count": 2, "results": [{"id": 801, "name": "#,
        )
            .into_response(),
        FaultMode::Html502 => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>\
             <body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>",
        )
            .into_response(),
        // Resolved to one of the others when the fault is rolled.
        FaultMode::Mixed => fault_response(FaultMode::Http500),
        // Answered in `inject`, after the request is carried out.
        FaultMode::Lost502 => fault_response(FaultMode::Html502),
        FaultMode::LostDrop => fault_response(FaultMode::Drop),
        FaultMode::Drop => {
            // Headers and the start of a body reach the client before the connection drops.
            // (Dropping before any byte is sent is not the same fault: the browser then sends
            // the request again by itself, on a fresh connection.)
            let failing = futures_util::stream::iter([0, 1]).then(|part| async move {
                if part == 0 {
                    Ok(axum::body::Bytes::from_static(b"{\"count\": "))
                } else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Err(std::io::Error::new(
                        std::io::ErrorKind::ConnectionReset,
                        "simulated dropped connection",
                    ))
                }
            });
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                Body::from_stream(failing),
            )
                .into_response()
        }
    }
}
