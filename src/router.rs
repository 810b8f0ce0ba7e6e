//! The panel's router: the address as two signals, navigation through the History API, and
//! links followed inside the page. Five routes need little of a general router, and
//! `leptos_router` costs the bundle far more than this (the decisions table in docs/performance.md).
//!
//! Paths here are inside the panel (`/servers/1`); the deployed base path (`/ops/panel`) is
//! added when the address is written and removed when it is read.

use crate::base_path::{panel_base, path_in_panel};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current address, inside the panel.
#[derive(Clone, Copy)]
pub struct Router {
    /// `/servers/1`: no base path, no trailing slash (but `/` itself).
    path: RwSignal<String>,
    /// `?status=active`, or empty.
    search: RwSignal<String>,
}

/// How a navigation treats history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigation {
    /// A new history entry, scrolled to the top: following a link.
    Push,
    /// The current entry changes in place and the scroll stays: a filter, a redirect.
    Replace,
}

/// The routes of the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Root,
    SignIn,
    Servers,
    /// `/servers/<id>`; `None` when the id is not a number.
    Server(Option<u64>),
    Snapshots,
    Activity,
    NotFound,
}

/// Which route a path inside the panel is.
pub fn route_for(path: &str) -> Route {
    match path.trim_end_matches('/') {
        "" => Route::Root,
        "/sign-in" => Route::SignIn,
        "/servers" => Route::Servers,
        "/snapshots" => Route::Snapshots,
        "/activity" => Route::Activity,
        other => match other.strip_prefix("/servers/") {
            Some(id) if !id.contains('/') => Route::Server(id.parse().ok()),
            _ => Route::NotFound,
        },
    }
}

/// One value of a query string (`?a=1&b=2`), decoded.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()
        .and_then(|params| params.get(key))
}

impl Router {
    /// The path inside the panel (tracked).
    pub fn path(&self) -> String {
        self.path.get()
    }

    pub fn path_untracked(&self) -> String {
        self.path.get_untracked()
    }

    /// The query string, `?…` or empty (tracked).
    pub fn search(&self) -> ReadSignal<String> {
        self.search.read_only()
    }

    /// One query value of the current address (tracked).
    pub fn query(&self, key: &str) -> Option<String> {
        self.search.with(|search| query_value(search, key))
    }

    /// Goes to `to`, a path inside the panel with its query (`/servers?q=web`).
    pub fn navigate(&self, to: &str, how: Navigation) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        let address = format!("{}{to}", panel_base());
        let written = match how {
            Navigation::Push => {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
            }
            Navigation::Replace => {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
            }
        };
        if written.is_ok() {
            self.read_address();
            if how == Navigation::Push {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    /// The same, after the current render: for redirects decided while a view is built.
    pub fn navigate_soon(&self, to: String, how: Navigation) {
        let router = *self;
        leptos::task::spawn_local(async move { router.navigate(&to, how) });
    }

    /// Takes the address from the window (after a navigation, back or forward).
    fn read_address(&self) {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let pathname = location.pathname().unwrap_or_default();
        let inside = path_in_panel(&panel_base(), &pathname);
        let path = match inside.trim_end_matches('/') {
            "" => "/".to_owned(),
            trimmed => trimmed.to_owned(),
        };
        let search = location.search().unwrap_or_default();
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
        }
    }
}

/// Starts the router: the address from the window, back and forward, and links followed
/// inside the page.
pub fn provide_router() -> Router {
    let router = Router {
        path: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    };
    router.read_address();
    provide_context(router);
    let _ = window_event_listener(leptos::ev::popstate, move |_| router.read_address());
    let _ = window_event_listener(leptos::ev::click, move |event| follow_link(router, &event));
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// Provides the router to its children (pages mounted on their own, as in the browser tests).
#[component]
pub fn RouterProvider(children: Children) -> impl IntoView {
    provide_router();
    children()
}

/// What the router needs to know of a click on a link, read from the event and the `<a>`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkClick {
    /// Another button than the main one, a modifier key held, or the default already prevented.
    pub not_plain: bool,
    /// `target` set (another window), `download`, or `rel="external"`.
    pub opens_elsewhere: bool,
    /// The page's origin (`https://panel.example.com`).
    pub page_origin: String,
    /// The resolved link: its origin, path, query (with its `?`) and fragment (with its `#`).
    pub origin: String,
    pub pathname: String,
    pub search: String,
    pub hash: String,
}

/// Where the router takes a plain click on a link to a page of the panel (`/servers/1?x=y`,
/// inside the router base `base`); `None` leaves the click to the browser: a modifier key,
/// another window, a download, another origin, a path outside the panel, a link to an anchor.
pub fn link_target(click: &LinkClick, base: &str) -> Option<String> {
    let in_panel = base.is_empty()
        || click.pathname == base
        || click
            .pathname
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with('/'));
    let follow = !click.not_plain
        && !click.opens_elsewhere
        && click.origin == click.page_origin
        && in_panel
        && click.hash.is_empty();
    follow.then(|| format!("{}{}", path_in_panel(base, &click.pathname), click.search))
}

/// A plain click on a link to a page of the panel navigates without loading the document
/// ([`link_target`] decides); anything else is left to the browser.
fn follow_link(router: Router, event: &web_sys::MouseEvent) {
    let Some(click) = read_link_click(event) else {
        return;
    };
    if let Some(inside) = link_target(&click, &panel_base()) {
        event.prevent_default();
        router.navigate(&inside, Navigation::Push);
    }
}

/// The click's facts, or `None` when it was not on a link (or the link has no usable `href`).
fn read_link_click(event: &web_sys::MouseEvent) -> Option<LinkClick> {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())?;
    let window = web_sys::window()?;
    let base_uri = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &base_uri).ok()?;
    Some(LinkClick {
        not_plain: event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key(),
        opens_elsewhere: link.get_attribute("target").is_some_and(|t| !t.is_empty())
            || link.has_attribute("download")
            || link
                .get_attribute("rel")
                .is_some_and(|rel| rel.split_whitespace().any(|r| r == "external")),
        page_origin: window.location().origin().unwrap_or_default(),
        origin: url.origin(),
        pathname: url.pathname(),
        search: url.search(),
        hash: url.hash(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_routes() {
        assert_eq!(route_for("/"), Route::Root);
        assert_eq!(route_for(""), Route::Root);
        assert_eq!(route_for("/sign-in"), Route::SignIn);
        assert_eq!(route_for("/servers"), Route::Servers);
        assert_eq!(route_for("/servers/"), Route::Servers);
        assert_eq!(route_for("/servers/12345"), Route::Server(Some(12345)));
        assert_eq!(route_for("/servers/web-01"), Route::Server(None));
        assert_eq!(route_for("/servers/1/2"), Route::NotFound);
        assert_eq!(route_for("/snapshots"), Route::Snapshots);
        assert_eq!(route_for("/nowhere"), Route::NotFound);
    }

    /// A plain click on `/ops/panel/servers/1?tab=x` on the panel's own origin.
    fn plain_click() -> LinkClick {
        LinkClick {
            page_origin: "https://panel.example.com".into(),
            origin: "https://panel.example.com".into(),
            pathname: "/ops/panel/servers/1".into(),
            search: "?tab=x".into(),
            ..LinkClick::default()
        }
    }

    #[test]
    fn a_plain_click_inside_the_panel_is_followed_without_the_base_path() {
        assert_eq!(
            link_target(&plain_click(), "/ops/panel").as_deref(),
            Some("/servers/1?tab=x")
        );
        let root = LinkClick {
            pathname: "/ops/panel".into(),
            search: String::new(),
            ..plain_click()
        };
        assert_eq!(link_target(&root, "/ops/panel").as_deref(), Some("/"));
        let at_slash = LinkClick {
            pathname: "/servers".into(),
            ..plain_click()
        };
        assert_eq!(
            link_target(&at_slash, "").as_deref(),
            Some("/servers?tab=x")
        );
    }

    #[test]
    fn modifier_keys_other_windows_and_downloads_are_left_to_the_browser() {
        let modified = LinkClick {
            not_plain: true,
            ..plain_click()
        };
        assert_eq!(link_target(&modified, "/ops/panel"), None);
        let elsewhere = LinkClick {
            opens_elsewhere: true,
            ..plain_click()
        };
        assert_eq!(link_target(&elsewhere, "/ops/panel"), None);
    }

    #[test]
    fn another_origin_a_path_outside_the_base_and_a_hash_are_left_to_the_browser() {
        let other_origin = LinkClick {
            origin: "https://admin.vps.org".into(),
            ..plain_click()
        };
        assert_eq!(link_target(&other_origin, "/ops/panel"), None);
        for outside in ["/ops/panelist/servers", "/other/servers/1", "/"] {
            let click = LinkClick {
                pathname: outside.into(),
                ..plain_click()
            };
            assert_eq!(link_target(&click, "/ops/panel"), None, "{outside}");
        }
        let anchor = LinkClick {
            hash: "#top".into(),
            ..plain_click()
        };
        assert_eq!(link_target(&anchor, "/ops/panel"), None);
    }
}
