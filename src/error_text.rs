//! What an [`ApiError`] says to the reader, in the interface's language. The API layer returns
//! typed errors with the server's own words; this is where they become sentences.

use crate::api::ApiError;
use crate::i18n::{t, tf, tn, Key};
use std::fmt;

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ApiError::Network(detail) => tf(Key::ERROR_NETWORK, &[("detail", detail)]),
            ApiError::Timeout(seconds) => tn(Key::ERROR_TIMEOUT, u64::from(*seconds), &[]),
            ApiError::Aborted => t(Key::ERROR_ABORTED).to_owned(),
            ApiError::Unauthorized { .. } => t(Key::ERROR_UNAUTHORIZED).to_owned(),
            ApiError::NotFound { message } if message.is_empty() => describe_status(404),
            ApiError::Http {
                status, message, ..
            } if message.is_empty() => describe_status(*status),
            ApiError::NotFound { message } | ApiError::Http { message, .. } => message.clone(),
            ApiError::Decode(detail) => tf(Key::ERROR_DECODE, &[("detail", detail)]),
            ApiError::UnsafeLink(link) => tf(Key::ERROR_UNSAFE_LINK, &[("link", link)]),
        };
        f.write_str(&text)
    }
}

/// "The API answered with HTTP 502 Bad Gateway.": when the body gives no message of its own.
/// The status and its standard reason phrase are technical identifiers, the same in every
/// language.
fn describe_status(status: u16) -> String {
    let reason = match status {
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    let status = if reason.is_empty() {
        status.to_string()
    } else {
        format!("{status} {reason}")
    };
    tf(Key::ERROR_HTTP_STATUS, &[("status", &status)])
}
