//! For a request that got no HTTP answer: the facts behind the message, and a retry when the
//! browser comes back online.

use crate::api::{ApiError, NoAnswer, Unreached};
use crate::i18n::{tr, Key};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The facts of a request that got no answer, if `error` is one.
pub fn unreached(error: &ApiError) -> Option<&Unreached> {
    match error {
        ApiError::Network(unreached) => Some(unreached),
        _ => None,
    }
}

/// A closed "Details" disclosure: the API address, this page's origin, the browser's words.
#[component]
pub fn ConnectionDetails(unreached: Unreached) -> impl IntoView {
    view! {
        <details class="details">
            <summary>{tr(Key::ERROR_DETAILS)}</summary>
            <dl class="details__facts">
                <dt>{tr(Key::ERROR_DETAILS_API)}</dt>
                <dd class="mono">{unreached.api_base}</dd>
                <dt>{tr(Key::ERROR_DETAILS_ORIGIN)}</dt>
                <dd class="mono">{unreached.page_origin}</dd>
                <dt>{tr(Key::ERROR_DETAILS_BROWSER)}</dt>
                <dd class="mono">{unreached.detail}</dd>
            </dl>
        </details>
    }
}

/// When `error` says the browser is offline: runs `retry` once it is back online (while the
/// calling view lives).
pub fn retry_when_online(error: &ApiError, retry: Callback<()>) {
    if !unreached(error).is_some_and(|u| u.cause == NoAnswer::Offline) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_online: Closure<dyn FnMut()> = Closure::new(move || retry.run(()));
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    let held = SendWrapper::new((window, on_online));
    on_cleanup(move || {
        let (window, on_online) = held.take();
        let _ = window
            .remove_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    });
}
