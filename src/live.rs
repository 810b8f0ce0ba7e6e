//! Keeping what is on screen current: the state of a load, and a refresh timer that runs only
//! while something is still changing.

use crate::api::ApiError;
use crate::session::Session;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Between refreshes while work is in flight: at most 5 s, and 4 s keeps the API load modest.
pub const POLL_MS: u32 = 4_000;

/// A list or record as it arrives from the API.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Failed(ApiError),
    Ready(T),
}

impl<T> Loaded<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }

    /// A load's value: `None` (first load still running) is `Loading`.
    pub fn from_result(result: Option<Result<T, ApiError>>) -> Self {
        match result {
            None => Loaded::Loading,
            Some(Ok(value)) => Loaded::Ready(value),
            Some(Err(error)) => Loaded::Failed(error),
        }
    }
}

/// Calls `refresh` every [`POLL_MS`] while `in_flight` holds and the tab is visible, and at
/// once when the tab becomes visible again; holds off while the API is throttling us (429).
/// Stops with the calling view.
pub fn refresh_while(
    in_flight: impl Fn() -> bool + Clone + 'static,
    refresh: impl Fn() + Clone + 'static,
) {
    let session = use_context::<Session>();
    let due = {
        let (in_flight, refresh) = (in_flight.clone(), refresh.clone());
        move || {
            let throttled = session.is_some_and(|s| s.is_throttled());
            if !document().hidden() && !throttled && untrack(&in_flight) {
                refresh();
            }
        }
    };
    let interval = gloo_timers::callback::Interval::new(POLL_MS, due.clone());
    let on_visibility: Closure<dyn FnMut()> = Closure::new(due);
    let document = document();
    let _ = document.add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    let held = SendWrapper::new((interval, on_visibility, document));
    on_cleanup(move || {
        let (interval, on_visibility, document) = held.take();
        interval.cancel();
        let _ = document.remove_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
    });
}
