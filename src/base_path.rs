//! Where the panel is served from: the path of the document's `<base href>`.
//!
//! One build runs under any path: `scripts/configure-dist.sh --base-path /ops/panel/` rewrites
//! `<base href>` at deploy time, and the router, its links and the return-after-sign-in path
//! all follow it from here.

/// The router's base for a document base path: `/ops/panel/` gives `/ops/panel`, `/` gives ``.
pub fn router_base(base_pathname: &str) -> String {
    base_pathname.trim_end_matches('/').to_owned()
}

/// The path inside the panel: `/ops/panel/servers/1` under `/ops/panel` is `/servers/1`.
/// A path outside the base is returned as it is (the router will not match it anyway).
pub fn path_in_panel<'a>(router_base: &str, pathname: &'a str) -> &'a str {
    match pathname.strip_prefix(router_base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => pathname,
    }
}

/// An `href` for a page of the panel (`/servers/1`) under the deployed base path.
/// Links take an absolute path as it is (navigation adds the router base; links do not).
pub fn href(path: &str) -> String {
    format!("{}{path}", panel_base())
}

/// The router base of this document (`/ops/panel`, or `` at the root). `<base href>` does not
/// change while the panel runs, so it is read once.
pub fn panel_base() -> String {
    thread_local! {
        static BASE: String = read_router_base();
    }
    BASE.with(String::clone)
}

/// Reads the router base from the document's `<base href>`; `` when it has none (without one,
/// `document.baseURI` is just the current page's address).
fn read_router_base() -> String {
    let document = web_sys::window().and_then(|window| window.document());
    let has_base = document
        .as_ref()
        .and_then(|document| document.query_selector("base[href]").ok().flatten())
        .is_some();
    if !has_base {
        return String::new();
    }
    let pathname = document
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    router_base(&pathname)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_has_an_empty_router_base_and_a_sub_path_loses_its_trailing_slash() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base("/ops/panel/"), "/ops/panel");
        assert_eq!(router_base("/ops/panel"), "/ops/panel");
    }

    #[test]
    fn paths_under_the_base_are_seen_from_inside_the_panel() {
        assert_eq!(
            path_in_panel("/ops/panel", "/ops/panel/servers/1"),
            "/servers/1"
        );
        assert_eq!(path_in_panel("/ops/panel", "/ops/panel"), "/");
        assert_eq!(path_in_panel("", "/servers"), "/servers");
    }

    #[test]
    fn a_path_that_only_shares_a_prefix_with_the_base_is_not_under_it() {
        assert_eq!(
            path_in_panel("/ops/panel", "/ops/panelx/servers"),
            "/ops/panelx/servers"
        );
        assert_eq!(path_in_panel("/ops/panel", "/elsewhere"), "/elsewhere");
    }
}
