//! A fake `globalThis.fetch` for driving the real request path without a server.
//! gloo-net looks `fetch` up on every call, so replacing it is enough.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const realFetch = globalThis.fetch;
let calls = [];
let lastSignal = null;

function record(input, init) {
  const request = input instanceof Request ? input : new Request(input, init);
  lastSignal = request.signal;
  const call = { url: request.url, method: request.method, headers: {}, body: null };
  request.headers.forEach((value, key) => { call.headers[key] = value; });
  calls.push(call);
  return { request, call };
}

export function fake_respond(status, body, contentType) {
  calls = [];
  globalThis.fetch = async (input, init) => {
    const { request, call } = record(input, init);
    call.body = await request.clone().text();
    if (request.signal.aborted) throw new DOMException("aborted", "AbortError");
    const noBody = status === 204 || status === 304;
    return new Response(noBody ? null : body, { status, headers: { "Content-Type": contentType } });
  };
}

export function fake_hang() {
  calls = [];
  globalThis.fetch = (input, init) => {
    const { request } = record(input, init);
    return new Promise((_, reject) => {
      request.signal.addEventListener("abort", () =>
        reject(new DOMException("The operation was aborted.", "AbortError")));
    });
  };
}

export function fake_network_error() {
  calls = [];
  globalThis.fetch = async (input, init) => {
    record(input, init);
    throw new TypeError("Failed to fetch");
  };
}

export function restore_fetch() { globalThis.fetch = realFetch; }
export function calls_json() { return JSON.stringify(calls); }
export function last_signal_aborted() { return lastSignal !== null && lastSignal.aborted; }
"#)]
extern "C" {
    /// Every request answers `status` with `body`.
    pub fn fake_respond(status: u16, body: &str, content_type: &str);
    /// Every request waits until its signal aborts.
    pub fn fake_hang();
    /// Every request fails as an unreachable host does.
    pub fn fake_network_error();
    pub fn restore_fetch();
    fn calls_json() -> String;
    pub fn last_signal_aborted() -> bool;
}

#[derive(Debug, serde::Deserialize)]
pub struct Call {
    pub url: String,
    pub method: String,
    pub headers: std::collections::BTreeMap<String, String>,
    pub body: Option<String>,
}

pub fn calls() -> Vec<Call> {
    serde_json::from_str(&calls_json()).expect("calls are JSON")
}

pub fn json(status: u16, body: &str) {
    fake_respond(status, body, "application/json");
}
