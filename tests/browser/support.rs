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
