//! The panel's two languages: which one is chosen, and the text of every message in it.
//!
//! The text lives in `locales/en.json` and `locales/bn.json` (English is the reference; the
//! build fails if a key or a `{placeholder}` differs). Numbers, dates and plural forms go
//! through the browser's `Intl` ([`intl`]), so no locale data is compiled into the wasm.
//!
//! Reading a message reads the language signal, so text inside a view closure re-renders in
//! place when the language changes.

pub mod intl;
mod language;
mod parts;

pub use language::{choose_language, language, set_language, Language, LANGUAGE_KEY};
use leptos::prelude::*;
pub use parts::load_part;
use parts::PartFiles;

/// One message of the locale files; the constants are generated from `locales/en.json`
/// (`"servers.title"` is `Key::SERVERS_TITLE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(u16);

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// One language's messages (generated): all their text, and where each message ends in it.
struct Messages {
    text: &'static str,
    ends: &'static [u16],
}

impl Messages {
    /// Message `index` (plural messages still encoded).
    fn get(&self, index: usize) -> &'static str {
        let start = match index.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.text
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }

    #[cfg(test)]
    fn all(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.ends.len()).map(|index| self.get(index))
    }
}

/// The raw text of `key` in `language` (plural messages still encoded): from the tables, or
/// from the part it came with (empty until that part has arrived).
fn raw(key: Key, language: Language) -> &'static str {
    let (messages, fetched) = match language {
        Language::English => (&EN, 0),
        Language::Bengali => (&BN, 1),
    };
    let index = usize::from(key.0);
    match messages.get(index) {
        "" => parts::fetched(fetched, index).unwrap_or_else(|| parts::not_here(index)),
        message => message,
    }
}

/// The text of a message without placeholders, in the current language.
pub fn t(key: Key) -> &'static str {
    raw(key, language())
}

/// A message with its `{name}` placeholders filled in.
pub fn tf(key: Key, args: &[(&str, &str)]) -> String {
    fill(t(key), args)
}

/// A plural message for `n`: the form the language's rules pick, with `{n}` as a localised
/// number and the other placeholders filled in.
pub fn tn(key: Key, n: u64, args: &[(&str, &str)]) -> String {
    let language = language();
    let text = plural_form(raw(key, language), &intl::plural_category(language, n));
    let n = intl::number(language, n);
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(("n", n.as_str()));
    all.extend_from_slice(args);
    fill(text, &all)
}

/// Message text as a view that follows the language: `{tr(Key::X)}` in `view!`. One function
/// (one closure type) for every message keeps the generated render code to one copy.
pub fn tr(key: Key) -> impl IntoView + Copy {
    move || t(key)
}

/// For attributes (`aria-label=text(Key::X)`): the same, as a closure.
pub fn text(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || t(key)
}

/// The form for `category` of an encoded plural message; `other` when the language has no
/// form for it; the text itself when the message has no forms (Bengali nouns rarely change).
fn plural_form<'a>(encoded: &'a str, category: &str) -> &'a str {
    if !encoded.starts_with(FORM) {
        return encoded;
    }
    let mut other = "";
    for form in encoded.split(FORM).skip(1) {
        let (name, text) = form.split_once(FORM_TEXT).unwrap_or((form, ""));
        if name == category {
            return text;
        }
        if name == "other" {
            other = text;
        }
    }
    other
}

/// A piece of a message: text as written, or a `{name}` to fill in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// A message cut into text and placeholders (for views that show a value emphasised).
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((open, close)) = rest
        .find('{')
        .and_then(|open| rest[open..].find('}').map(|len| (open, open + len)))
    {
        if open > 0 {
            out.push(Part::Text(&rest[..open]));
        }
        out.push(Part::Placeholder(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest));
    }
    out
}

/// Replaces each `{name}` with its value; an unknown name is left as written.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for part in parts(template) {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Placeholder(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_text_in_both_languages() {
        // build.rs already refuses a missing key; this also catches an empty translation.
        assert_eq!(EN.ends.len(), BN.ends.len());
        for (index, (english, bengali)) in EN.all().zip(BN.all()).enumerate() {
            assert!(
                !english.trim().is_empty(),
                "English message {index} is empty"
            );
            assert!(
                !bengali.trim().is_empty(),
                "Bengali message {index} is empty"
            );
        }
    }

    #[test]
    fn bengali_messages_are_written_in_bengali() {
        // A key copied over untranslated would pass the build; Bengali script must appear in
        // every message that has words (a bare "{name}" or a symbol may stay as it is).
        let bengali_letter = |c: char| ('\u{0980}'..='\u{09FF}').contains(&c);
        for (english, bengali) in EN.all().zip(BN.all()) {
            let words: String = parts(english)
                .into_iter()
                .filter_map(|part| match part {
                    Part::Text(text) => Some(text),
                    Part::Placeholder(_) => None,
                })
                .collect();
            let has_words = words.chars().filter(|c| c.is_ascii_alphabetic()).count() > 3;
            if has_words {
                assert!(
                    bengali.chars().any(bengali_letter),
                    "untranslated: {english:?} → {bengali:?}"
                );
            }
        }
    }

    #[test]
    fn each_message_is_cut_from_its_language_text_exactly() {
        let english = |key| raw(key, Language::English);
        // The first and the last message of the tables, and one in between.
        assert_eq!(
            english(Key::ACTIONS_ALREADY_DELETED),
            "Snapshot {name} had already been deleted."
        );
        assert_eq!(english(Key::TIME_JUST_NOW), "just now");
        assert_eq!(english(Key::SERVERS_LOAD_FAILED), "Could not load servers");
        assert_eq!(
            raw(Key::SERVERS_LOAD_FAILED, Language::Bengali),
            json_text("locales/bn.json", "servers.load_failed")
        );
        assert_eq!(
            EN.get(EN.ends.len()),
            "",
            "past the end: nothing, not a panic"
        );
    }

    /// A plain message as its locale file has it.
    fn json_text(file: &str, key: &str) -> String {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("the locale file");
        let table: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        table[key].as_str().expect("a plain message").to_owned()
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "3"), ("total", "5")]),
            "3 of 5"
        );
        assert_eq!(fill("a {x} b", &[]), "a {x} b");
        assert_eq!(fill("{ broken", &[("n", "1")]), "{ broken");
        assert_eq!(fill("no close {", &[]), "no close {");
        assert_eq!(fill("৫টির মধ্যে {n}টি", &[("n", "২")]), "৫টির মধ্যে ২টি");
    }

    #[test]
    fn plural_forms_fall_back_to_other() {
        let encoded = "\u{1}one\u{2}{n} server\u{1}other\u{2}{n} servers";
        assert_eq!(plural_form(encoded, "one"), "{n} server");
        assert_eq!(plural_form(encoded, "few"), "{n} servers");
        assert_eq!(plural_form("{n}টি সার্ভার", "one"), "{n}টি সার্ভার");
    }
}
