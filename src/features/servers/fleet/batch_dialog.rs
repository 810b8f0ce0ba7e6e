//! The running (or ended) batch: a progress bar and counts, the wait a 429 imposed, each row's
//! state with the API's words, and Cancel, Retry failed, Check and Resume. Closing it leaves
//! the batch running.

use super::batch::{Batch, Kind, State};
use super::queue;
use super::state::{use_fleet, Phase};
use super::table::FleetTable;
use crate::activity::use_activity;
use crate::components::Dialog;
use crate::format::count;
use crate::i18n::{t, text, tf, tn, tr, Key};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn BatchDialog() -> impl IntoView {
    let fleet = use_fleet();
    let session = use_session();
    let activity = use_activity();
    let kind = fleet
        .batch
        .with_untracked(|b| b.as_ref().map(|b| b.kind))
        .unwrap_or(Kind::Snapshot);
    let title = move || {
        t(match kind {
            Kind::Snapshot => Key::FLEET_BATCH_TITLE_SNAPSHOT,
            Kind::Prune => Key::FLEET_BATCH_TITLE_PRUNE,
        })
        .to_owned()
    };
    let counts = Memo::new(move |_| fleet.counts().unwrap_or_default());
    let phase = Memo::new(move |_| fleet.phase());
    let rows = Memo::new(move |_| {
        fleet
            .batch
            .with(|b| b.as_ref().map_or(0, |b| b.items.len()))
    });
    let checking = RwSignal::new(false);
    let check_error = RwSignal::new(None::<String>);

    let check = move |_| {
        checking.set(true);
        check_error.set(None);
        leptos::task::spawn_local(async move {
            match queue::check_after_reload(fleet, session).await {
                Ok(()) => {
                    fleet.interrupted.try_set(false);
                }
                Err(error) => {
                    check_error.try_set(Some(error.to_string()));
                }
            }
            checking.try_set(false);
        });
    };
    let resume = move |_| queue::run(fleet, session, activity);
    let retry = move |_| {
        fleet.update_batch(true, |batch| {
            batch.requeue_failed();
        });
        queue::run(fleet, session, activity);
    };
    let cancel = move |_| fleet.update_batch(true, Batch::cancel);
    let close = Callback::new(move |()| fleet.dialog.set(None));
    let running = move || fleet.running.get();
    let interrupted = move || phase.get() == Some(Phase::Interrupted);

    view! {
        <Dialog title=Signal::derive(title) on_close=close>
            <div class="batch">
                <p class="batch__progress">
                    {move || {
                        let c = counts.get();
                        tf(Key::FLEET_PROGRESS, &[("over", &count(c.over() as u64)), ("total", &count(c.total as u64))])
                    }}
                </p>
                <progress
                    class="batch__bar"
                    aria-hidden="true"
                    max=move || counts.get().total.max(1).to_string()
                    value=move || counts.get().over().to_string()
                ></progress>
                <p class="batch__counts">
                    {move || {
                        let c = counts.get();
                        let n = |n: usize| count(n as u64);
                        tf(Key::FLEET_COUNTS, &[
                            ("done", &n(c.done)),
                            ("in_progress", &n(c.in_progress)),
                            ("failed", &n(c.failed)),
                            ("skipped", &n(c.skipped)),
                            ("cancelled", &n(c.cancelled)),
                        ])
                    }}
                </p>
                {move || (phase.get() == Some(Phase::Paused)).then(|| {
                    // The wait as the API gave it, said once (a ticking count would be redrawn,
                    // and read out, every second).
                    let until = fleet.paused_until.get().unwrap_or(0.0);
                    let seconds = ((until - js_sys::Date::now()) / 1000.0).ceil().max(1.0) as u64;
                    view! { <p class="advice batch__paused">{tf(Key::FLEET_PAUSED, &[("seconds", &count(seconds))])}</p> }
                })}
                {move || interrupted().then(|| view! { <p class="advice">{tr(Key::FLEET_INTERRUPTED)}</p> })}
                {move || check_error.get().map(|error| view! {
                    <p class="form__error" role="alert">{tf(Key::FLEET_CHECK_FAILED, &[("error", &error)])}</p>
                })}
                <BatchRows rows/>
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| close.run(())>
                        {move || t(if running() { Key::FLEET_CLOSE } else { Key::COMMON_CLOSE })}
                    </button>
                    {move || (running() && counts.get().queued > 0).then(|| view! {
                        <button type="button" class="button button--danger-ghost" on:click=cancel>{tr(Key::FLEET_CANCEL_BATCH)}</button>
                    })}
                    {move || interrupted().then(|| view! {
                        <button type="button" class="button button--primary" data-autofocus disabled=move || checking.get() on:click=check>
                            {move || t(if checking.get() { Key::FLEET_CHECKING } else { Key::FLEET_CHECK })}
                        </button>
                    })}
                    {move || {
                        let queued = counts.get().queued;
                        (!running() && !interrupted() && queued > 0).then(|| view! {
                            <button type="button" class="button button--primary" data-autofocus on:click=resume>
                                {tn(Key::FLEET_RESUME, queued as u64, &[])}
                            </button>
                        })
                    }}
                    {move || {
                        let failed = counts.get().failed;
                        (!running() && !interrupted() && failed > 0).then(|| view! {
                            <button type="button" class="button" on:click=retry>{tn(Key::FLEET_RETRY_FAILED, failed as u64, &[])}</button>
                        })
                    }}
                    {move || (!running() && !interrupted() && counts.get().queued == 0).then(|| view! {
                        <button type="button" class="button button--primary" on:click=move |_| fleet.dismiss()>{tr(Key::FLEET_DISMISS)}</button>
                    })}
                </div>
            </div>
        </Dialog>
    }
}

/// One row per item: server, snapshot, state (and the API's words or the reason). Each row
/// reads its own item, so an answer redraws one row.
#[component]
fn BatchRows(rows: Memo<usize>) -> impl IntoView {
    let fleet = use_fleet();
    let row = move |index: usize| {
        let item = Memo::new(move |_| {
            fleet
                .batch
                .with(|b| b.as_ref().and_then(|b| b.items.get(index).cloned()))
        });
        let state = move || item.with(|i| i.as_ref().map(|i| i.state.clone()));
        view! {
            <tr data-state=move || state().map(|s| state_name(&s))>
                <td data-label=text(Key::FLEET_COLUMN_SERVER)>{move || item.with(|i| i.as_ref().map(|i| i.server.clone()))}</td>
                <td data-label=text(Key::FLEET_COLUMN_SNAPSHOT) class="mono">{move || item.with(|i| i.as_ref().map(|i| i.work.snapshot().to_owned()))}</td>
                <td data-label=text(Key::FLEET_COLUMN_STATE)>
                    {move || state().map(|state| {
                        let (label, words) = state_text(&state);
                        view! {
                            <span class=format!("batch-state batch-state--{}", state_name(&state))>{label}</span>
                            {words.map(|words| view! { <span class="cell-sub">{words}</span> })}
                        }
                    })}
                </td>
            </tr>
        }
    };
    view! {
        <FleetTable
            caption=Key::FLEET_PREVIEW_CAPTION
            columns=&[Key::FLEET_COLUMN_SERVER, Key::FLEET_COLUMN_SNAPSHOT, Key::FLEET_COLUMN_STATE]
        >
            {move || (0..rows.get()).map(row).collect_view()}
        </FleetTable>
    }
}

/// The state's name, for styles and tests.
fn state_name(state: &State) -> &'static str {
    match state {
        State::Queued => "queued",
        State::MakingRoom => "making-room",
        State::Creating => "creating",
        State::Deleting => "deleting",
        State::InProgress(_) => "in-progress",
        State::Completed => "completed",
        State::Deleted => "deleted",
        State::Failed(_) => "failed",
        State::Skipped(_) => "skipped",
        State::Cancelled => "cancelled",
    }
}

/// The state in words, and the API's words or the reason where there are some.
fn state_text(state: &State) -> (&'static str, Option<String>) {
    let label = |key| t(key);
    match state {
        State::Queued => (label(Key::FLEET_STATE_QUEUED), None),
        State::MakingRoom => (label(Key::FLEET_STATE_MAKING_ROOM), None),
        State::Creating => (label(Key::FLEET_STATE_CREATING), None),
        State::Deleting => (label(Key::FLEET_STATE_DELETING), None),
        State::InProgress(_) => (label(Key::FLEET_STATE_IN_PROGRESS), None),
        State::Completed => (label(Key::FLEET_STATE_COMPLETED), None),
        State::Deleted => (label(Key::FLEET_STATE_DELETED), None),
        State::Failed(words) => (label(Key::FLEET_STATE_FAILED), Some(words.clone())),
        State::Skipped(reason) => (label(Key::FLEET_STATE_SKIPPED), Some(reason.clone())),
        State::Cancelled => (label(Key::FLEET_STATE_CANCELLED), None),
    }
}
