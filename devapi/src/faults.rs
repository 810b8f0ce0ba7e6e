//! Faults on demand: latency, an error rate, and the kind of failure to serve.

use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde::Deserialize;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

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
    /// `200` with a whole JSON list whose first item has its id as text: an API that changed a
    /// member's type.
    WrongType,
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
            "wrong-type" => Ok(Self::WrongType),
            "html-502" => Ok(Self::Html502),
            "drop" => Ok(Self::Drop),
            "mixed" => Ok(Self::Mixed),
            "lost-502" => Ok(Self::Lost502),
            "lost-drop" => Ok(Self::LostDrop),
            other => Err(format!(
                "--fault must be http-500, http-429, malformed-json, wrong-type, html-502, drop, \
                 mixed, lost-502 or lost-drop, not {other:?}"
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
    /// A rate limit on the API as DRF's throttles keep one: past it, `429` with `Retry-After`.
    pub rate_limit: Option<RateLimit>,
    /// The wait an `http-429` fault gives (default 20 s).
    pub retry_after_s: Option<u64>,
}

/// At most `requests` accepted API requests in each window of `per_s` seconds (a fixed window,
/// as DRF's simple rate throttles count). Refused requests do not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    pub requests: u32,
    pub per_s: u64,
}

impl RateLimit {
    /// `20/10`: 20 requests every 10 seconds.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("--rate-limit needs REQUESTS/SECONDS such as 20/10, not {text:?}");
        let (requests, per_s) = text.split_once('/').ok_or_else(bad)?;
        let limit = RateLimit {
            requests: requests.trim().parse().map_err(|_| bad())?,
            per_s: per_s.trim().parse().map_err(|_| bad())?,
        };
        if limit.requests == 0 || limit.per_s == 0 {
            return Err(bad());
        }
        Ok(limit)
    }
}

/// The current window of the rate limit: when it started and how many requests it accepted.
#[derive(Debug)]
pub struct Window {
    started: Instant,
    accepted: u32,
}

impl Default for Window {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            accepted: 0,
        }
    }
}

impl Window {
    /// Counts a request against `limit`: `None` when accepted, else the whole seconds until the
    /// window ends (the `Retry-After`).
    pub fn admit(&mut self, limit: RateLimit, now: Instant) -> Option<u64> {
        let length = Duration::from_secs(limit.per_s);
        if now.duration_since(self.started) >= length {
            *self = Window {
                started: now,
                accepted: 0,
            };
        }
        if self.accepted < limit.requests {
            self.accepted += 1;
            return None;
        }
        let left = length.saturating_sub(now.duration_since(self.started));
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }
}

/// Records every `/api/` request for the control log, then applies the fault settings.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| request.uri().clone(), |original| original.0.clone());
    state.record(request.method(), &uri);
    let _write = matches!(*request.method(), Method::POST | Method::DELETE)
        .then(|| WriteInFlight::start(&state));
    let (latency, fault, throttled, retry_after_s) = {
        let mut settings = state.faults.lock().unwrap_or_else(|e| e.into_inner());
        let throttled = settings.rate_limit.and_then(|limit| {
            state
                .window
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .admit(limit, Instant::now())
        });
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
        let retry_after_s = settings.retry_after_s.unwrap_or(DEFAULT_RETRY_AFTER_S);
        (settings.latency_ms, fault, throttled, retry_after_s)
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    if let Some(wait_s) = throttled {
        return throttled_response(wait_s);
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
        Some(FaultMode::Http429) => throttled_response(retry_after_s),
        Some(mode) => fault_response(mode),
    }
}

/// The wait an `http-429` fault gives unless told otherwise.
const DEFAULT_RETRY_AFTER_S: u64 = 20;

/// Counts a write while it is handled (latency and faults included), for the peak the tests
/// read: how many writes a client had out at once.
struct WriteInFlight(AppState);

impl WriteInFlight {
    fn start(state: &AppState) -> Self {
        let now = state.writes_now.fetch_add(1, Ordering::SeqCst) + 1;
        state.writes_peak.fetch_max(now, Ordering::SeqCst);
        Self(state.clone())
    }
}

impl Drop for WriteInFlight {
    fn drop(&mut self) {
        self.0.writes_now.fetch_sub(1, Ordering::SeqCst);
    }
}

/// DRF's answer past a throttle: `Retry-After` and the same wait in its words.
fn throttled_response(wait_s: u64) -> Response {
    (
        [(header::RETRY_AFTER, wait_s.to_string())],
        detail(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Request was throttled. Expected available in {wait_s} seconds."),
        ),
    )
        .into_response()
}

fn fault_response(mode: FaultMode) -> Response {
    match mode {
        FaultMode::Http500 => detail(StatusCode::INTERNAL_SERVER_ERROR, "Simulated server error."),
        FaultMode::Http429 => throttled_response(DEFAULT_RETRY_AFTER_S),
        FaultMode::MalformedJson => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"count": 2, "results": [{"id": 801, "name": "#,
        )
            .into_response(),
        FaultMode::WrongType => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"count": 1, "next": null, "previous": null, "results": [{"id": "801", "name": "x"}]}"#,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_limit_parses_from_requests_and_seconds() {
        assert_eq!(
            RateLimit::parse("20/10"),
            Ok(RateLimit {
                requests: 20,
                per_s: 10
            })
        );
        for bad in ["20", "0/10", "20/0", "a/b"] {
            assert!(RateLimit::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_window_admits_its_share_then_says_how_long_is_left() {
        let limit = RateLimit {
            requests: 2,
            per_s: 10,
        };
        let start = Instant::now();
        let mut window = Window {
            started: start,
            accepted: 0,
        };
        assert_eq!(window.admit(limit, start), None);
        assert_eq!(window.admit(limit, start), None);
        assert_eq!(
            window.admit(limit, start + Duration::from_millis(2500)),
            Some(8)
        );
        // A new window accepts again.
        assert_eq!(window.admit(limit, start + Duration::from_secs(10)), None);
    }
}
