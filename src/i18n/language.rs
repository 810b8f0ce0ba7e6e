//! Which language the panel speaks: chosen once from the browser, then by the user.

use leptos::prelude::*;

/// `localStorage` key of the chosen language: a preference, not a secret (the token lives in
/// `sessionStorage` only).
pub const LANGUAGE_KEY: &str = "vps-panel.language";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Bengali,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Bengali];

    /// The BCP 47 tag for `<html lang>` and the stored preference.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Bengali => "bn",
        }
    }

    /// The language's own name, as the language select shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Bengali => "বাংলা",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::English),
            "bn" => Some(Language::Bengali),
            _ => None,
        }
    }
}

/// The stored choice, else the first of the browser's languages the panel speaks (any `bn…`
/// is Bengali), else English.
pub fn choose_language(stored: Option<&str>, browser: &[String]) -> Language {
    stored
        .and_then(Language::from_tag)
        .or_else(|| browser.iter().find_map(|tag| Language::from_tag(tag)))
        .unwrap_or(Language::English)
}

thread_local! {
    static CURRENT: ArcRwSignal<Language> = {
        let language = browser::first_choice();
        browser::mark_document(language);
        ArcRwSignal::new(language)
    };
}

/// The current language; inside a view closure, a change re-renders it.
pub fn language() -> Language {
    CURRENT.with(|current| current.get())
}

/// Switches the panel to `language` in place, remembers it, and updates `<html lang>`.
pub fn set_language(language: Language) {
    browser::remember(language);
    browser::mark_document(language);
    CURRENT.with(|current| current.set(language));
}

/// Where the choice meets the page: `localStorage`, `navigator.languages`, `<html lang>`.
#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{choose_language, Language, LANGUAGE_KEY};

    pub fn first_choice() -> Language {
        let stored = local_storage().and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten());
        choose_language(stored.as_deref(), &browser_languages())
    }

    pub fn remember(language: Language) {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(LANGUAGE_KEY, language.tag());
        }
    }

    pub fn mark_document(language: Language) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", language.tag());
        }
    }

    fn local_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    fn browser_languages() -> Vec<String> {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return Vec::new();
        };
        let listed: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        if listed.is_empty() {
            navigator.language().into_iter().collect()
        } else {
            listed
        }
    }
}

/// Outside a browser (the native unit tests) there is no page: English, nothing remembered.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use super::Language;

    pub fn first_choice() -> Language {
        Language::English
    }
    pub fn remember(_: Language) {}
    pub fn mark_document(_: Language) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_first_visit_follows_the_browser_languages() {
        assert_eq!(
            choose_language(None, &tags(&["bn-BD", "en"])),
            Language::Bengali
        );
        assert_eq!(choose_language(None, &tags(&["bn"])), Language::Bengali);
        assert_eq!(
            choose_language(None, &tags(&["fr", "bn-IN"])),
            Language::Bengali
        );
        assert_eq!(
            choose_language(None, &tags(&["en-US", "bn"])),
            Language::English
        );
        assert_eq!(
            choose_language(None, &tags(&["fr", "de"])),
            Language::English
        );
        assert_eq!(choose_language(None, &[]), Language::English);
    }

    #[test]
    fn a_stored_choice_wins_and_garbage_is_ignored() {
        assert_eq!(
            choose_language(Some("en"), &tags(&["bn-BD"])),
            Language::English
        );
        assert_eq!(
            choose_language(Some("bn"), &tags(&["en"])),
            Language::Bengali
        );
        assert_eq!(
            choose_language(Some("xx"), &tags(&["bn"])),
            Language::Bengali
        );
        assert_eq!(choose_language(Some(""), &[]), Language::English);
    }
}
