//! Restore with a way back: save the current state as a snapshot, wait until it is completed,
//! then restore, exactly once. Pure steps and transitions; `run` runs them.

use crate::api::models::SnapshotStatus;
use crate::components::status_label;
use crate::i18n::{tf, Key};

/// Where a safe restore stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `POST /snapshots/` for the safety snapshot is on its way.
    Saving,
    /// The safety snapshot exists and is being made; the restore waits for it.
    Waiting { safety: String, safety_id: u64 },
    /// The restore request is on its way: from here on it cannot be cancelled.
    Restoring { safety: Option<String> },
    /// The API accepted the restore.
    Started { safety: Option<String> },
    /// Stopped before any restore was sent; `safety` names the snapshot kept, if one was made.
    Failed {
        reason: String,
        safety: Option<String>,
    },
    /// The user cancelled before the restore was sent.
    Cancelled { safety: Option<String> },
}

/// What happens to a safe restore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    SafetyCreated {
        name: String,
        id: u64,
    },
    SafetyRefused(String),
    /// The safety snapshot's status as the latest list shows it; `None`: no longer listed.
    SafetyStatus(Option<SnapshotStatus>),
    RestoreSent,
    RestoreAccepted,
    RestoreRefused(String),
    Cancel,
    /// The flow cannot go on (the session ended): stop before any restore is sent.
    Interrupted(String),
}

impl Step {
    /// The restore has not been sent yet, so cancelling still changes nothing on the server.
    pub fn can_cancel(&self) -> bool {
        matches!(self, Step::Saving | Step::Waiting { .. })
    }

    /// The flow has ended, one way or another.
    pub fn is_over(&self) -> bool {
        matches!(
            self,
            Step::Started { .. } | Step::Failed { .. } | Step::Cancelled { .. }
        )
    }

    /// The safety snapshot is completed: the one moment the restore may be sent.
    pub fn ready_to_restore(&self, latest: Option<&SnapshotStatus>) -> bool {
        matches!(self, Step::Waiting { .. }) && latest == Some(&SnapshotStatus::Completed)
    }

    fn safety(&self) -> Option<String> {
        match self {
            Step::Saving => None,
            Step::Waiting { safety, .. } => Some(safety.clone()),
            Step::Restoring { safety }
            | Step::Started { safety }
            | Step::Failed { safety, .. }
            | Step::Cancelled { safety } => safety.clone(),
        }
    }

    /// The step after `event`. Events that do not fit the step (a late answer after a cancel,
    /// a second "sent") leave it as it is: nothing is ever sent twice.
    pub fn next(&self, event: Event) -> Step {
        let safety = self.safety();
        match (self, event) {
            (step, Event::Cancel) if step.can_cancel() => Step::Cancelled { safety },
            (step, Event::Interrupted(reason)) if step.can_cancel() => Step::Failed {
                reason: tf(Key::RESTORE_FAILED_INTERRUPTED, &[("reason", &reason)]),
                safety,
            },
            (Step::Saving, Event::SafetyCreated { name, id }) => Step::Waiting {
                safety: name,
                safety_id: id,
            },
            (Step::Saving, Event::SafetyRefused(reason)) => Step::Failed {
                reason: tf(Key::RESTORE_FAILED_SAFETY_REFUSED, &[("reason", &reason)]),
                safety: None,
            },
            (Step::Waiting { safety, .. }, Event::SafetyStatus(status)) => match status {
                Some(SnapshotStatus::Completed) | Some(SnapshotStatus::InProgress) => self.clone(),
                Some(other) => Step::Failed {
                    reason: tf(
                        Key::RESTORE_FAILED_SAFETY_ENDED,
                        &[
                            ("safety", safety),
                            ("status", &status_label(other.as_str())),
                        ],
                    ),
                    safety: Some(safety.clone()),
                },
                None => Step::Failed {
                    reason: tf(Key::RESTORE_FAILED_SAFETY_GONE, &[("safety", safety)]),
                    safety: None,
                },
            },
            (Step::Waiting { .. }, Event::RestoreSent) => Step::Restoring { safety },
            (Step::Restoring { .. }, Event::RestoreAccepted) => Step::Started { safety },
            (Step::Restoring { .. }, Event::RestoreRefused(reason)) => Step::Failed {
                reason: tf(Key::RESTORE_FAILED_REFUSED, &[("reason", &reason)]),
                safety,
            },
            (step, _) => step.clone(),
        }
    }
}

/// The safety snapshot's name: `pre-restore-20261127-1412` (UTC), within the name rule.
pub fn safety_name(unix_seconds: i64) -> String {
    format!(
        "pre-restore-{}",
        crate::features::snapshots::model::compact_stamp(unix_seconds)
    )
}

/// The safety snapshot's description: which snapshot is about to be restored.
pub fn safety_description(restoring_from: &str) -> String {
    format!("Saved by VPS Panel before restoring from {restoring_from}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::snapshots::snapshot_name_problem;

    fn waiting() -> Step {
        Step::Saving.next(Event::SafetyCreated {
            name: "pre-restore-20261127-1412".into(),
            id: 900,
        })
    }

    #[test]
    fn the_happy_path_saves_waits_then_restores_once() {
        let step = waiting();
        assert_eq!(
            step,
            Step::Waiting {
                safety: "pre-restore-20261127-1412".into(),
                safety_id: 900
            }
        );
        assert!(!step.ready_to_restore(Some(&SnapshotStatus::InProgress)));
        let step = step.next(Event::SafetyStatus(Some(SnapshotStatus::InProgress)));
        assert!(step.ready_to_restore(Some(&SnapshotStatus::Completed)));
        let step = step.next(Event::RestoreSent);
        assert!(
            !step.can_cancel(),
            "once sent, a restore cannot be called back"
        );
        assert!(
            !step.ready_to_restore(Some(&SnapshotStatus::Completed)),
            "never twice"
        );
        let step = step.next(Event::RestoreAccepted);
        assert_eq!(
            step,
            Step::Started {
                safety: Some("pre-restore-20261127-1412".into())
            }
        );
        assert!(step.is_over());
    }

    #[test]
    fn cancel_before_the_restore_is_sent_keeps_the_safety_snapshot_and_ends_the_flow() {
        assert_eq!(
            Step::Saving.next(Event::Cancel),
            Step::Cancelled { safety: None }
        );
        let cancelled = waiting().next(Event::Cancel);
        assert_eq!(
            cancelled,
            Step::Cancelled {
                safety: Some("pre-restore-20261127-1412".into())
            }
        );
        // A late answer after the cancel changes nothing and sends nothing.
        assert_eq!(cancelled.next(Event::RestoreSent), cancelled);
        assert!(!cancelled.ready_to_restore(Some(&SnapshotStatus::Completed)));
    }

    #[test]
    fn cancel_after_the_restore_is_sent_is_ignored() {
        let sent = waiting().next(Event::RestoreSent);
        assert_eq!(sent.next(Event::Cancel), sent);
        assert_eq!(sent.next(Event::Interrupted("Signed out.".into())), sent);
    }

    #[test]
    fn an_interruption_while_waiting_stops_without_restoring() {
        let stopped = waiting().next(Event::Interrupted("Your session ended.".into()));
        assert_eq!(
            stopped,
            Step::Failed {
                reason: "Your session ended. Nothing was restored.".into(),
                safety: Some("pre-restore-20261127-1412".into())
            }
        );
    }

    #[test]
    fn a_refused_or_failed_safety_snapshot_stops_before_any_restore() {
        let refused = Step::Saving.next(Event::SafetyRefused("Snapshot limit reached.".into()));
        assert!(matches!(&refused, Step::Failed { reason, safety: None }
            if reason.contains("nothing was restored") && reason.contains("Snapshot limit reached.")));
        let failed = waiting().next(Event::SafetyStatus(Some(SnapshotStatus::Other(
            "failed".into(),
        ))));
        assert!(
            matches!(&failed, Step::Failed { reason, safety: Some(_) } if reason.contains("ended as failed"))
        );
        let gone = waiting().next(Event::SafetyStatus(None));
        assert!(
            matches!(&gone, Step::Failed { reason, .. } if reason.contains("no longer listed"))
        );
        for over in [refused, failed, gone] {
            assert!(over.is_over());
            assert!(!over.ready_to_restore(Some(&SnapshotStatus::Completed)));
            assert_eq!(over.next(Event::RestoreSent), over);
        }
    }

    #[test]
    fn a_refused_restore_says_so_and_names_the_kept_safety_snapshot() {
        let refused = waiting()
            .next(Event::RestoreSent)
            .next(Event::RestoreRefused(
                "Server is not in a valid state.".into(),
            ));
        assert_eq!(
            refused,
            Step::Failed {
                reason: "The restore was refused: Server is not in a valid state.".into(),
                safety: Some("pre-restore-20261127-1412".into())
            }
        );
    }

    #[test]
    fn the_safety_name_is_valid_and_carries_the_utc_minute() {
        let name = safety_name(1_795_788_840); // 2026-11-27 14:14 UTC
        assert_eq!(name, "pre-restore-20261127-1414");
        assert_eq!(snapshot_name_problem(&name), None);
        assert!(safety_description("pre-migration-snapshot").contains("pre-migration-snapshot"));
    }
}
