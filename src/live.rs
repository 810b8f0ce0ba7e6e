//! Keeping what is on screen current: a refresh timer that runs only while something is still
//! changing.

use crate::session::Session;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Between refreshes while work is in flight: at most 5 s, and 4 s keeps the API load modest.
pub const POLL_MS: u32 = 4_000;

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
