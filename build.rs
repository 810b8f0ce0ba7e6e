//! Turns `locales/*.json` into the panel's message tables (`$OUT_DIR/messages.rs`).
//!
//! English is the reference: every other language must have exactly its keys, each with the
//! same `{placeholders}`. A missing, extra or mis-named one fails the build, so a half-translated
//! panel never ships. Translators edit the JSON; this script is the only Rust they meet.
//!
//! In a release build (`--features split`) the text of a [`PARTS`] entry is left out of the
//! tables and written to a file of its own per language, fetched with the chunk whose code uses
//! it (`src/i18n/parts.rs`); scripts/finish-dist.mjs puts the files into dist/.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

/// Languages in the order of the generated tables; the first is the reference.
const LANGUAGES: [&str; 2] = ["en", "bn"];
/// CLDR plural categories a message may give forms for (`other` is required).
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
/// Text that comes with chunks: a part's name and the key prefixes that are its messages. Only
/// code in a chunk that fetches the part may use them (src/split_pages.rs says which do).
/// "pages": the text of one server's page, the fleet's dialogs and the Activity page.
const PARTS: [(&str, &[&str]); 1] = [(
    "pages",
    &[
        "actions.",
        "activity.",
        "create.",
        "delete.",
        "fleet.",
        "make_room.",
        "name.",
        "refused.",
        "restore.",
        "server.",
    ],
)];
/// Separates the messages in a part's file (no message holds it).
const PART_SEPARATOR: char = '\u{0}';
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
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let parts = if split {
        write_parts(&tables, Path::new(&out_dir))
    } else {
        Vec::new()
    };
    std::fs::write(
        Path::new(&out_dir).join("messages.rs"),
        generate(&tables, &parts),
    )
    .expect("OUT_DIR is writable");
}

/// A part written to files: the indices of its keys and each language's file name.
struct PartFiles {
    keys: Vec<usize>,
    files: Vec<String>,
}

/// The part `key` belongs to, if any.
fn part_of(key: &str) -> Option<usize> {
    PARTS
        .iter()
        .position(|(_, prefixes)| prefixes.iter().any(|prefix| key.starts_with(prefix)))
}

/// Writes each part's text, one file per language, to `lazy-text/` beside cargo's output for the
/// profile (as scripts/split-link.sh writes the chunks to `wasm-split/`). Each file is named by
/// a hash of its content, so a new release never meets an old file in a cache.
fn write_parts(tables: &[BTreeMap<String, Message>], out_dir: &Path) -> Vec<PartFiles> {
    // OUT_DIR is <profile>/build/<package>-<hash>/out.
    let dir = out_dir.join("../../../lazy-text");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the profile's directory is writable");
    let keys: Vec<&String> = tables[0].keys().collect();
    PARTS
        .iter()
        .enumerate()
        .map(|(part, (name, _))| {
            let indices: Vec<usize> = (0..keys.len())
                .filter(|&index| part_of(keys[index]) == Some(part))
                .collect();
            let files = LANGUAGES
                .iter()
                .zip(tables)
                .map(|(language, table)| {
                    let text: Vec<String> = indices
                        .iter()
                        .map(|&index| encode(&table[keys[index]]))
                        .collect();
                    assert!(
                        text.iter().all(|message| !message.contains(PART_SEPARATOR)),
                        "a message of part {name} holds the separator"
                    );
                    let text = text.join(&PART_SEPARATOR.to_string());
                    let file = format!("lazy-text-{name}-{language}-{:016x}.txt", fnv1a(&text));
                    std::fs::write(dir.join(&file), &text).expect("lazy-text/ is writable");
                    file
                })
                .collect();
            PartFiles {
                keys: indices,
                files,
            }
        })
        .collect()
}

/// FNV-1a, 64 bits: a file name that changes with the content (not a security measure).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
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

fn generate(tables: &[BTreeMap<String, Message>], parts: &[PartFiles]) -> String {
    let keys: Vec<&String> = tables[0].keys().collect();
    let mut out =
        String::from("// Generated by build.rs from locales/*.json. Edit those, not this.\n\n");
    // The reader (src/i18n) decodes plural forms with these same marks.
    writeln!(out, "const FORM: char = {FORM:?};").unwrap();
    writeln!(out, "const FORM_TEXT: char = {FORM_TEXT:?};\n").unwrap();
    out.push_str("impl Key {\n");
    for (index, key) in keys.iter().enumerate() {
        writeln!(out, "    pub const {}: Key = Key({index});", constant(key)).unwrap();
    }
    out.push_str("}\n\n");
    // Each language's messages as one text and where each ends: two bytes a message, where a
    // table of `&str` would take eight (a pointer and a length) in the wasm. A message of a part
    // written to files is left empty.
    let in_files = |index: usize| parts.iter().any(|part| part.keys.contains(&index));
    for (language, table) in LANGUAGES.iter().zip(tables) {
        let upper = language.to_uppercase();
        let mut text = String::new();
        let mut ends = Vec::new();
        for (index, key) in keys.iter().enumerate() {
            if !in_files(index) {
                text.push_str(&encode(&table[*key]));
            }
            ends.push(u16::try_from(text.len()).expect("a language's text stays under 64 KB"));
        }
        writeln!(out, "static {upper}: Messages = Messages {{").unwrap();
        writeln!(out, "    text: {text:?},").unwrap();
        writeln!(out, "    ends: &{ends:?},").unwrap();
        out.push_str("};\n\n");
    }
    // The parts: their keys and files (none unless the build is split).
    writeln!(
        out,
        "/// Text that comes with a chunk (build.rs's `PARTS`)."
    )
    .unwrap();
    writeln!(out, "#[derive(Clone, Copy, Debug, PartialEq, Eq)]").unwrap();
    writeln!(out, "pub struct TextPart(usize);\n").unwrap();
    out.push_str("impl TextPart {\n");
    for (index, (name, _)) in PARTS.iter().enumerate() {
        writeln!(
            out,
            "    pub const {}: TextPart = TextPart({index});",
            constant(name)
        )
        .unwrap();
    }
    out.push_str("}\n\n");
    writeln!(out, "const PART_SEPARATOR: char = {PART_SEPARATOR:?};").unwrap();
    writeln!(out, "static PART_FILES: [PartFiles; {}] = [", parts.len()).unwrap();
    for part in parts {
        writeln!(
            out,
            "    PartFiles {{ keys: &{:?}, files: {:?} }},",
            part.keys, part.files
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

/// `servers.title` → `SERVERS_TITLE`.
fn constant(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}
