//! Reading an answer's body into its model, and saying where a body that does not read goes
//! wrong (`results[3].id: invalid type: string "801", expected a whole number`).
//!
//! The path comes from `serde_path_to_error`, whose wrappers are generated again for every
//! model: about 5 KB of a first visit, for a body that is rarely wrong. So a body is first read
//! without it, and only one that fails is read again with the path, by code that a release
//! build (`--features split`) keeps in a chunk of its own, fetched the first time a body does
//! not read. If that chunk cannot arrive, the reason is given without its path.

use super::error::ApiError;
use super::json;
use super::models::{CreateMessage, CreatedSnapshot, Me, Page, RestoreStarted, Server, Snapshot};

/// The answers the panel reads, named so the chunk that finds the path knows which model to
/// read (a chunk's entry cannot be generic).
#[derive(Clone, Copy, Debug)]
pub enum Body {
    Me,
    Servers,
    Snapshots,
    Created,
    Restore,
}

/// A model read from an answer's body.
pub trait Answer: Sized {
    const BODY: Body;

    /// The model, or the reason without its path.
    fn read(text: &str) -> Result<Self, String>;

    /// The model, or the reason with the path to the bad value.
    fn read_with_path(text: &str) -> Result<Self, String>;
}

/// The models that are one `serde` read of the body.
macro_rules! one_read {
    ($($model:ty => $body:ident),* $(,)?) => {$(
        impl Answer for $model {
            const BODY: Body = Body::$body;

            fn read(text: &str) -> Result<Self, String> {
                json::from_str(text)
            }

            fn read_with_path(text: &str) -> Result<Self, String> {
                json::from_str_with_path(text)
            }
        }
    )*};
}

one_read! {
    Me => Me,
    Page<Server> => Servers,
    Page<Snapshot> => Snapshots,
    RestoreStarted => Restore,
}

impl Answer for CreatedSnapshot {
    const BODY: Body = Body::Created;

    fn read(text: &str) -> Result<Self, String> {
        Ok(CreatedSnapshot {
            snapshot: json::from_str(text)?,
            message: json::from_str::<CreateMessage>(text)?.message,
        })
    }

    fn read_with_path(text: &str) -> Result<Self, String> {
        Ok(CreatedSnapshot {
            snapshot: json::from_str_with_path(text)?,
            message: json::from_str_with_path::<CreateMessage>(text)?.message,
        })
    }
}

/// Reads a 2xx body; anything unreadable (HTML, truncated JSON, a wrong type) is `Decode`
/// with the reason and, when the code for it arrives, the path to the bad value.
pub async fn decode<T: Answer>(text: &str) -> Result<T, ApiError> {
    match T::read(text) {
        Ok(model) => Ok(model),
        Err(reason) => Err(unreadable(T::BODY, text.to_owned(), reason).await),
    }
}

/// `Decode` with the path when it can be found, else with `reason`. Not generic: one copy.
async fn unreadable(body: Body, text: String, reason: String) -> ApiError {
    #[cfg(feature = "split")]
    let explained = chunk::explain(body, text).await.ok().flatten();
    #[cfg(not(feature = "split"))]
    let explained = explain(body, &text);
    ApiError::Decode(explained.unwrap_or(reason))
}

/// The reason `text` is not a `body`, with its path; `None` when it reads after all.
pub(super) fn explain(body: Body, text: &str) -> Option<String> {
    match body {
        Body::Me => Me::read_with_path(text).err(),
        Body::Servers => Page::<Server>::read_with_path(text).err(),
        Body::Snapshots => Page::<Snapshot>::read_with_path(text).err(),
        Body::Created => CreatedSnapshot::read_with_path(text).err(),
        Body::Restore => RestoreStarted::read_with_path(text).err(),
    }
}

#[cfg(feature = "split")]
mod chunk {
    use super::Body;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(decode_path, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn explain(body: Body, text: String) -> Result<Option<String>, SplitLoaderError> {
        Ok(super::explain(body, &text))
    }
}
