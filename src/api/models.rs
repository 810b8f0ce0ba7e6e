//! Shapes of the documented VPS.org API bodies.
//!
//! Decoding is tolerant on purpose: unknown fields are ignored (serde's default), unknown status
//! strings are kept verbatim, and values the API may leave out or send as `null` are `Option`s.
//! Whole numbers go through [`whole`], which reads them as a browser holds them.

use super::json::{null_as_empty, object, objects, optional_object, optional_whole, whole};
use serde::{Deserialize, Serialize};
use std::fmt;

/// `GET /account/me/`: who the token belongs to.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Me {
    #[serde(deserialize_with = "object")]
    pub account: Account,
    #[serde(deserialize_with = "object")]
    pub token: TokenInfo,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TokenInfo {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub permissions: Vec<String>,
}

/// Every list endpoint answers `{"count": N, "results": [...]}`, with `next` while more pages
/// follow (`previous` is not needed).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(bound = "T: Deserialize<'de>")]
pub struct Page<T> {
    #[serde(default, deserialize_with = "optional_whole")]
    pub count: Option<u64>,
    #[serde(deserialize_with = "objects")]
    pub results: Vec<T>,
    /// The next page's absolute URL; null or absent on the last (or only) page.
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Server {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    pub name: String,
    pub hostname: Option<String>,
    pub status: ServerStatus,
    pub ip_address: Option<String>,
    pub location: Option<String>,
    #[serde(default, deserialize_with = "optional_object")]
    pub plan: Option<Plan>,
    #[serde(default, deserialize_with = "optional_object")]
    pub os: Option<Os>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Plan {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    pub name: String,
    #[serde(deserialize_with = "whole")]
    pub vcpus: u32,
    /// Megabytes (inferred from the documented values).
    #[serde(deserialize_with = "whole")]
    pub memory: u64,
    /// Gigabytes (inferred from the documented values).
    #[serde(deserialize_with = "whole")]
    pub storage: u64,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Os {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Snapshot {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    #[serde(deserialize_with = "object")]
    pub server: ServerRef,
    pub name: String,
    pub status: SnapshotStatus,
    /// `null` while the snapshot is in progress.
    #[serde(default, deserialize_with = "optional_whole")]
    pub size_mb: Option<u64>,
    pub created_at: String,
    pub description: Option<String>,
}

/// The `{id, name}` a snapshot carries for its server.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ServerRef {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    pub name: Option<String>,
}

/// `POST /snapshots/` body; an absent description is left out, not sent as null.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CreateSnapshot {
    pub server_id: u64,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `201` answer to a create: the new snapshot's members and a human `message`, side by side in
/// one object. Read as a [`Snapshot`] and as a [`CreateMessage`] from the same text
/// (`decode.rs`): `#[serde(flatten)]` would say it in one struct, but its buffering of every
/// member costs more of the wasm than a second pass over a small body.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatedSnapshot {
    pub snapshot: Snapshot,
    pub message: Option<String>,
}

/// The `message` member of a create's answer.
#[derive(Deserialize)]
pub(super) struct CreateMessage {
    pub message: Option<String>,
}

/// `200` answer to a restore.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoreStarted {
    pub status: Option<String>,
    pub message: Option<String>,
    #[serde(deserialize_with = "object")]
    pub snapshot: RestoredSnapshot,
    #[serde(deserialize_with = "object")]
    pub server: RestoredServer,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoredSnapshot {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    pub name: Option<String>,
    pub created_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoredServer {
    #[serde(deserialize_with = "whole")]
    pub id: u64,
    pub name: Option<String>,
    pub status: ServerStatus,
}

/// A status string the API sends, with the documented values named and any other kept as sent.
macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize)]
        #[serde(from = "String")]
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

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self::parse(&text)
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
