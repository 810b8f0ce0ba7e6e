//! The HTTP client: every request to the API goes through [`ApiClient::send`].

use super::decode::{decode, Answer};
use super::error::{error_from_response, retry_after_seconds, ApiError};
use super::models::{CreateSnapshot, CreatedSnapshot, Me, Page, RestoreStarted, Server, Snapshot};
use super::paging::{checked_next, Listing, Progress, MAX_PAGES};
use super::reach::{diagnose, NoAnswer, Unreached};
use super::url::{absolute, join_url};
use gloo_net::http::{Request, RequestBuilder};
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use web_sys::AbortController;

/// Told of each page of a list as it arrives: how far the list has come, and that page's items.
type OnPage<T> = Box<dyn Fn(Progress, &[T])>;

/// Requests give up after this long unless the client is told otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;

/// Filters of `GET /servers/`; `None` leaves the parameter out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServerFilter {
    pub status: Option<String>,
    pub location: Option<String>,
}

/// A client bound to one API base and one token. Cheap to clone.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiClient {
    base: String,
    token: String,
    timeout_ms: u32,
}

#[derive(Clone, Copy, Debug)]
enum Method {
    Get,
    Post,
    Delete,
}

impl ApiClient {
    pub fn new(base: impl Into<String>, token: impl Into<String>) -> Self {
        Self {
            base: base.into(),
            token: token.into(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }

    pub fn with_timeout_ms(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// `GET /account/me/`: checks the token and says whose it is.
    pub fn me(&self) -> impl Future<Output = Result<Me, ApiError>> {
        self.get_json("account/me/", &[])
    }

    /// `GET /servers/?status=&location=`, every page; `on_page` gets each page as it arrives.
    pub fn servers(
        &self,
        filter: &ServerFilter,
        on_page: impl Fn(Progress, &[Server]) + 'static,
    ) -> impl Future<Output = Result<Listing<Server>, ApiError>> {
        self.list_all(
            "servers/",
            &[
                ("status", filter.status.clone()),
                ("location", filter.location.clone()),
            ],
            Box::new(on_page),
        )
    }

    /// `GET /snapshots/`, optionally `?server_id=`, every page; `on_page` gets each page.
    pub fn snapshots(
        &self,
        server_id: Option<u64>,
        on_page: impl Fn(Progress, &[Snapshot]) + 'static,
    ) -> impl Future<Output = Result<Listing<Snapshot>, ApiError>> {
        self.list_all(
            "snapshots/",
            &[("server_id", server_id.map(|id| id.to_string()))],
            Box::new(on_page),
        )
    }

    /// `POST /snapshots/`.
    pub fn create_snapshot(
        &self,
        request: &CreateSnapshot,
    ) -> impl Future<Output = Result<CreatedSnapshot, ApiError>> {
        let body = Some(super::json::to_string(request));
        let sent = self.send(Method::Post, self.url("snapshots/"), &[], body);
        async move { decode(&sent.await?).await }
    }

    /// `POST /snapshots/{id}/restore/` (no body).
    pub fn restore_snapshot(
        &self,
        snapshot_id: u64,
    ) -> impl Future<Output = Result<RestoreStarted, ApiError>> {
        let sent = self.send(
            Method::Post,
            self.url(&format!("snapshots/{snapshot_id}/restore/")),
            &[],
            None,
        );
        async move { decode(&sent.await?).await }
    }

    /// `DELETE /snapshots/{id}/`; the API answers 204 with no body.
    pub fn delete_snapshot(&self, snapshot_id: u64) -> impl Future<Output = Result<(), ApiError>> {
        let sent = self.send(
            Method::Delete,
            self.url(&format!("snapshots/{snapshot_id}/")),
            &[],
            None,
        );
        async move { sent.await.map(|_| ()) }
    }

    fn get_json<T: Answer>(
        &self,
        path: &str,
        query: &[(&str, Option<String>)],
    ) -> impl Future<Output = Result<T, ApiError>> {
        let sent = self.send(Method::Get, self.url(path), query, None);
        async move { decode(&sent.await?).await }
    }

    /// Every page of a list: follows `next` while it stays under the API base (the token goes
    /// nowhere else), up to [`MAX_PAGES`]. A failure on any page fails the whole list: a
    /// partial list is never presented as complete.
    fn list_all<T: 'static>(
        &self,
        path: &str,
        query: &[(&str, Option<String>)],
        on_page: OnPage<T>,
    ) -> impl Future<Output = Result<Listing<T>, ApiError>>
    where
        Page<T>: Answer,
    {
        let first = self.send(Method::Get, self.url(path), query, None);
        let client = self.clone();
        async move {
            let mut page: Page<T> = decode(&first.await?).await?;
            let mut listing = Listing {
                results: Vec::new(),
                count: page.count,
                truncated: false,
            };
            for pages_read in 1.. {
                listing.count = page.count.or(listing.count);
                let progress = Progress {
                    loaded: listing.results.len() + page.results.len(),
                    count: listing.count,
                };
                on_page(progress, &page.results);
                listing.results.append(&mut page.results);
                let Some(next) = page.next.take() else { break };
                if pages_read >= MAX_PAGES {
                    listing.truncated = true;
                    break;
                }
                let url = checked_next(&page_origin(), &client.base, &next)?;
                let (address, pairs) = split_query(&url);
                let query: Vec<(&str, Option<String>)> = pairs
                    .iter()
                    .map(|(key, value)| (key.as_str(), Some(value.clone())))
                    .collect();
                page = decode(&client.send(Method::Get, address, &query, None).await?).await?;
            }
            Ok(listing)
        }
    }

    fn url(&self, path: &str) -> String {
        join_url(&self.base, path)
    }

    /// Sends one request and returns the body of a 2xx answer.
    ///
    /// Not an `async fn` on purpose: the abort controller is made (and, for reads, tied to the
    /// current reactive owner) when the call is made, so a view that goes away cancels its reads.
    fn send(
        &self,
        method: Method,
        url: String,
        query: &[(&str, Option<String>)],
        body: Option<String>,
    ) -> impl Future<Output = Result<String, ApiError>> {
        let query: Vec<(String, String)> = query
            .iter()
            .filter_map(|(key, value)| value.clone().map(|value| ((*key).to_owned(), value)))
            .collect();
        let authorization = format!("Bearer {}", self.token);
        let base = self.base.clone();
        let timeout_ms = self.timeout_ms;
        let abort = AbortOnDrop::new();
        // Reads die with their view. Writes are not cancelled that way: aborting the browser's
        // side would not undo the server's, and the answer still updates the page if it is there.
        if matches!(method, Method::Get) {
            abort.cancel_on_owner_cleanup();
        }
        async move {
            let builder = match method {
                Method::Get => Request::get(&url),
                Method::Post => Request::post(&url),
                Method::Delete => Request::delete(&url),
            };
            // Only with parameters: gloo-net appends a stray `&` to a URL that has a query
            // already (a `next` link) even when it is given none.
            let builder = if query.is_empty() {
                builder
            } else {
                builder.query(
                    query
                        .iter()
                        .map(|(key, value)| (key.as_str(), value.as_str())),
                )
            };
            let builder: RequestBuilder = builder
                .header("Authorization", &authorization)
                .abort_signal(abort.signal().as_ref());
            let request = match body {
                Some(body) => builder
                    .header("Content-Type", "application/json")
                    .body(body),
                None => builder.build(),
            }
            .map_err(|error| no_answer(unreached(NoAnswer::Unknown, &base, error)))?;

            let timed_out = Rc::new(Cell::new(false));
            let _timer = {
                let timed_out = Rc::clone(&timed_out);
                let controller = abort.controller();
                gloo_timers::callback::Timeout::new(timeout_ms, move || {
                    timed_out.set(true);
                    if let Some(controller) = controller {
                        controller.abort();
                    }
                })
            };
            let outcome = async {
                let response = request.send().await.map_err(Lost::NoAnswer)?;
                let status = response.status();
                // Readable cross-origin only when the API lists it in Expose-Headers.
                let retry_after = response.headers().get("Retry-After");
                let text = response.text().await.map_err(Lost::Dropped)?;
                Ok::<_, Lost>((status, text, retry_after))
            }
            .await;
            match outcome {
                Ok((status, text, _)) if (200..300).contains(&status) => Ok(text),
                Ok((status, text, retry_after)) => Err(with_retry_after(
                    error_from_response(status, &text),
                    retry_after.as_deref(),
                )),
                Err(_) if timed_out.get() => Err(ApiError::Timeout(timeout_ms.div_ceil(1000))),
                Err(_) if abort.was_aborted() => Err(ApiError::Aborted),
                Err(Lost::Dropped(error)) => {
                    Err(no_answer(unreached(NoAnswer::Dropped, &base, error)))
                }
                Err(Lost::NoAnswer(error)) => {
                    let mut facts = unreached(NoAnswer::Unknown, &base, error);
                    facts.cause = diagnose(&facts.api_base, &facts.page_origin).await;
                    Err(no_answer(facts))
                }
            }
        }
    }
}

/// A URL without its query, and the query's decoded pairs: the request builder re-adds them
/// (given a URL that already has a query, gloo-net would append a stray `&`).
fn split_query(url: &str) -> (String, Vec<(String, String)>) {
    let Ok(parsed) = web_sys::Url::new(url) else {
        return (url.to_owned(), Vec::new());
    };
    let mut pairs = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(&parsed.search_params()) {
        for entry in entries.flatten() {
            let entry = js_sys::Array::from(&entry);
            if let (Some(key), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((key, value));
            }
        }
    }
    parsed.set_search("");
    (parsed.href(), pairs)
}

/// The page's own origin (`https://panel.example.com`), which a same-origin API base is on.
fn page_origin() -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

/// How a request ended without a whole answer: none came, or its body broke off.
enum Lost {
    NoAnswer(gloo_net::Error),
    Dropped(gloo_net::Error),
}

/// The facts the Details disclosure shows, with a cause.
fn unreached(cause: NoAnswer, base: &str, error: gloo_net::Error) -> Unreached {
    Unreached {
        cause,
        api_base: absolute_base(base),
        page_origin: page_origin(),
        detail: error.to_string(),
    }
}

fn no_answer(facts: Unreached) -> ApiError {
    ApiError::Network(Box::new(facts))
}

/// The API base as an absolute URL: a same-origin path (`/api/v1`) is on this page's origin.
pub fn absolute_base(base: &str) -> String {
    absolute(&page_origin(), base)
}

/// A readable `Retry-After` header is the API's own word on a 429's wait: it comes first.
fn with_retry_after(error: ApiError, header: Option<&str>) -> ApiError {
    match (error, header.and_then(retry_after_seconds)) {
        (ApiError::Throttled { message, .. }, Some(seconds)) => ApiError::Throttled {
            message,
            wait_s: Some(seconds),
        },
        (error, _) => error,
    }
}

/// Owns the request's `AbortController`: aborts when the request's future is dropped
/// (a superseded load) and, through the reactive owner, when its view is cleaned up.
struct AbortOnDrop {
    controller: Option<AbortController>,
}

impl AbortOnDrop {
    fn new() -> Self {
        Self {
            controller: AbortController::new().ok(),
        }
    }

    fn controller(&self) -> Option<AbortController> {
        self.controller.clone()
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }

    fn was_aborted(&self) -> bool {
        self.signal().is_some_and(|signal| signal.aborted())
    }

    fn cancel_on_owner_cleanup(&self) {
        if leptos::prelude::Owner::current().is_none() {
            return;
        }
        if let Some(controller) = self.controller() {
            let controller = SendWrapper::new(controller);
            leptos::prelude::on_cleanup(move || controller.abort());
        }
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}
