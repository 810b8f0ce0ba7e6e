//! Complete lists from a paginated API: follow `next` until it is null, only while it stays
//! under the configured API base, and at most [`MAX_PAGES`] pages.

use super::error::ApiError;
use super::url::{absolute, split_origin};

/// A list gathered page by page. `count` is the API's total; `truncated` says the page cap
/// stopped the gathering, so `results` holds fewer than `count` and the view must say so.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing<T> {
    pub results: Vec<T>,
    pub count: Option<u64>,
    pub truncated: bool,
}

/// Pages followed per list before stopping with an honest "showing N of M" instead of a hang
/// (10,000 items at the usual 100 a page).
pub const MAX_PAGES: usize = 100;

/// How far a list has come: items received so far and the API's total, when it gave one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub loaded: usize,
    pub count: Option<u64>,
}

/// The URL of a `next` link if it may be followed with the token: under the API base, that is
/// the same scheme, host and port and a path below the base's path. `page_origin` (e.g.
/// `https://panel.example.com`) resolves a same-origin base such as `/api/v1`.
pub fn checked_next(page_origin: &str, api_base: &str, next: &str) -> Result<String, ApiError> {
    let base = absolute(page_origin, api_base.trim_end_matches('/'));
    let link = absolute(split_origin(&base).map_or("", |(origin, _)| origin), next);
    let refused = || ApiError::UnsafeLink(next.to_owned());
    let (base_origin, base_path) = split_origin(&base).ok_or_else(refused)?;
    let (link_origin, link_rest) = split_origin(&link).ok_or_else(refused)?;
    let path = link_rest.split(['?', '#']).next().unwrap_or_default();
    let under_base = path
        .strip_prefix(base_path)
        .is_some_and(|rest| rest.starts_with('/'));
    // Dot segments would be resolved by the browser and could climb out of the base path.
    let climbs = path
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.eq_ignore_ascii_case("%2e%2e"));
    let odd = link.contains('\\') || link.chars().any(char::is_whitespace);
    if link_origin.eq_ignore_ascii_case(base_origin) && under_base && !climbs && !odd {
        Ok(link)
    } else {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PANEL: &str = "https://panel.example.com";

    #[test]
    fn a_next_link_under_the_configured_base_is_followed() {
        let next = "https://admin.vps.org/api/v1/servers/?page=2";
        assert_eq!(
            checked_next(PANEL, "https://admin.vps.org/api/v1", next),
            Ok(next.to_owned())
        );
        assert_eq!(
            checked_next(
                PANEL,
                "/api/v1",
                "https://panel.example.com/api/v1/servers/?page=3"
            ),
            Ok("https://panel.example.com/api/v1/servers/?page=3".to_owned())
        );
        assert_eq!(
            checked_next(PANEL, "/api/v1/", "/api/v1/snapshots/?page=2"),
            Ok("https://panel.example.com/api/v1/snapshots/?page=2".to_owned())
        );
        assert!(checked_next(PANEL, "https://Admin.VPS.org/api/v1", next).is_ok());
    }

    #[test]
    fn a_next_link_anywhere_else_is_refused_so_the_token_never_goes_there() {
        let base = "https://admin.vps.org/api/v1";
        for next in [
            "https://evil.example/api/v1/servers/?page=2",
            "http://admin.vps.org/api/v1/servers/?page=2",
            "https://admin.vps.org:444/api/v1/servers/?page=2",
            "https://admin.vps.org.evil.example/api/v1/servers/?page=2",
            "https://admin.vps.org@evil.example/api/v1/servers/",
            "https://admin.vps.org/api/v2/servers/?page=2",
            "https://admin.vps.org/api/v1x/servers/",
            "https://admin.vps.org/api/v1/../../account/",
            "https://admin.vps.org/api/v1/%2E%2E/x/",
            "//evil.example/api/v1/servers/",
            "javascript:alert(1)",
            "servers/?page=2",
            "",
        ] {
            assert_eq!(
                checked_next(PANEL, base, next),
                Err(ApiError::UnsafeLink(next.to_owned())),
                "{next}"
            );
        }
    }

    #[test]
    fn a_same_origin_base_refuses_links_to_the_api_s_own_host() {
        // Behind a proxy the API may name its upstream host; the panel only talks to its base.
        assert!(checked_next(
            PANEL,
            "/api/v1",
            "https://admin.vps.org/api/v1/servers/?page=2"
        )
        .is_err());
    }
}
