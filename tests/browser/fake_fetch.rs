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

// As a page meets an API whose CORS rules leave its origin out: every request fails, but a
// `no-cors` one (whose answer the page may not read) gets through.
export function fake_cors_refusal() {
  calls = [];
  globalThis.fetch = async (input, init) => {
    const { request, call } = record(input, init);
    call.mode = request.mode;
    if (request.mode === "no-cors") return new Response(null, { status: 200 });
    throw new TypeError("Failed to fetch");
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

export function fake_routes(routesJson) {
  calls = [];
  const routes = JSON.parse(routesJson);
  globalThis.fetch = async (input, init) => {
    const { request, call } = record(input, init);
    call.body = await request.clone().text();
    const found = routes.find(([part, method]) => request.url.includes(part) && (!method || method === request.method));
    if (!found) return new Response('{"detail": "Not found."}', { status: 404 });
    const [, , status, body, contentType] = found;
    const noBody = status === 204;
    return new Response(noBody ? null : body, { status, headers: { "Content-Type": contentType || "application/json" } });
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
    /// Every request fails but a `no-cors` one, as an API that refuses this origin.
    pub fn fake_cors_refusal();
    pub fn restore_fetch();
    fn fake_routes(routes_json: &str);
    fn calls_json() -> String;
    pub fn last_signal_aborted() -> bool;
}

#[derive(Debug, serde::Deserialize)]
pub struct Call {
    pub url: String,
    pub method: String,
    pub headers: std::collections::BTreeMap<String, String>,
    pub body: Option<String>,
    /// The request's mode, where the fake records it.
    #[serde(default)]
    pub mode: Option<String>,
}

pub fn calls() -> Vec<Call> {
    serde_json::from_str(&calls_json()).expect("calls are JSON")
}

pub fn json(status: u16, body: &str) {
    fake_respond(status, body, "application/json");
}

/// One faked endpoint: the first whose URL part (and method, if given) matches answers.
pub struct Route<'a> {
    pub url_part: &'a str,
    pub method: Option<&'a str>,
    pub status: u16,
    pub body: &'a str,
}

pub fn routes(routes: &[Route<'_>]) {
    let list: Vec<serde_json::Value> = routes
        .iter()
        .map(|r| serde_json::json!([r.url_part, r.method, r.status, r.body]))
        .collect();
    fake_routes(&serde_json::Value::Array(list).to_string());
}

pub fn get<'a>(url_part: &'a str, status: u16, body: &'a str) -> Route<'a> {
    Route {
        url_part,
        method: None,
        status,
        body,
    }
}
