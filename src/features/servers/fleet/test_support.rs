//! Test data shared by the fleet's unit tests.

use crate::api::models::{Server, ServerRef, ServerStatus, Snapshot, SnapshotStatus};

/// 2026-12-05 06:15 UTC.
pub const NOW: i64 = 1_796_451_300;

pub fn server(id: u64, name: &str, status: ServerStatus) -> Server {
    Server {
        id,
        name: name.into(),
        hostname: None,
        status,
        ip_address: None,
        location: None,
        plan: None,
        os: None,
        created_at: None,
        updated_at: None,
    }
}

/// Snapshot `id` of `server`, named `s<id>`, made on day `day` of November 2026.
pub fn snapshot(id: u64, server: u64, status: SnapshotStatus, day: u32) -> Snapshot {
    Snapshot {
        id,
        server: ServerRef {
            id: server,
            name: None,
        },
        name: format!("s{id}"),
        status,
        size_mb: None,
        created_at: format!("2026-11-{day:02}T10:00:00Z"),
        description: None,
    }
}
