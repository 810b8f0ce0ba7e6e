//! Why a request got no HTTP answer. The browser says only "Failed to fetch" whether it is
//! offline, blocked mixed content, was refused by the API's CORS rules, or found nothing at the
//! address; the panel tells them apart after the failure, so it can say what to change.

use super::url::{split_origin, starts_with_ignore_case};
use gloo_net::http::Request;
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestMode};

/// How long the probe of the API base may take before it counts as no answer.
const PROBE_TIMEOUT_MS: u32 = 5_000;

/// What stood between the panel and the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// The browser says it is offline.
    Offline,
    /// An `https` page may not call an `http` API: the browser blocks it.
    MixedContent,
    /// The API answers (a `no-cors` probe of its base got through) but the browser would not
    /// let this page read it: the API's CORS allow-list leaves this origin out.
    RefusedOrigin,
    /// Nothing answers at the API base: the API is down or `api_base` is wrong.
    NothingAnswers,
    /// The API began to answer, and the connection dropped before the answer was complete.
    Dropped,
    /// The API's origin is this page's and it answers a probe: no cause to name.
    Unknown,
}

/// A request that got no HTTP answer: the cause, and what an operator needs to check it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreached {
    pub cause: NoAnswer,
    /// The API base as an absolute URL.
    pub api_base: String,
    /// This page's origin (`https://panel.example.com`).
    pub page_origin: String,
    /// The browser's own words (`TypeError: Failed to fetch`).
    pub detail: String,
}

/// The cause that needs no probe, if any: offline, or mixed content.
pub fn cause_before_probe(online: bool, page_origin: &str, api_base: &str) -> Option<NoAnswer> {
    let page_is_https = starts_with_ignore_case(page_origin, "https://");
    if !online {
        Some(NoAnswer::Offline)
    } else if page_is_https && starts_with_ignore_case(api_base, "http://") {
        Some(NoAnswer::MixedContent)
    } else {
        None
    }
}

/// The cause once the probe has been tried: an API on another origin that answers a probe but
/// not the request has refused this origin; one that answers nothing is not there.
pub fn cause_after_probe(page_origin: &str, api_base: &str, answered: bool) -> NoAnswer {
    let same_origin = origin_of(api_base).eq_ignore_ascii_case(page_origin);
    match (answered, same_origin) {
        (false, _) => NoAnswer::NothingAnswers,
        (true, false) => NoAnswer::RefusedOrigin,
        (true, true) => NoAnswer::Unknown,
    }
}

/// Works out why a request to `api_base` (absolute) got no answer.
pub async fn diagnose(api_base: &str, page_origin: &str) -> NoAnswer {
    let online = web_sys::window().is_none_or(|window| window.navigator().on_line());
    if let Some(cause) = cause_before_probe(online, page_origin, api_base) {
        return cause;
    }
    cause_after_probe(page_origin, api_base, probe(api_base).await)
}

/// Whether anything answers at `url`: a `no-cors` GET, which CORS rules cannot refuse (its
/// answer is opaque, and only its arrival counts). It carries no token and no cookies.
async fn probe(url: &str) -> bool {
    let controller = AbortController::new().ok();
    let _timer = controller.clone().map(|controller| {
        gloo_timers::callback::Timeout::new(PROBE_TIMEOUT_MS, move || controller.abort())
    });
    let request = Request::get(url)
        .mode(RequestMode::NoCors)
        .credentials(RequestCredentials::Omit)
        .cache(RequestCache::NoStore)
        .abort_signal(controller.as_ref().map(AbortController::signal).as_ref())
        .build();
    match request {
        Ok(request) => request.send().await.is_ok(),
        Err(_) => false,
    }
}

/// `https://host:port` of an absolute URL (the whole text if it is not one).
fn origin_of(url: &str) -> &str {
    split_origin(url).map_or(url, |(origin, _)| origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PANEL: &str = "https://panel.example.com";

    #[test]
    fn offline_and_mixed_content_are_known_without_a_probe() {
        let api = "https://admin.vps.org/api/v1";
        assert_eq!(
            cause_before_probe(false, PANEL, api),
            Some(NoAnswer::Offline)
        );
        assert_eq!(
            cause_before_probe(true, PANEL, "http://admin.vps.org/api/v1"),
            Some(NoAnswer::MixedContent)
        );
        assert_eq!(
            cause_before_probe(true, PANEL, "HTTP://admin.vps.org/api/v1"),
            Some(NoAnswer::MixedContent)
        );
        assert_eq!(cause_before_probe(true, PANEL, api), None);
        // An http page may call an http API.
        assert_eq!(
            cause_before_probe(true, "http://127.0.0.1:8080", "http://127.0.0.1:9/api/v1"),
            None
        );
    }

    #[test]
    fn a_probe_that_gets_through_to_another_origin_means_cors_refused_this_one() {
        let api = "https://admin.vps.org/api/v1";
        assert_eq!(cause_after_probe(PANEL, api, true), NoAnswer::RefusedOrigin);
        assert_eq!(
            cause_after_probe(PANEL, api, false),
            NoAnswer::NothingAnswers
        );
        let same = "https://panel.example.com/api/v1";
        assert_eq!(cause_after_probe(PANEL, same, true), NoAnswer::Unknown);
        assert_eq!(
            cause_after_probe(PANEL, same, false),
            NoAnswer::NothingAnswers
        );
        // Another port is another origin.
        assert_eq!(
            cause_after_probe(PANEL, "https://panel.example.com:8443/api/v1", true),
            NoAnswer::RefusedOrigin
        );
    }

    #[test]
    fn the_origin_of_a_url_is_its_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://admin.vps.org:8443/api/v1?x=1"),
            "https://admin.vps.org:8443"
        );
        assert_eq!(origin_of("http://127.0.0.1:9"), "http://127.0.0.1:9");
    }
}
