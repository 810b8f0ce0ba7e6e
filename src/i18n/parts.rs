//! Text that comes with a chunk. In a release build (`--features split`) the messages of a
//! [`TextPart`] (build.rs's `PARTS`: one server's page, the fleet's dialogs, the Activity page)
//! are not in the main wasm: wasm-split moves code into chunks but leaves all data in the main
//! module, so their text is a file per language, fetched beside the chunk (src/split_pages.rs)
//! and kept for the rest of the visit. Other builds have every message in their tables, and
//! loading a part does nothing.

use super::{TextPart, PART_FILES, PART_SEPARATOR};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A part's keys and its file per language (in the order of [`super::Language`]).
pub(super) struct PartFiles {
    pub keys: &'static [u16],
    pub files: [&'static str; 2],
}

thread_local! {
    /// The messages of the parts fetched so far, by language and key index.
    static FETCHED: RefCell<[Vec<&'static str>; 2]> = const { RefCell::new([Vec::new(), Vec::new()]) };
}

/// Message `index` in language `language` (0 English, 1 Bengali), if its part has arrived.
pub(super) fn fetched(language: usize, index: usize) -> Option<&'static str> {
    FETCHED.with(|fetched| {
        fetched
            .borrow()
            .get(language)
            .and_then(|messages| messages.get(index).copied())
            .filter(|message| !message.is_empty())
    })
}

/// A message of a part asked for before the part arrived: code outside the chunks that fetch
/// it uses its key (build.rs's `PARTS` say which chunks may). Said in the console, where the
/// end-to-end tests fail on it; shown as nothing.
pub(super) fn not_here(index: usize) -> &'static str {
    web_sys::console::error_1(&format!("message {index} was shown before its text arrived").into());
    ""
}

/// Whether `part`'s text is here (always, in a build that keeps every message in its tables).
fn has_arrived(part: &PartFiles) -> bool {
    part.keys
        .first()
        .is_none_or(|&first| fetched(0, usize::from(first)).is_some())
}

/// Fetches `part`'s text in every language (a language can be switched while its pages are
/// open), unless it is here already. The requests go out at once, so the caller can wait for
/// its chunk first and the two arrive side by side. `Err` when a file cannot be fetched or is
/// not the part's text (a host may answer a missing file with its index page): the caller
/// offers Retry.
pub fn load_part(part: TextPart) -> impl std::future::Future<Output = Result<(), ()>> {
    let files = PART_FILES.get(part.0).filter(|files| !has_arrived(files));
    let requests = files.map(|files| files.files.map(request));
    async move {
        let (Some(files), Some(requests)) = (files, requests) else {
            return Ok(());
        };
        // Every language is read before any is kept: a part is here in all of them or in none
        // (`has_arrived` looks at one), so a Retry fetches what failed.
        let mut languages = Vec::with_capacity(requests.len());
        for request in requests {
            let text = text_of(request).await.ok_or(())?;
            // Kept for the rest of the visit: leaked once per part and language, so that a
            // message is a `&'static str` like those of the tables.
            let text: &'static str = Box::leak(text.into_boxed_str());
            languages.push(split_part(text, files.keys.len()).ok_or(())?);
        }
        FETCHED.with(|fetched| {
            let mut fetched = fetched.borrow_mut();
            for (table, messages) in fetched.iter_mut().zip(languages) {
                for (&index, message) in files.keys.iter().zip(messages) {
                    let index = usize::from(index);
                    if table.len() <= index {
                        table.resize(index + 1, "");
                    }
                    table[index] = message;
                }
            }
        });
        Ok(())
    }
}

/// A request for `file`, relative to the document's base (as `config.json` is), sent now. Its
/// outcome is listened for at once: a failure met before it is awaited is not an unhandled
/// rejection.
fn request(file: &str) -> Option<JsFuture> {
    Some(JsFuture::from(web_sys::window()?.fetch_with_str(file)))
}

/// The text of a 2xx answer to `request`.
async fn text_of(request: Option<JsFuture>) -> Option<String> {
    let response: web_sys::Response = request?.await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// A part's file cut into its `count` messages; `None` when it does not hold that many.
fn split_part(text: &str, count: usize) -> Option<Vec<&str>> {
    let messages: Vec<&str> = text.split(PART_SEPARATOR).collect();
    (messages.len() == count && messages.iter().all(|message| !message.is_empty()))
        .then_some(messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_file_is_its_messages_or_nothing() {
        assert_eq!(split_part("a\u{0}b {n}", 2), Some(vec!["a", "b {n}"]));
        assert_eq!(split_part("a\u{0}b", 3), None, "too few messages");
        assert_eq!(
            split_part("<!DOCTYPE html><html></html>", 2),
            None,
            "an index page"
        );
        assert_eq!(split_part("a\u{0}\u{0}c", 3), None, "an empty message");
    }
}
