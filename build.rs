//! Turns `locales/*.json` into the panel's message tables (`$OUT_DIR/messages.rs`).
//!
//! English is the reference: every other language must have exactly its keys, each with the
//! same `{placeholders}`. A missing, extra or mis-named one fails the build, so a half-translated
//! panel never ships. Translators edit the JSON; this script is the only Rust they meet.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

/// Languages in the order of the generated tables; the first is the reference.
const LANGUAGES: [&str; 2] = ["en", "bn"];
/// CLDR plural categories a message may give forms for (`other` is required).
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
/// Marks a plural message in the tables: `\u{1}one\u{2}text\u{1}other\u{2}text`.
const FORM: char = '\u{1}';
const FORM_TEXT: char = '\u{2}';

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut tables = Vec::new();
    for language in LANGUAGES {
        let path = format!("locales/{language}.json");
        println!("cargo:rerun-if-changed={path}");
        tables.push(read_language(&path));
    }
    let reference = &tables[0];
    let mut problems = Vec::new();
    for (language, table) in LANGUAGES.iter().zip(&tables).skip(1) {
        for key in reference.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("locales/{language}.json: missing key \"{key}\""));
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!(
                "locales/{language}.json: key \"{key}\" is not in en.json"
            ));
        }
        for (key, message) in table {
            if let Some(english) = reference.get(key) {
                if placeholders(message) != placeholders(english) {
                    let list = |names: BTreeSet<String>| {
                        names
                            .into_iter()
                            .map(|n| format!("{{{n}}}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    problems.push(format!(
                        "locales/{language}.json: \"{key}\" uses [{}], en.json uses [{}]",
                        list(placeholders(message)),
                        list(placeholders(english))
                    ));
                }
            }
        }
    }
    if !problems.is_empty() {
        panic!("the locales do not match:\n  {}", problems.join("\n  "));
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    std::fs::write(out, generate(&tables)).expect("OUT_DIR is writable");
}

/// A message: one text, or plural forms by CLDR category.
enum Message {
    Text(String),
    Plural(BTreeMap<String, String>),
}

fn read_language(path: &str) -> BTreeMap<String, Message> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    json.into_iter()
        .filter(|(key, _)| !key.starts_with('_'))
        .map(|(key, value)| {
            let message = match value {
                serde_json::Value::String(text) => Message::Text(text),
                serde_json::Value::Object(forms) => {
                    let forms: BTreeMap<String, String> = forms
                        .into_iter()
                        .map(|(category, text)| match text {
                            serde_json::Value::String(text)
                                if PLURAL_CATEGORIES.contains(&category.as_str()) =>
                            {
                                (category, text)
                            }
                            _ => panic!(
                                "{path}: \"{key}\": \"{category}\" is not a plural form with text"
                            ),
                        })
                        .collect();
                    assert!(
                        forms.contains_key("other"),
                        "{path}: \"{key}\" needs an \"other\" form"
                    );
                    Message::Plural(forms)
                }
                _ => panic!("{path}: \"{key}\" must be text or plural forms"),
            };
            (key, message)
        })
        .collect()
}

/// The `{names}` a message uses, over all its forms.
fn placeholders(message: &Message) -> BTreeSet<String> {
    let texts: Vec<&String> = match message {
        Message::Text(text) => vec![text],
        Message::Plural(forms) => forms.values().collect(),
    };
    let mut names = BTreeSet::new();
    for text in texts {
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            names.insert(rest[open + 1..open + close].to_owned());
            rest = &rest[open + close + 1..];
        }
    }
    names
}

fn encode(message: &Message) -> String {
    match message {
        Message::Text(text) => text.clone(),
        Message::Plural(forms) => forms
            .iter()
            .map(|(category, text)| format!("{FORM}{category}{FORM_TEXT}{text}"))
            .collect(),
    }
}

fn generate(tables: &[BTreeMap<String, Message>]) -> String {
    let keys: Vec<&String> = tables[0].keys().collect();
    let mut out =
        String::from("// Generated by build.rs from locales/*.json. Edit those, not this.\n\n");
    // The reader (src/i18n) decodes plural forms with these same marks.
    writeln!(out, "const FORM: char = {FORM:?};").unwrap();
    writeln!(out, "const FORM_TEXT: char = {FORM_TEXT:?};\n").unwrap();
    out.push_str("impl Key {\n");
    for (index, key) in keys.iter().enumerate() {
        let name: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        writeln!(out, "    pub const {name}: Key = Key({index});").unwrap();
    }
    out.push_str("}\n\n");
    // Each language's messages as one text and where each ends: two bytes a message, where a
    // table of `&str` would take eight (a pointer and a length) in the wasm.
    for (language, table) in LANGUAGES.iter().zip(tables) {
        let upper = language.to_uppercase();
        let mut text = String::new();
        let mut ends = Vec::new();
        for key in &keys {
            text.push_str(&encode(&table[*key]));
            ends.push(u16::try_from(text.len()).expect("a language's text stays under 64 KB"));
        }
        writeln!(out, "pub(super) static {upper}: Messages = Messages {{").unwrap();
        writeln!(out, "    text: {text:?},").unwrap();
        writeln!(out, "    ends: &{ends:?},").unwrap();
        out.push_str("};\n\n");
    }
    out
}
