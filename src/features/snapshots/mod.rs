//! Snapshots: the all-snapshots page, and the server page where a server's snapshots are kept.

pub mod model;
mod server_page;
mod snapshots_page;
mod table;

pub use crate::name_rule::{snapshot_name_problem, MAX_SNAPSHOT_NAME_LEN};
pub use server_page::ServerPage;
pub use snapshots_page::SnapshotsPage;
pub use table::SnapshotTable;

pub(crate) use crate::api::SNAPSHOTS_PER_SERVER as SNAPSHOT_LIMIT;

/// Seconds since the epoch, from the browser's clock.
pub(crate) fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
