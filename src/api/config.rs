//! Where the API lives, read at run time from `config.json` next to `index.html`.

use super::json::{self, optional_whole};
use super::DEFAULT_TIMEOUT_MS;
use serde::Deserialize;

/// Used when `config.json` is missing or unreadable: the API on the page's own origin.
pub const DEFAULT_API_BASE: &str = "/api/v1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelConfig {
    pub api_base: String,
    /// How long a request may take before it is abandoned.
    pub timeout_ms: u32,
}

impl Default for PanelConfig {
    fn default() -> Self {
        Self {
            api_base: DEFAULT_API_BASE.to_owned(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }
}

/// `config.json` as written; unknown members are ignored.
#[derive(Deserialize)]
struct ConfigFile {
    api_base: Option<String>,
    #[serde(default, deserialize_with = "optional_whole")]
    timeout_ms: Option<u32>,
}

/// Reads the text of `config.json`; a reason when it cannot be used.
pub fn parse_config(text: &str) -> Result<PanelConfig, String> {
    let file: ConfigFile =
        json::from_str(text).map_err(|error| format!("config.json is not valid JSON: {error}"))?;
    let base = file
        .api_base
        .map(|base| base.trim().trim_end_matches('/').to_owned())
        .filter(|base| !base.is_empty())
        .ok_or_else(|| "config.json has no \"api_base\"".to_owned())?;
    let acceptable =
        base.starts_with('/') || base.starts_with("https://") || base.starts_with("http://");
    if !acceptable {
        return Err(format!(
            "config.json \"api_base\" must be a path starting with / or an http(s) URL, not {base:?}"
        ));
    }
    let timeout_ms = match file.timeout_ms {
        None => DEFAULT_TIMEOUT_MS,
        Some(ms) if (1_000..=120_000).contains(&ms) => ms,
        Some(ms) => {
            return Err(format!(
                "config.json \"timeout_ms\" must be between 1000 and 120000, not {ms}"
            ))
        }
    };
    Ok(PanelConfig {
        api_base: base,
        timeout_ms,
    })
}

/// Fetches `config.json` (relative to the document base); falls back to the default with a
/// console warning, so a deployment mistake never leaves a blank page.
pub async fn load_config() -> PanelConfig {
    let outcome = match gloo_net::http::Request::get("config.json").send().await {
        Ok(response) if response.ok() => match response.text().await {
            Ok(text) => parse_config(&text),
            Err(error) => Err(format!("config.json could not be read: {error}")),
        },
        Ok(response) => Err(format!("config.json answered HTTP {}", response.status())),
        Err(error) => Err(format!("config.json could not be fetched: {error}")),
    };
    outcome.unwrap_or_else(|reason| {
        web_sys::console::warn_1(
            &format!("{reason}; using the default API base {DEFAULT_API_BASE}").into(),
        );
        PanelConfig::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_url_is_accepted_without_its_trailing_slash() {
        let config = parse_config(r#"{"api_base": "https://admin.vps.org/api/v1/"}"#);
        assert_eq!(
            config.map(|c| c.api_base),
            Ok("https://admin.vps.org/api/v1".to_owned())
        );
    }

    #[test]
    fn the_timeout_defaults_to_20_s_and_may_be_set_within_bounds() {
        let read = |text: &str| parse_config(text).map(|c| c.timeout_ms);
        assert_eq!(read(r#"{"api_base": "/api/v1"}"#), Ok(20_000));
        assert_eq!(
            read(r#"{"api_base": "/api/v1", "timeout_ms": 5000}"#),
            Ok(5_000)
        );
        assert!(read(r#"{"api_base": "/api/v1", "timeout_ms": 10}"#).is_err());
    }

    #[test]
    fn broken_or_empty_files_are_refused_with_a_reason() {
        assert!(parse_config("<html>").is_err());
        assert!(parse_config("{}").is_err());
        assert!(parse_config(r#"{"api_base": ""}"#).is_err());
        assert!(parse_config(r#"{"api_base": "javascript:alert(1)"}"#).is_err());
    }
}
