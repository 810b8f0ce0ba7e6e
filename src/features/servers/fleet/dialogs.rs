//! The fleet's dialogs, drawn by the panel wherever the user is: the two previews read the
//! servers and snapshots afresh when they open (a batch is planned on what is true now, not on
//! the list the page drew a while ago), and the batch dialog reads the running batch.

use super::batch_dialog::BatchDialog;
use super::model::Skip;
use super::prune_dialog::PruneDialog;
use super::snapshot_dialog::SnapshotDialog;
use super::state::{use_fleet, FleetDialog};
use crate::api::models::{Server, Snapshot};
use crate::api::{ApiError, ServerFilter};
use crate::components::{Dialog, ErrorPanel, Loading};
use crate::i18n::{t, tf, tn, Key};
use crate::load::Load;
use crate::session::use_session;
use leptos::prelude::*;

/// Whichever fleet dialog is open.
#[component]
pub fn FleetDialogs() -> impl IntoView {
    let fleet = use_fleet();
    let which = Memo::new(move |_| fleet.dialog.get());
    move || match which.get() {
        Some(FleetDialog::Batch) => view! { <BatchDialog/> }.into_any(),
        Some(which) => view! { <Planning which/> }.into_any(),
        None => ().into_any(),
    }
}

/// The selected servers and every snapshot, as the API has them now.
#[derive(Clone)]
pub struct Fresh {
    pub servers: Vec<Server>,
    pub snapshots: Vec<Snapshot>,
}

/// A preview dialog: its data loading, a failure with Retry, then the preview.
#[component]
fn Planning(which: FleetDialog) -> impl IntoView {
    let fleet = use_fleet();
    let session = use_session();
    let selected = fleet.selection.get_untracked();
    let fresh = Load::new(move || {
        let selected = selected.clone();
        async move {
            let servers = session
                .call(|api| api.servers(&ServerFilter::default(), |_, _| ()))
                .await?;
            let snapshots = session.call(|api| api.snapshots(None, |_, _| ())).await?;
            Ok::<_, ApiError>(Fresh {
                servers: servers
                    .results
                    .into_iter()
                    .filter(|s| selected.contains(&s.id))
                    .collect(),
                snapshots: snapshots.results,
            })
        }
    });
    let count = fleet.selection.with_untracked(|s| s.len() as u64);
    let title = move || match which {
        FleetDialog::Prune => tn(Key::FLEET_PRUNE_TITLE, count, &[]),
        _ => tn(Key::FLEET_SNAPSHOT_TITLE, count, &[]),
    };
    let close = Callback::new(move |()| fleet.dialog.set(None));
    move || {
        match fresh.get() {
        Some(Ok(fresh)) => match which {
            FleetDialog::Prune => view! { <PruneDialog fresh title close/> }.into_any(),
            _ => view! { <SnapshotDialog fresh title close/> }.into_any(),
        },
        answer => view! {
            <Dialog title=Signal::derive(title) on_close=close>
                {match answer {
                    Some(Err(error)) => view! {
                        <ErrorPanel title=Key::FLEET_LOAD_FAILED error on_retry=Callback::new(move |()| fresh.refetch())/>
                    }
                    .into_any(),
                    _ => view! { <Loading what=Key::SNAPSHOTS_WHAT/> }.into_any(),
                }}
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| close.run(())>{move || t(Key::COMMON_CANCEL)}</button>
                </div>
            </Dialog>
        }
        .into_any(),
    }
    }
}

/// Why a server is left out, in the reader's language.
pub fn skip_text(skip: &Skip) -> String {
    match skip {
        Skip::BadName(reason) => tf(Key::FLEET_SKIP_BAD_NAME, &[("reason", reason)]),
        Skip::AtLimit => t(Key::FLEET_SKIP_AT_LIMIT).to_owned(),
        Skip::NoRoom => t(Key::FLEET_SKIP_NO_ROOM).to_owned(),
        Skip::Restoring => t(Key::FLEET_SKIP_RESTORING).to_owned(),
        Skip::SnapshotInProgress => t(Key::FLEET_SKIP_IN_PROGRESS).to_owned(),
    }
}

/// The typed confirmation a batch that deletes asks for: the number of snapshots it deletes.
#[component]
pub fn TypedCount(
    /// How many snapshots will be deleted.
    #[prop(into)]
    count: Signal<usize>,
    /// What the user typed.
    typed: RwSignal<String>,
) -> impl IntoView {
    let label = move || {
        let n = count.get() as u64;
        tn(Key::FLEET_CONFIRM, n, &[])
    };
    view! {
        <div class="field">
            <label class="field__label" for="fleet-confirm">{label}</label>
            <input
                id="fleet-confirm"
                class="input mono input--short"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
        </div>
    }
}

/// Whether `typed` confirms `count` deletions: the number, as digits of either language.
pub fn confirms(typed: &str, count: usize) -> bool {
    let digits: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            // Bengali digits ০–৯.
            '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (c as u32 - 0x09E6) as u8),
            other => other,
        })
        .collect();
    digits.parse::<usize>() == Ok(count)
}

#[cfg(test)]
mod tests {
    use super::confirms;

    #[test]
    fn the_typed_count_is_read_in_either_language() {
        assert!(confirms("12", 12));
        assert!(confirms(" ১২ ", 12));
        assert!(!confirms("11", 12));
        assert!(!confirms("", 0));
        assert!(!confirms("twelve", 12));
    }
}
