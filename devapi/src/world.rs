//! The simulated account: servers and snapshots, and time passing for them.
//!
//! Time is applied lazily: every request first calls [`World::advance`], which finishes the
//! snapshots and restores whose delay has run out. No background task, so tests are exact.

use serde::Serialize;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const SNAPSHOTS_PER_SERVER: usize = 5;
pub const MAX_NAME_LEN: usize = 100;

#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub id: u64,
    pub name: &'static str,
    pub vcpus: u32,
    pub memory: u64,
    pub storage: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Os {
    pub id: u64,
    pub name: &'static str,
}

#[derive(Clone, Debug)]
pub struct Server {
    pub id: u64,
    pub name: String,
    pub hostname: String,
    pub status: String,
    pub ip_address: String,
    pub location: String,
    pub plan: Plan,
    pub os: Os,
    pub created_at: String,
    pub updated_at: String,
    /// While restoring: when the restore ends and the status to go back to.
    pub restore: Option<(Instant, String)>,
}

#[derive(Clone, Debug)]
pub struct Snapshot {
    pub id: u64,
    pub server_id: u64,
    pub name: String,
    pub status: String,
    pub size_mb: Option<u64>,
    pub created_at: String,
    pub description: Option<String>,
    /// While in progress: when it completes and the size it will have.
    pub completes: Option<(Instant, u64)>,
}

#[derive(Clone, Debug)]
pub struct World {
    pub servers: Vec<Server>,
    pub snapshots: Vec<Snapshot>,
    pub next_snapshot_id: u64,
    pub create_delay: Duration,
    pub restore_delay: Duration,
}

/// Why a write was refused; the routes turn these into documented status codes.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    NotFound(&'static str),
    Invalid(String),
}

impl World {
    /// Seed data that shows the panel off: several statuses and locations, one server at the
    /// snapshot limit, one with none, and the docs' own example snapshots.
    pub fn seeded(create_delay: Duration, restore_delay: Duration) -> Self {
        let standard = Plan {
            id: 1,
            name: "Standard VPS",
            vcpus: 2,
            memory: 4096,
            storage: 80,
        };
        let performance = Plan {
            id: 2,
            name: "Performance VPS",
            vcpus: 4,
            memory: 8192,
            storage: 160,
        };
        let starter = Plan {
            id: 3,
            name: "Starter VPS",
            vcpus: 1,
            memory: 1024,
            storage: 25,
        };
        let ubuntu = Os {
            id: 5,
            name: "Ubuntu 22.04 LTS",
        };
        let debian = Os {
            id: 7,
            name: "Debian 12",
        };
        let rocky = Os {
            id: 9,
            name: "Rocky Linux 9",
        };
        let server = |id,
                      name: &str,
                      host: &str,
                      status: &str,
                      ip: &str,
                      location: &str,
                      plan: &Plan,
                      os: &Os| Server {
            id,
            name: name.to_owned(),
            hostname: host.to_owned(),
            status: status.to_owned(),
            ip_address: ip.to_owned(),
            location: location.to_owned(),
            plan: plan.clone(),
            os: os.clone(),
            created_at: "2025-01-10T14:30:00Z".to_owned(),
            updated_at: "2025-01-15T10:20:00Z".to_owned(),
            restore: None,
        };
        let servers = vec![
            server(
                12345,
                "web-server-01",
                "web01.example.com",
                "active",
                "203.0.113.10",
                "us-west",
                &standard,
                &ubuntu,
            ),
            server(
                12346,
                "db-primary",
                "db01.example.com",
                "active",
                "203.0.113.20",
                "us-east",
                &performance,
                &debian,
            ),
            server(
                12347,
                "staging-app",
                "staging.example.com",
                "stopped",
                "198.51.100.7",
                "eu-central",
                &standard,
                &ubuntu,
            ),
            server(
                12348,
                "legacy-mail",
                "mail.example.com",
                "suspended",
                "198.51.100.23",
                "us-west",
                &starter,
                &rocky,
            ),
            server(
                12349,
                "build-runner",
                "ci.example.com",
                "maintenance",
                "192.0.2.44",
                "ap-south",
                &performance,
                &debian,
            ),
            server(
                12350,
                "cache-eu",
                "cache.example.com",
                "active",
                "192.0.2.81",
                "eu-central",
                &starter,
                &debian,
            ),
        ];
        let snapshot =
            |id, server_id, name: &str, size_mb, created_at: &str, description: Option<&str>| {
                Snapshot {
                    id,
                    server_id,
                    name: name.to_owned(),
                    status: "completed".to_owned(),
                    size_mb: Some(size_mb),
                    created_at: created_at.to_owned(),
                    description: description.map(str::to_owned),
                    completes: None,
                }
            };
        let snapshots = vec![
            snapshot(
                801,
                12345,
                "pre-migration-snapshot",
                5120,
                "2025-01-15T18:30:00Z",
                Some("Before major migration"),
            ),
            snapshot(
                798,
                12345,
                "weekly-snapshot-2025-01-08",
                4856,
                "2025-01-08T12:00:00Z",
                Some("Weekly snapshot"),
            ),
            snapshot(
                790,
                12346,
                "db-weekly-2024-12-16",
                20480,
                "2024-12-16T02:00:00Z",
                Some("Weekly snapshot"),
            ),
            snapshot(
                791,
                12346,
                "db-weekly-2024-12-23",
                20992,
                "2024-12-23T02:00:00Z",
                Some("Weekly snapshot"),
            ),
            snapshot(
                792,
                12346,
                "db-weekly-2024-12-30",
                21504,
                "2024-12-30T02:00:00Z",
                Some("Weekly snapshot"),
            ),
            snapshot(
                793,
                12346,
                "before-pg16-upgrade",
                21800,
                "2025-01-04T09:15:00Z",
                Some("Before PostgreSQL 16 upgrade"),
            ),
            snapshot(
                794,
                12346,
                "db-weekly-2025-01-06",
                22016,
                "2025-01-06T02:00:00Z",
                None,
            ),
            snapshot(
                795,
                12348,
                "mail-archive-2024",
                3072,
                "2024-11-30T22:00:00Z",
                Some("End-of-year archive"),
            ),
            snapshot(
                796,
                12350,
                "cache-baseline",
                812,
                "2025-01-02T08:00:00Z",
                Some(""),
            ),
        ];
        Self {
            servers,
            snapshots,
            next_snapshot_id: 802,
            create_delay,
            restore_delay,
        }
    }

    /// Finishes what is due by `now`.
    pub fn advance(&mut self, now: Instant) {
        for snapshot in &mut self.snapshots {
            if let Some((due, size)) = snapshot.completes {
                if now >= due {
                    snapshot.status = "completed".to_owned();
                    snapshot.size_mb = Some(size);
                    snapshot.completes = None;
                }
            }
        }
        for server in &mut self.servers {
            if let Some((due, back_to)) = server.restore.clone() {
                if now >= due {
                    server.status = back_to;
                    server.restore = None;
                    server.updated_at = timestamp_now();
                }
            }
        }
    }

    /// Adds `count` generated servers after the seed data: ids from 100001, names `bulk-000001`
    /// and up, statuses and locations in rotation, copying a seed server's plan and OS.
    pub fn add_bulk_servers(&mut self, count: usize) {
        let Some(template) = self.servers.first().cloned() else {
            return;
        };
        const STATUSES: [&str; 3] = ["active", "active", "stopped"];
        const LOCATIONS: [&str; 4] = ["us-west", "us-east", "eu-central", "ap-south"];
        for n in 1..=count {
            self.servers.push(Server {
                id: 100_000 + n as u64,
                name: format!("bulk-{n:06}"),
                hostname: format!("bulk{n:06}.example.com"),
                status: STATUSES[n % STATUSES.len()].to_owned(),
                ip_address: format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255),
                location: LOCATIONS[n % LOCATIONS.len()].to_owned(),
                restore: None,
                ..template.clone()
            });
        }
    }

    /// Servers of these names (like the first seed server otherwise), for tests that need
    /// particular names: a dot, a long one. Their ids follow the highest there is.
    pub fn add_named_servers(&mut self, names: &[String]) -> Vec<u64> {
        let Some(template) = self.servers.first().cloned() else {
            return Vec::new();
        };
        let mut next = self.servers.iter().map(|s| s.id).max().unwrap_or(0);
        names
            .iter()
            .map(|name| {
                next += 1;
                self.servers.push(Server {
                    id: next,
                    name: name.clone(),
                    hostname: format!("{next}.example.com"),
                    restore: None,
                    ..template.clone()
                });
                next
            })
            .collect()
    }

    pub fn server(&self, id: u64) -> Option<&Server> {
        self.servers.iter().find(|s| s.id == id)
    }

    pub fn create_snapshot(
        &mut self,
        server_id: u64,
        name: String,
        description: Option<String>,
        now: Instant,
    ) -> Result<Snapshot, Refusal> {
        let server = self
            .server(server_id)
            .ok_or(Refusal::NotFound("Server not found."))?;
        let used = self
            .snapshots
            .iter()
            .filter(|s| s.server_id == server_id)
            .count();
        if used >= SNAPSHOTS_PER_SERVER {
            return Err(Refusal::Invalid(format!(
                "Snapshot limit reached: a server can have at most {SNAPSHOTS_PER_SERVER} snapshots. Delete one to create another."
            )));
        }
        // A size that looks plausible for the plan and differs between snapshots.
        let size = server.plan.storage * 1024 / 16 + (self.next_snapshot_id % 7) * 97;
        let snapshot = Snapshot {
            id: self.next_snapshot_id,
            server_id,
            name,
            status: "in_progress".to_owned(),
            size_mb: None,
            created_at: timestamp_now(),
            description,
            completes: Some((now + self.create_delay, size)),
        };
        self.next_snapshot_id += 1;
        self.snapshots.push(snapshot.clone());
        Ok(snapshot)
    }

    pub fn restore(
        &mut self,
        snapshot_id: u64,
        now: Instant,
    ) -> Result<(Snapshot, Server), Refusal> {
        let snapshot = self
            .snapshots
            .iter()
            .find(|s| s.id == snapshot_id)
            .cloned()
            .ok_or(Refusal::NotFound("Snapshot not found."))?;
        if snapshot.status != "completed" {
            return Err(Refusal::Invalid(
                "Snapshot is not completed yet and cannot be restored.".to_owned(),
            ));
        }
        let delay = self.restore_delay;
        let server = self
            .servers
            .iter_mut()
            .find(|s| s.id == snapshot.server_id)
            .ok_or(Refusal::NotFound("Server not found."))?;
        if server.status == "restoring" {
            return Err(Refusal::Invalid(
                "Server is not in a valid state for restoration: a restore is already running."
                    .to_owned(),
            ));
        }
        if server.status == "suspended" {
            return Err(Refusal::Invalid(
                "Server is not in a valid state for restoration: it is suspended.".to_owned(),
            ));
        }
        // The docs: the server is stopped automatically first; it comes back as it was.
        let back_to = server.status.clone();
        server.status = "restoring".to_owned();
        server.restore = Some((now + delay, back_to));
        server.updated_at = timestamp_now();
        Ok((snapshot, server.clone()))
    }

    pub fn delete_snapshot(&mut self, snapshot_id: u64) -> Result<(), Refusal> {
        let index = self
            .snapshots
            .iter()
            .position(|s| s.id == snapshot_id)
            .ok_or(Refusal::NotFound("Snapshot not found."))?;
        self.snapshots.remove(index);
        Ok(())
    }
}

/// Current UTC time as `2025-01-15T18:30:00Z`, the docs' format.
pub fn timestamp_now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format_timestamp(seconds)
}

pub fn format_timestamp(unix_seconds: u64) -> String {
    let days = unix_seconds / 86_400;
    let rest = unix_seconds % 86_400;
    let (year, month, day) = vps_calendar::civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world() -> World {
        World::seeded(Duration::from_secs(10), Duration::from_secs(20))
    }

    #[test]
    fn timestamps_use_the_documented_format() {
        assert_eq!(format_timestamp(1_736_965_800), "2025-01-15T18:30:00Z");
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_timestamp(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn seed_has_a_server_at_the_limit_and_one_with_none() {
        let w = world();
        let count = |id| w.snapshots.iter().filter(|s| s.server_id == id).count();
        assert_eq!(count(12346), SNAPSHOTS_PER_SERVER);
        assert_eq!(count(12347), 0);
    }

    #[test]
    fn a_new_snapshot_completes_with_a_size_once_its_delay_has_passed() {
        let mut w = world();
        let start = Instant::now();
        let s = w
            .create_snapshot(12345, "a".into(), None, start)
            .expect("created");
        assert_eq!((s.status.as_str(), s.size_mb), ("in_progress", None));
        w.advance(start + Duration::from_secs(9));
        assert_eq!(
            w.snapshots.last().map(|s| s.status.as_str()),
            Some("in_progress")
        );
        w.advance(start + Duration::from_secs(10));
        let done = w.snapshots.last().cloned().expect("exists");
        assert_eq!(done.status, "completed");
        assert!(done.size_mb.is_some_and(|size| size > 0));
    }

    #[test]
    fn the_sixth_snapshot_is_refused() {
        let mut w = world();
        let refusal = w.create_snapshot(12346, "x".into(), None, Instant::now());
        assert!(matches!(refusal, Err(Refusal::Invalid(m)) if m.contains("limit")));
    }

    #[test]
    fn a_restore_runs_then_puts_the_server_back_and_refuses_a_second_meanwhile() {
        let mut w = world();
        let start = Instant::now();
        let (_, server) = w.restore(801, start).expect("restores");
        assert_eq!(server.status, "restoring");
        assert!(matches!(w.restore(798, start), Err(Refusal::Invalid(_))));
        w.advance(start + Duration::from_secs(20));
        assert_eq!(w.server(12345).map(|s| s.status.as_str()), Some("active"));
    }

    #[test]
    fn restoring_from_an_unfinished_snapshot_is_refused() {
        let mut w = world();
        let s = w
            .create_snapshot(12347, "b".into(), None, Instant::now())
            .expect("created");
        assert!(matches!(
            w.restore(s.id, Instant::now()),
            Err(Refusal::Invalid(_))
        ));
    }

    #[test]
    fn unknown_ids_are_not_found() {
        let mut w = world();
        assert_eq!(
            w.delete_snapshot(1),
            Err(Refusal::NotFound("Snapshot not found."))
        );
        assert!(matches!(
            w.restore(1, Instant::now()),
            Err(Refusal::NotFound(_))
        ));
        assert!(matches!(
            w.create_snapshot(1, "a".into(), None, Instant::now()),
            Err(Refusal::NotFound(_))
        ));
    }
}
