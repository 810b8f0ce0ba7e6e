//! The API style's error body, `{"detail": "..."}`, shared by the endpoints, paging and faults.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// `status` with `{"detail": text}`.
pub fn detail(status: StatusCode, text: &str) -> Response {
    (status, Json(json!({ "detail": text }))).into_response()
}
