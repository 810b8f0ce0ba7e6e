//! Timers on the browser's `setTimeout` and `setInterval`: a [`Timer`] is cleared when it is
//! dropped, so a timer owned by a view or a request ends with it.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &JsValue, ms: u32) -> i32;
    #[wasm_bindgen(js_name = setInterval)]
    fn set_interval(callback: &JsValue, ms: u32) -> i32;
    // Timeouts and intervals share one list of ids, so this clears either.
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timer(id: i32);
}

/// A pending timeout or a running interval; dropping it stops it.
pub struct Timer {
    id: i32,
    // Kept alive while the browser may still call it.
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `run` once after `ms` milliseconds, unless the timer is dropped first.
    pub fn after(ms: u32, run: impl FnOnce() + 'static) -> Self {
        let mut run = Some(run);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(run) = run.take() {
                run();
            }
        });
        Self {
            id: set_timeout(callback.as_ref(), ms),
            _callback: callback,
        }
    }

    /// Calls `run` every `ms` milliseconds until the timer is dropped.
    pub fn every(ms: u32, run: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(run);
        Self {
            id: set_interval(callback.as_ref(), ms),
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timer(self.id);
    }
}

/// Calls `run` once after `ms` milliseconds; nothing can stop it, and it frees itself.
pub fn once_after(ms: u32, run: impl FnOnce() + 'static) {
    set_timeout(&Closure::once_into_js(run), ms);
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let wake = Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    // A timer's promise only resolves.
    let _ = JsFuture::from(wake).await;
}
