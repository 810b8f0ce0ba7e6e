//! The fleet's dialogs, drawn by the panel wherever the user is: the two previews read the
//! servers and snapshots afresh when they open (a batch is planned on what is true now, not on
//! the list the page drew a while ago), and the batch dialog reads the running batch.

use super::batch_dialog::BatchDialog;
use super::chip::BatchChip;
use super::plan::Fresh;
use super::prune_dialog::PrunePlan;
use super::snapshot_dialog::SnapshotPlan;
use super::state::{use_fleet, FleetDialog};
use crate::api::{ApiError, ServerFilter};
use crate::components::{Dialog, ErrorPanel, Loading};
use crate::i18n::{t, tn, Key};
use crate::load::Load;
use crate::session::use_session;
use leptos::prelude::*;

/// Whichever fleet dialog is open, and the batch's button in the corner.
#[component]
pub fn FleetDialogs() -> impl IntoView {
    let fleet = use_fleet();
    // After a reload: the batch this tab stored, read now that its code has arrived.
    fleet.restore_stored();
    let which = Memo::new(move |_| fleet.dialog.get());
    let dialog = move || match which.get() {
        Some(FleetDialog::Batch) => view! { <BatchDialog/> }.into_any(),
        Some(which) => view! { <Planning which/> }.into_any(),
        None => ().into_any(),
    };
    view! { <BatchChip/> {dialog} }
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
    // One dialog from loading to the plan, so focus goes back to the button that opened it.
    view! {
        <Dialog title=Signal::derive(title) on_close=close>
            {move || match fresh.get() {
                Some(Ok(fresh)) => match which {
                    FleetDialog::Prune => view! { <PrunePlan fresh close/> }.into_any(),
                    _ => view! { <SnapshotPlan fresh close/> }.into_any(),
                },
                answer => view! {
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
                }
                .into_any(),
            }}
        </Dialog>
    }
}
