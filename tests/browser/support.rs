//! Helpers shared by the browser tests: a fresh container per test, waiting for the DOM.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts `view` into a new `<div>` of its own; the handle unmounts on drop, keep it alive.
pub fn mount<F, V>(view: F) -> (HtmlElement, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    let container: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), view);
    (container, handle)
}

/// Leptos updates the DOM asynchronously: yield to the event loop.
pub async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits (up to ~2 s) until `check` holds, so tests do not depend on exact scheduling.
pub async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Puts a token in this tab's session, as a signed-in user has, and returns the session.
pub fn signed_in_session() -> vps_panel::session::Session {
    let storage = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .expect("sessionStorage");
    storage
        .set_item(vps_panel::session::TOKEN_KEY, "test-token")
        .expect("stored");
    vps_panel::session::Session::new(vps_panel::api::PanelConfig::default())
}

/// Leaves the page URL and storage as the next test expects them.
pub fn clean_up(container: &HtmlElement) {
    container.remove();
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"));
        }
        if let Some(storage) = window.session_storage().ok().flatten() {
            let _ = storage.clear();
        }
    }
}

pub fn text_of(container: &HtmlElement) -> String {
    container.text_content().unwrap_or_default()
}

pub fn query(container: &HtmlElement, selector: &str) -> Option<web_sys::Element> {
    container.query_selector(selector).ok().flatten()
}

pub fn query_all(container: &HtmlElement, selector: &str) -> u32 {
    container
        .query_selector_all(selector)
        .map(|list| list.length())
        .unwrap_or(0)
}

/// Sets a `<select>`'s value and fires `change`, as a user's choice does.
pub fn choose(select: &web_sys::Element, value: &str) {
    let select: web_sys::HtmlSelectElement = select.clone().unchecked_into();
    select.set_value(value);
    let event = web_sys::Event::new("change").expect("event");
    select.dispatch_event(&event).expect("dispatched");
}

/// Submits `form` as a user's Enter does: a trusted, cancelable `submit` event, which the panel
/// handles in place. (A `submit` event made by script is not cancelable, and Firefox goes on to
/// submit the form for it: the test page would be navigated away.)
pub fn submit(form: &web_sys::Element) {
    form.clone()
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .expect("submitted");
}

pub fn click(element: &web_sys::Element) {
    element.clone().unchecked_into::<HtmlElement>().click();
}
