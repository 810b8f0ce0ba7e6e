//! What an [`ApiError`] says to the reader, in the interface's language. The API layer returns
//! typed errors with the server's own words; this is where they become sentences.

use crate::api::{AfterCheck, ApiError, NoAnswer, Unreached};
use crate::i18n::{t, tf, tn, Key};
use std::fmt;

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ApiError::Network(unreached) => no_answer_text(unreached),
            ApiError::Timeout(seconds) => tn(Key::ERROR_TIMEOUT, u64::from(*seconds), &[]),
            ApiError::Aborted => t(Key::ERROR_ABORTED).to_owned(),
            ApiError::Unauthorized { .. } => t(Key::ERROR_UNAUTHORIZED).to_owned(),
            ApiError::NotFound { message } if message.is_empty() => describe_status(404),
            ApiError::Throttled { message, .. } if message.is_empty() => describe_status(429),
            ApiError::Throttled { message, .. } => message.clone(),
            ApiError::Http {
                status, message, ..
            } if message.is_empty() => describe_status(*status),
            ApiError::NotFound { message } | ApiError::Http { message, .. } => message.clone(),
            ApiError::Decode(detail) => tf(Key::ERROR_DECODE, &[("detail", detail)]),
            ApiError::UnsafeLink(link) => tf(Key::ERROR_UNSAFE_LINK, &[("link", link)]),
            ApiError::AnswerLost { error, check } => {
                let error = error.to_string();
                match check {
                    AfterCheck::NotApplied => {
                        tf(Key::ERROR_ANSWER_LOST_NOT_APPLIED, &[("error", &error)])
                    }
                    AfterCheck::Failed(failed) => tf(
                        Key::ERROR_ANSWER_LOST_UNCHECKED,
                        &[("error", &error), ("check", &failed.to_string())],
                    ),
                }
            }
        };
        f.write_str(&text)
    }
}

/// Why there was no answer, and what to change.
fn no_answer_text(unreached: &Unreached) -> String {
    let Unreached {
        cause,
        api_base,
        page_origin,
        detail,
    } = unreached;
    let args = [
        ("base", api_base.as_str()),
        ("origin", page_origin.as_str()),
        ("detail", detail.as_str()),
    ];
    let key = match cause {
        NoAnswer::Offline => Key::ERROR_OFFLINE,
        NoAnswer::MixedContent => Key::ERROR_MIXED_CONTENT,
        NoAnswer::RefusedOrigin => Key::ERROR_REFUSED_ORIGIN,
        NoAnswer::NothingAnswers => Key::ERROR_NOTHING_ANSWERS,
        NoAnswer::Dropped => Key::ERROR_DROPPED,
        NoAnswer::Unknown => Key::ERROR_NETWORK,
    };
    tf(key, &args)
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
