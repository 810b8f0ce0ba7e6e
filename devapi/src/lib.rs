//! A local simulator of the documented VPS.org API that also serves the built panel.
//!
//! `api` holds the documented endpoints, `world` the simulated account and its clock,
//! `faults` the failures tests can ask for, `control` the test-only endpoints, `panel` the
//! static files; `paging` cuts lists into pages and `reply` writes the error body they share.

pub mod api;
pub mod args;
mod control;
pub mod faults;
mod paging;
mod panel;
mod reply;
pub mod world;

use axum::http::HeaderValue;
use axum::http::{header, Method, Uri};
use axum::Router;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

use args::Args;
use faults::FaultSettings;
use world::World;

/// Shared by every handler. Locks are held only for the length of one request's bookkeeping.
#[derive(Clone)]
pub struct AppState {
    args: Arc<Args>,
    world: Arc<Mutex<World>>,
    faults: Arc<Mutex<FaultSettings>>,
    token: Arc<Mutex<String>>,
    requests: Arc<Mutex<Vec<String>>>,
    /// The rate limit's current window, when one is set.
    window: Arc<Mutex<faults::Window>>,
    /// Writes (POST, DELETE) being handled now, and the most at once since the last reset.
    writes_now: Arc<AtomicU64>,
    writes_peak: Arc<AtomicU64>,
    rng: Arc<AtomicU64>,
}

impl AppState {
    pub fn new(args: Args) -> Self {
        let world = fresh_world(&args);
        Self {
            faults: Arc::new(Mutex::new(args.faults.clone())),
            token: Arc::new(Mutex::new(args.token.clone())),
            world: Arc::new(Mutex::new(world)),
            requests: Arc::new(Mutex::new(Vec::new())),
            window: Arc::new(Mutex::new(faults::Window::default())),
            writes_now: Arc::new(AtomicU64::new(0)),
            writes_peak: Arc::new(AtomicU64::new(0)),
            rng: Arc::new(AtomicU64::new(0x9E37_79B9_7F4A_7C15)),
            args: Arc::new(args),
        }
    }

    /// A poisoned lock only means an earlier request panicked; the data is still usable.
    fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn token(&self) -> String {
        self.token.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn record(&self, method: &Method, uri: &Uri) {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(format!("{method} {uri}"));
    }

    /// xorshift64: good enough to decide which requests fail, and needs no crate.
    fn random(&self) -> f64 {
        let mut x = self.rng.load(Ordering::Relaxed);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng.store(x, Ordering::Relaxed);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn fresh_world(args: &Args) -> World {
    let mut world = World::seeded(
        Duration::from_millis(args.create_delay_ms),
        Duration::from_millis(args.restore_delay_ms),
    );
    world.add_bulk_servers(args.servers);
    world
}

/// The whole server: API (with faults and CORS), control endpoints when enabled, the panel.
pub fn app(args: Args) -> Router {
    let state = AppState::new(args);
    let api = api::router(state.clone()).layer(axum::middleware::from_fn_with_state(
        state.clone(),
        faults::inject,
    ));
    let mut app = Router::new().nest("/api", api);
    if state.args.control {
        app = app.merge(control::router(state.clone()));
    }
    // Like a real API, only the origins it is told may call it from a page elsewhere (the
    // browser test runner, a panel deployed cross-origin); never `*`. The panel it serves
    // itself is same-origin and needs no CORS.
    let origins: Vec<HeaderValue> = state
        .args
        .allow_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    let exposed: Vec<header::HeaderName> = state
        .args
        .expose_headers
        .iter()
        .filter_map(|name| header::HeaderName::from_bytes(name.as_bytes()).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers(exposed);
    app.fallback_service(panel::service(&state.args.dist))
        .layer(cors)
}
