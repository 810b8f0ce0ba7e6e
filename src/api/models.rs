//! Shapes of the documented VPS.org API bodies.
//!
//! Decoding is tolerant on purpose: unknown fields are ignored, unknown status strings are kept
//! verbatim, and values the API may leave out or send as `null` are `Option`s.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// `GET /account/me/`: who the token belongs to.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Me {
    pub account: Account,
    pub token: TokenInfo,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Account {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub company_name: Option<String>,
    /// A bare date (`2024-06-15`) on this endpoint, unlike the timestamps elsewhere.
    #[serde(default)]
    pub created_at: Option<String>,
}

impl Account {
    /// The name to show for the signed-in user: full name, else e-mail, else a placeholder.
    pub fn display_name(&self) -> String {
        let full = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !full.is_empty() {
            full
        } else {
            self.email
                .clone()
                .unwrap_or_else(|| "Signed-in user".to_owned())
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TokenInfo {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub permissions: Vec<String>,
}

/// Every list endpoint answers `{"count": N, "results": [...]}`; `next`/`previous` are ignored.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Page<T> {
    #[serde(default)]
    pub count: Option<u64>,
    pub results: Vec<T>,
    /// The next page's absolute URL; null or absent on the last (or only) page.
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Server {
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub hostname: Option<String>,
    pub status: ServerStatus,
    #[serde(default)]
    pub ip_address: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub plan: Option<Plan>,
    #[serde(default)]
    pub os: Option<Os>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Plan {
    pub id: u64,
    pub name: String,
    pub vcpus: u32,
    /// Megabytes (inferred from the documented values).
    pub memory: u64,
    /// Gigabytes (inferred from the documented values).
    pub storage: u64,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Os {
    pub id: u64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Snapshot {
    pub id: u64,
    pub server: ServerRef,
    pub name: String,
    pub status: SnapshotStatus,
    /// `null` while the snapshot is in progress.
    #[serde(default)]
    pub size_mb: Option<u64>,
    pub created_at: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// The `{id, name}` a snapshot carries for its server.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ServerRef {
    pub id: u64,
    #[serde(default)]
    pub name: Option<String>,
}

/// `POST /snapshots/` body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CreateSnapshot {
    pub server_id: u64,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `201` answer to a create: the new snapshot plus a human message.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CreatedSnapshot {
    #[serde(flatten)]
    pub snapshot: Snapshot,
    #[serde(default)]
    pub message: Option<String>,
}

/// `200` answer to a restore.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoreStarted {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    pub snapshot: RestoredSnapshot,
    pub server: RestoredServer,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoredSnapshot {
    pub id: u64,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoredServer {
    pub id: u64,
    #[serde(default)]
    pub name: Option<String>,
    pub status: ServerStatus,
}

/// A status string the API sends, with the documented values named and any other kept as sent.
macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            /// A value the docs do not list, kept verbatim.
            Other(String),
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Other(text) => text,
                }
            }

            pub fn parse(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }

            /// Whether the docs name this value (unknown ones get a neutral style).
            pub fn is_documented(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(|text| Self::parse(&text))
            }
        }
    };
}

status_enum!(
    /// A server's `status`.
    ServerStatus {
        Active => "active",
        Stopped => "stopped",
        Suspended => "suspended",
        Restoring => "restoring",
    }
);

status_enum!(
    /// A snapshot's `status`.
    SnapshotStatus {
        Completed => "completed",
        InProgress => "in_progress",
    }
);

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
