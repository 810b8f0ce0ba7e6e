//! Shapes of the documented VPS.org API bodies.
//!
//! Decoding is tolerant on purpose: unknown fields are ignored, unknown status strings are kept
//! verbatim, and values the API may leave out or send as `null` are `Option`s.

use super::json::{quote, Decode, DecodeError, Json};
use std::fmt;

/// `GET /account/me/`: who the token belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Me {
    pub account: Account,
    pub token: TokenInfo,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company_name: Option<String>,
    /// A bare date (`2024-06-15`) on this endpoint, unlike the timestamps elsewhere.
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

#[derive(Clone, Debug, PartialEq)]
pub struct TokenInfo {
    pub name: Option<String>,
    pub permissions: Vec<String>,
}

/// Every list endpoint answers `{"count": N, "results": [...]}`, with `next` while more pages
/// follow (`previous` is not needed).
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub count: Option<u64>,
    pub results: Vec<T>,
    /// The next page's absolute URL; null or absent on the last (or only) page.
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Server {
    pub id: u64,
    pub name: String,
    pub hostname: Option<String>,
    pub status: ServerStatus,
    pub ip_address: Option<String>,
    pub location: Option<String>,
    pub plan: Option<Plan>,
    pub os: Option<Os>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub id: u64,
    pub name: String,
    pub vcpus: u32,
    /// Megabytes (inferred from the documented values).
    pub memory: u64,
    /// Gigabytes (inferred from the documented values).
    pub storage: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Os {
    pub id: u64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub id: u64,
    pub server: ServerRef,
    pub name: String,
    pub status: SnapshotStatus,
    /// `null` while the snapshot is in progress.
    pub size_mb: Option<u64>,
    pub created_at: String,
    pub description: Option<String>,
}

/// The `{id, name}` a snapshot carries for its server.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerRef {
    pub id: u64,
    pub name: Option<String>,
}

/// `POST /snapshots/` body.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateSnapshot {
    pub server_id: u64,
    pub name: String,
    pub description: Option<String>,
}

impl CreateSnapshot {
    /// The request body; an absent description is left out, not sent as null.
    pub fn to_json(&self) -> String {
        let description = self
            .description
            .as_deref()
            .map(|text| format!(",\"description\":{}", quote(text)))
            .unwrap_or_default();
        format!(
            "{{\"server_id\":{},\"name\":{}{description}}}",
            self.server_id,
            quote(&self.name)
        )
    }
}

/// `201` answer to a create: the new snapshot plus a human message.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatedSnapshot {
    pub snapshot: Snapshot,
    pub message: Option<String>,
}

/// `200` answer to a restore.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreStarted {
    pub status: Option<String>,
    pub message: Option<String>,
    pub snapshot: RestoredSnapshot,
    pub server: RestoredServer,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredSnapshot {
    pub id: u64,
    pub name: Option<String>,
    pub created_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredServer {
    pub id: u64,
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

        impl Decode for $name {
            fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
                String::decode(value).map(|text| Self::parse(&text))
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
