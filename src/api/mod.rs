//! The VPS.org API: the only code that knows URLs, headers and JSON.

mod client;
mod config;
mod decode;
mod error;
mod json;
pub mod models;
mod paging;
mod reach;
mod url;

pub use client::{absolute_base, ApiClient, ServerFilter, DEFAULT_TIMEOUT_MS};
pub use config::{load_config, parse_config, PanelConfig, DEFAULT_API_BASE};
pub use error::{error_from_response, server_message, AfterCheck, ApiError, ServerMessage};
/// Also reads what the panel keeps in `sessionStorage`, with the same small parser.
pub use json::from_str as parse_json;
pub use paging::{Listing, Progress, MAX_PAGES};
pub use reach::{NoAnswer, Unreached};
pub use url::join_url;

/// The documented limit of snapshots per server; the API refuses a sixth with a 400.
pub const SNAPSHOTS_PER_SERVER: usize = 5;

#[cfg(test)]
mod tests;
