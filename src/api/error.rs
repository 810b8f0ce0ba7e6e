//! The one error type of the API layer, and how a failed response becomes one.

use super::json::{self, Texts};
use super::reach::Unreached;
use std::collections::BTreeMap;

/// Every way an API call can fail. Owned and `Clone` so views can keep and show it.
/// Its `Display`, the explanation in the reader's language, is written by `crate::error_text`:
/// this layer holds the server's own words and no text of the interface.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No HTTP answer: why, as far as the panel could tell, and the facts to check it.
    Network(Box<Unreached>),
    Timeout(u32),
    /// The request was cancelled because the view that made it went away.
    Aborted,
    Unauthorized {
        message: Option<String>,
    },
    /// `message` is the server's; empty when it gave none.
    NotFound {
        message: String,
    },
    /// `message` is the server's; empty when it gave none (the status is named instead).
    Http {
        status: u16,
        message: String,
        field_errors: BTreeMap<String, Vec<String>>,
    },
    Decode(String),
    /// 429: the API asks for a pause. `wait_s`: how long, from `Retry-After` when the page may
    /// read it, else from DRF's body ("Expected available in N seconds."); `message` is the
    /// server's, empty when it gave none.
    Throttled {
        message: String,
        wait_s: Option<u32>,
    },
    /// A `next` link outside the configured API base: not followed, and the token not sent.
    UnsafeLink(String),
    /// A write got no clear answer (`error`), so the panel looked whether it took effect.
    AnswerLost {
        error: Box<ApiError>,
        check: AfterCheck,
    },
}

/// What looking after a write with a lost answer found, when the write had not taken effect
/// or the look itself failed. (A write that had taken effect is not an error.)
#[derive(Clone, Debug, PartialEq)]
pub enum AfterCheck {
    /// It did not take effect: sending it again is safe.
    NotApplied,
    /// The look failed too: the panel looks again before it sends the write again.
    Failed(Box<ApiError>),
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// Field errors to show next to form fields (empty for other kinds).
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        match self {
            ApiError::Http { field_errors, .. } => field_errors.clone(),
            _ => BTreeMap::new(),
        }
    }

    pub fn is_unauthorized(&self) -> bool {
        match self {
            ApiError::Unauthorized { .. } => true,
            ApiError::AnswerLost {
                check: AfterCheck::Failed(error),
                ..
            } => error.is_unauthorized(),
            _ => false,
        }
    }

    /// Whether a write that failed this way may have taken effect all the same: there was no
    /// answer, or one that says nothing about what the API did (a 5xx such as a proxy's 502, a
    /// body cut off). A 4xx is a refusal: nothing was done.
    pub fn may_have_taken_effect(&self) -> bool {
        match self {
            ApiError::Network(_) | ApiError::Timeout(_) | ApiError::Decode(_) => true,
            ApiError::Http { status, .. } => *status >= 500,
            _ => false,
        }
    }
}

/// What the server said in an error body, read in the contract's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServerMessage {
    pub message: Option<String>,
    pub field_errors: BTreeMap<String, Vec<String>>,
}

/// The members that carry the error's message, most telling first.
const MESSAGE_MEMBERS: [&str; 4] = ["detail", "error", "message", "non_field_errors"];

/// Reads an error body: `detail`, `error`, `message`, `non_field_errors[0]`, then per-field lists.
/// Anything that is not a JSON object (an HTML proxy page, an empty body) yields no message.
pub fn server_message(body: &str) -> ServerMessage {
    let members: BTreeMap<String, Texts> = json::from_str(body).unwrap_or_default();
    let mut said: [Option<String>; MESSAGE_MEMBERS.len()] = Default::default();
    let mut field_errors = BTreeMap::new();
    for (name, Texts(texts)) in members {
        match MESSAGE_MEMBERS.iter().position(|member| *member == name) {
            Some(at) => {
                said[at] = texts
                    .into_iter()
                    .next()
                    .filter(|text| !text.trim().is_empty())
            }
            None if !texts.is_empty() => {
                field_errors.insert(name, texts);
            }
            None => {}
        }
    }
    let message = said.into_iter().flatten().next().or_else(|| {
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

/// Turns a non-2xx response into an `ApiError`, naming the status when the body says nothing.
pub fn error_from_response(status: u16, body: &str) -> ApiError {
    let ServerMessage {
        message,
        field_errors,
    } = server_message(body);
    match status {
        401 => ApiError::Unauthorized { message },
        404 => ApiError::NotFound {
            message: message.unwrap_or_default(),
        },
        429 => {
            let message = message.unwrap_or_default();
            ApiError::Throttled {
                wait_s: wait_in_words(&message),
                message,
            }
        }
        _ => ApiError::Http {
            status,
            message: message.unwrap_or_default(),
            field_errors,
        },
    }
}

/// The wait DRF writes into a 429's message: "Request was throttled. Expected available in
/// 20 seconds." (or "… in 1 second."). A cross-origin page reads no `Retry-After` unless the
/// API exposes it, so this is often the only hint.
pub fn wait_in_words(message: &str) -> Option<u32> {
    let (_, after) = message.split_once("available in ")?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A `Retry-After` header's seconds (its HTTP-date form is not used by DRF and is ignored).
pub fn retry_after_seconds(header: &str) -> Option<u32> {
    header.trim().parse().ok()
}
