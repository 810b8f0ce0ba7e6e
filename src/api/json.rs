//! JSON in and out of the API layer.
//!
//! In the browser, the browser's own `JSON.parse` and `JSON.stringify` do the text and
//! `serde-wasm-bindgen` maps the parsed value onto the models, so the wasm carries no JSON
//! parser of its own (`serde_json`'s was about 30 KB of it). Native builds, which run the unit
//! tests of the decoding rules, read the same text with `serde_json`; the browser tests run the
//! shipped path against garbled, HTML and mistyped bodies.

use serde::de::DeserializeOwned;
use serde::Serialize;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// Reads `text` as a `T`; the reason when it is not JSON or not that shape.
#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|error| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "not JSON".to_owned())
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

/// `value` as JSON text (`None` only if it cannot be written, which the models never are).
#[cfg(target_arch = "wasm32")]
pub fn to_string<T: Serialize>(value: &T) -> Option<String> {
    let value = serde_wasm_bindgen::to_value(value).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn to_string<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}
