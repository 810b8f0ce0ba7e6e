//! The one error type of the API layer, and how a failed response becomes one.

use std::collections::BTreeMap;

/// Every way an API call can fail. Owned and `Clone` so views can keep and show it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    #[error("Could not reach the API. Check your connection and try again. ({0})")]
    Network(String),
    #[error("The API did not answer within {0} seconds.")]
    Timeout(u32),
    /// The request was cancelled because the view that made it went away.
    #[error("The request was cancelled.")]
    Aborted,
    #[error("The token was not accepted.")]
    Unauthorized { message: Option<String> },
    #[error("{message}")]
    NotFound { message: String },
    #[error("{message}")]
    Http {
        status: u16,
        message: String,
        field_errors: BTreeMap<String, Vec<String>>,
    },
    #[error("The API sent a response the panel could not read: {0}")]
    Decode(String),
    /// A `next` link outside the configured API base: not followed, and the token not sent.
    #[error("The API's link to the next page of this list leads outside the configured API ({0}), so the panel did not follow it and the list is incomplete.")]
    UnsafeLink(String),
}

impl ApiError {
    /// Field errors to show next to form fields (empty for other kinds).
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        match self {
            ApiError::Http { field_errors, .. } => field_errors.clone(),
            _ => BTreeMap::new(),
        }
    }

    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Unauthorized { .. })
    }
}

/// What the server said in an error body, read in the contract's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServerMessage {
    pub message: Option<String>,
    pub field_errors: BTreeMap<String, Vec<String>>,
}

/// Reads an error body: `detail`, `error`, `message`, `non_field_errors[0]`, then per-field lists.
/// Anything that is not a JSON object (an HTML proxy page, an empty body) yields no message.
pub fn server_message(body: &str) -> ServerMessage {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_str::<serde_json::Value>(body)
    else {
        return ServerMessage::default();
    };
    let text_of = |key: &str| {
        object
            .get(key)
            .and_then(first_text)
            .filter(|text| !text.trim().is_empty())
    };
    let mut field_errors = BTreeMap::new();
    for (key, value) in &object {
        if matches!(
            key.as_str(),
            "detail" | "error" | "message" | "non_field_errors"
        ) {
            continue;
        }
        let texts = all_texts(value);
        if !texts.is_empty() {
            field_errors.insert(key.clone(), texts);
        }
    }
    let message = text_of("detail")
        .or_else(|| text_of("error"))
        .or_else(|| text_of("message"))
        .or_else(|| text_of("non_field_errors"))
        .or_else(|| {
            field_errors
                .iter()
                .next()
                .map(|(field, texts)| format!("{}: {}", field, texts.join(" ")))
        });
    ServerMessage {
        message,
        field_errors,
    }
}

fn first_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Array(items) => items
            .iter()
            .find_map(|item| item.as_str().map(str::to_owned)),
        _ => None,
    }
}

/// Field errors are lists of strings in this API style; a bare string is taken as a list of one.
fn all_texts(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(text) => vec![text.clone()],
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Turns a non-2xx response into an `ApiError`, naming the status when the body says nothing.
pub fn error_from_response(status: u16, body: &str) -> ApiError {
    let ServerMessage {
        message,
        field_errors,
    } = server_message(body);
    match status {
        401 => ApiError::Unauthorized { message },
        404 => ApiError::NotFound {
            message: message.unwrap_or_else(|| describe_status(status)),
        },
        _ => ApiError::Http {
            status,
            message: message.unwrap_or_else(|| describe_status(status)),
            field_errors,
        },
    }
}

/// "HTTP 502 Bad Gateway": used when the body gives no message of its own.
pub fn describe_status(status: u16) -> String {
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
    if reason.is_empty() {
        format!("The API answered with HTTP {status}.")
    } else {
        format!("The API answered with HTTP {status} {reason}.")
    }
}
