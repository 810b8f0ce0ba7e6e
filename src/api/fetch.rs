//! One HTTP exchange over the browser's `fetch`: the status and the body as text.
//!
//! The panel needs nothing more of HTTP, so it calls `fetch` itself instead of carrying a
//! request-builder crate in every visitor's download.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, looked up at each call (the browser tests replace it).
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(url: &str, init: &RequestInit) -> Result<Promise, JsValue>;
}

/// What a request asks for; `url` already carries its query.
pub struct Outgoing<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<&'a str>,
    pub signal: Option<&'a AbortSignal>,
}

/// Sends the request and reads the whole answer, whatever its status. `Err` carries the
/// browser's description (`TypeError: Failed to fetch`) of a request that got no answer or
/// whose body could not be read.
pub async fn exchange(outgoing: Outgoing<'_>) -> Result<(u16, String), String> {
    let init = RequestInit::new();
    init.set_method(outgoing.method);
    let headers = Headers::new().map_err(describe)?;
    for (name, value) in outgoing.headers {
        headers.set(name, value).map_err(describe)?;
    }
    init.set_headers(&headers);
    if let Some(body) = outgoing.body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_signal(outgoing.signal);
    let answer = JsFuture::from(global_fetch(outgoing.url, &init).map_err(describe)?)
        .await
        .map_err(describe)?;
    let response: Response = answer.dyn_into().map_err(describe)?;
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok((response.status(), text.as_string().unwrap_or_default()))
}

/// A thrown value as text: an `Error`'s `toString()`, a thrown string as it is.
fn describe(thrown: JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => error.to_string().into(),
        None => thrown
            .as_string()
            .unwrap_or_else(|| "the browser gave no reason".to_owned()),
    }
}
