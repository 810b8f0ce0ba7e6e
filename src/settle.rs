//! One intent, one write, for every write the panel makes (a page's, the restore flow's, a
//! fleet batch's). A create, restore or delete whose answer was lost (no answer, a 5xx such as a
//! proxy's 502, a body cut off) may have taken effect all the same. Before the same write may go
//! out again the panel looks at the server's snapshots or status, and sends it again only where
//! it did not take effect.

use crate::api::models::{CreateSnapshot, CreatedSnapshot, RestoreStarted, ServerStatus, Snapshot};
use crate::api::{AfterCheck, ApiError, ServerFilter};
use crate::session::Session;
use leptos::prelude::*;
use std::future::Future;

/// A write as the user meant it: what a look after a lost answer needs to know.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// `known`: the server's snapshots before the create was sent.
    Create {
        server_id: u64,
        name: String,
        known: Vec<u64>,
    },
    Restore {
        server_id: u64,
        snapshot_id: u64,
    },
    Delete {
        server_id: u64,
        snapshot_id: u64,
    },
}

impl Intent {
    /// The same write asked for again (the snapshots known before do not make it another one).
    fn same_write(&self, other: &Intent) -> bool {
        match (self, other) {
            (
                Intent::Create {
                    server_id, name, ..
                },
                Intent::Create {
                    server_id: other_server,
                    name: other_name,
                    ..
                },
            ) => server_id == other_server && name == other_name,
            _ => self == other,
        }
    }
}

/// How a write ended: its answer, or what a look found when the answer was lost (`E`: the
/// created snapshot, or `()` for a restore that started or a snapshot that is gone).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<T, E> {
    Answered(T),
    AfterAll(E),
}

/// A write whose answer was lost and whose effect no look could settle yet: the next attempt
/// at the same write looks first. One per page (the page's writes) or per flow.
pub type Unsettled = StoredValue<Option<Intent>>;

/// Sends `send` at most once per intent: when an earlier attempt at the same write is
/// unsettled it looks first (`look`, given the intent it looks for), and when this attempt's
/// answer is lost it looks before saying anything. An error after a lost answer says what the
/// look found (`ApiError::AnswerLost`).
async fn write_once<T, E, S, L>(
    unsettled: Unsettled,
    intent: Intent,
    send: impl FnOnce() -> S,
    look: impl Fn(&Intent) -> L,
) -> Result<Outcome<T, E>, ApiError>
where
    S: Future<Output = Result<T, ApiError>>,
    L: Future<Output = Result<Option<E>, ApiError>>,
{
    let earlier = unsettled
        .try_get_value()
        .flatten()
        .filter(|earlier| earlier.same_write(&intent));
    if let Some(earlier) = earlier {
        // Still unsettled when this look fails too: the next attempt looks again.
        if let Some(effect) = look(&earlier).await? {
            unsettled.try_set_value(None);
            return Ok(Outcome::AfterAll(effect));
        }
    }
    unsettled.try_set_value(None);
    let error = match send().await {
        Ok(answer) => return Ok(Outcome::Answered(answer)),
        Err(error) if error.may_have_taken_effect() => error,
        Err(error) => return Err(error),
    };
    let check = match look(&intent).await {
        Ok(Some(effect)) => return Ok(Outcome::AfterAll(effect)),
        Ok(None) => AfterCheck::NotApplied,
        Err(failed) => {
            unsettled.try_set_value(Some(intent));
            AfterCheck::Failed(Box::new(failed))
        }
    };
    Err(ApiError::AnswerLost {
        error: Box::new(error),
        check,
    })
}

/// A create, sent once per intent (see [`write_once`]): the API's answer, or the snapshot a look
/// found after a lost one. `known`: the server's snapshot ids before it was sent.
pub async fn create_once(
    session: Session,
    unsettled: Unsettled,
    request: CreateSnapshot,
    known: Vec<u64>,
) -> Result<Outcome<CreatedSnapshot, Snapshot>, ApiError> {
    let intent = Intent::Create {
        server_id: request.server_id,
        name: request.name.clone(),
        known,
    };
    write_once(
        unsettled,
        intent,
        move || session.call(move |api| api.create_snapshot(&request)),
        move |intent| look_created(session, intent.clone()),
    )
    .await
}

/// A restore, sent once per intent: the API's answer, or `()` when a look found the server
/// restoring after a lost answer.
pub async fn restore_once(
    session: Session,
    unsettled: Unsettled,
    server_id: u64,
    snapshot_id: u64,
) -> Result<Outcome<RestoreStarted, ()>, ApiError> {
    let intent = Intent::Restore {
        server_id,
        snapshot_id,
    };
    write_once(
        unsettled,
        intent,
        move || session.call(move |api| api.restore_snapshot(snapshot_id)),
        move |_| look_restoring(session, server_id),
    )
    .await
}

/// A delete, sent once per intent: answered, or `()` when a look found the snapshot gone after
/// a lost answer.
pub async fn delete_once(
    session: Session,
    unsettled: Unsettled,
    server_id: u64,
    snapshot_id: u64,
) -> Result<Outcome<(), ()>, ApiError> {
    let intent = Intent::Delete {
        server_id,
        snapshot_id,
    };
    write_once(
        unsettled,
        intent,
        move || session.call(move |api| api.delete_snapshot(snapshot_id)),
        move |_| look_deleted(session, server_id, snapshot_id),
    )
    .await
}

/// After a create: the snapshot of the intent's name that is new since the ids it knew, if the
/// API made it. (Only a create's intent is looked for this way.)
async fn look_created(session: Session, intent: Intent) -> Result<Option<Snapshot>, ApiError> {
    let Intent::Create {
        server_id,
        name,
        known,
    } = intent
    else {
        return Ok(None);
    };
    let listing = session
        .call(move |api| api.snapshots(Some(server_id), |_, _| ()))
        .await?;
    Ok(made_after_all(&known, &listing.results, &name))
}

/// After a restore: whether the server is restoring now.
async fn look_restoring(session: Session, server_id: u64) -> Result<Option<()>, ApiError> {
    let listing = session
        .call(|api| api.servers(&ServerFilter::default(), |_, _| ()))
        .await?;
    let restoring = listing
        .results
        .iter()
        .any(|s| s.id == server_id && s.status == ServerStatus::Restoring);
    Ok(restoring.then_some(()))
}

/// After a delete: whether the snapshot is gone from the server's list.
async fn look_deleted(
    session: Session,
    server_id: u64,
    snapshot_id: u64,
) -> Result<Option<()>, ApiError> {
    let listing = session
        .call(move |api| api.snapshots(Some(server_id), |_, _| ()))
        .await?;
    let gone = !listing.results.iter().any(|s| s.id == snapshot_id);
    Ok(gone.then_some(()))
}

/// After a create whose answer was lost: the snapshot it made, if the server's list now has
/// one of that name that was not there before (`known`: the ids listed before the create was
/// sent). The newest, should there be more than one.
pub fn made_after_all(known: &[u64], listed: &[Snapshot], name: &str) -> Option<Snapshot> {
    listed
        .iter()
        .filter(|s| s.name == name && !known.contains(&s.id))
        .max_by_key(|s| s.id)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{ServerRef, SnapshotStatus};

    fn snapshot(id: u64, status: SnapshotStatus, created_at: &str) -> Snapshot {
        Snapshot {
            id,
            server: ServerRef {
                id: 1,
                name: Some("web".into()),
            },
            name: format!("s{id}"),
            status,
            size_mb: None,
            created_at: created_at.into(),
            description: None,
        }
    }

    #[test]
    fn a_lost_create_is_found_only_as_a_new_snapshot_of_its_name() {
        let done = SnapshotStatus::Completed;
        let mut listed = vec![
            snapshot(801, done.clone(), "2026-12-01T10:00:00Z"),
            snapshot(805, SnapshotStatus::InProgress, "2026-12-05T10:00:00Z"),
        ];
        listed[1].name = "before-upgrade".into();
        assert_eq!(
            made_after_all(&[801], &listed, "before-upgrade").map(|s| s.id),
            Some(805)
        );
        // Not made: nothing new of that name.
        assert_eq!(made_after_all(&[801, 805], &listed, "before-upgrade"), None);
        assert_eq!(made_after_all(&[801], &listed, "other-name"), None);
        // An older snapshot that happens to share the name is not this create's.
        listed[0].name = "before-upgrade".into();
        assert_eq!(
            made_after_all(&[801], &listed, "before-upgrade").map(|s| s.id),
            Some(805)
        );
        assert_eq!(made_after_all(&[801, 805], &listed, "before-upgrade"), None);
    }
}
