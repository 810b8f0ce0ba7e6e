//! "Prune selected…": keep each selected server's newest N completed snapshots and delete the
//! rest, after a preview of every snapshot that goes and the count typed to confirm.

use super::plan::{plan_prune, prune_batch, Fresh, PlannedPrune, MAX_KEEP};
use super::queue;
use super::state::use_fleet;
use super::table::FleetTable;
use super::typed_count::{confirms, TypedCount};
use crate::activity::use_activity;
use crate::components::focus_when_drawn;
use crate::format::{count, exact_time, parse_timestamp};
use crate::i18n::{t, tn, tr, Key};
use crate::session::use_session;
use leptos::prelude::*;

/// The "keep newest" a prune starts with.
const DEFAULT_KEEP: usize = 2;

#[component]
pub fn PrunePlan(
    /// The selected servers and every snapshot, read when the dialog opened.
    fresh: Fresh,
    close: Callback<()>,
) -> impl IntoView {
    let fleet = use_fleet();
    let session = use_session();
    let activity = use_activity();
    let keep = RwSignal::new(DEFAULT_KEEP);
    let typed = RwSignal::new(String::new());
    let fresh = StoredValue::new(fresh);
    let planned = Memo::new(move |_| {
        let keep = keep.get();
        fresh.with_value(|fresh| {
            let servers: Vec<_> = fresh.servers.iter().collect();
            plan_prune(&servers, &fresh.snapshots, keep)
        })
    });
    let goes = Memo::new(move |_| planned.with(|p| p.iter().map(|p| p.goes.len()).sum::<usize>()));
    let busy = move || fleet.has_writes_left();
    let startable =
        move || goes.get() > 0 && typed.with(|typed| confirms(typed, goes.get())) && !busy();
    let start = move || {
        if !startable() {
            return;
        }
        let batch = planned.with_untracked(|p| prune_batch(p));
        queue::start(fleet, session, activity, batch);
    };
    let summary = move || {
        let servers = tn(Key::FLEET_SERVERS_COUNT, planned.with(Vec::len) as u64, &[]);
        tn(
            Key::FLEET_PRUNE_SUMMARY,
            goes.get() as u64,
            &[("servers", &servers)],
        )
    };
    let options = (1..=MAX_KEEP)
        .map(|n| view! { <option value=n.to_string() selected=n == DEFAULT_KEEP>{count(n as u64)}</option> })
        .collect_view();

    // The plan replaces "Loading…" inside the open dialog: focus moves to its first field.
    focus_when_drawn("fleet-keep");

    view! {
        <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); start(); }>
                <div class="field">
                    <label class="field__label" for="fleet-keep">{tr(Key::FLEET_KEEP_LABEL)}</label>
                    <select
                        id="fleet-keep"
                        class="select input--short"
                        data-autofocus
                        aria-describedby="fleet-prune-rule"
                        on:change=move |ev| keep.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_KEEP))
                    >
                        {options}
                    </select>
                    <span id="fleet-prune-rule" class="field__help">{tr(Key::FLEET_PRUNE_RULE)}</span>
                </div>
                {move || if goes.get() == 0 {
                    view! { <p class="form__error-help">{tr(Key::FLEET_PRUNE_NOTHING)}</p> }.into_any()
                } else {
                    view! {
                        <p class="result-count" aria-live="polite">{summary}</p>
                        <PrunePreview planned/>
                        <TypedCount count=goes typed/>
                    }
                    .into_any()
                }}
                {move || busy().then(|| view! { <p class="form__error-help">{tr(Key::FLEET_BUSY)}</p> })}
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| close.run(())>{tr(Key::COMMON_CANCEL)}</button>
                    <button type="submit" class="button button--danger" disabled=move || !startable()>
                        {move || tn(Key::FLEET_PRUNE_START, goes.get() as u64, &[])}
                    </button>
                </div>
            </form>
    }
}

/// Every snapshot that goes, per server, oldest first.
#[component]
fn PrunePreview(planned: Memo<Vec<PlannedPrune>>) -> impl IntoView {
    let rows = move || {
        planned.with(|planned| {
            planned
                .iter()
                .flat_map(|p| {
                    p.goes.iter().map(move |s| {
                        let made = parse_timestamp(&s.created_at).map(exact_time);
                        view! {
                            <tr data-snapshot-id=s.id.to_string()>
                                <td data-label=t(Key::FLEET_COLUMN_SERVER)>{p.server.clone()}</td>
                                <td data-label=t(Key::FLEET_COLUMN_SNAPSHOT) class="mono">{s.name.clone()}</td>
                                <td data-label=t(Key::SNAPSHOTS_COLUMN_CREATED)>{made}</td>
                            </tr>
                        }
                    })
                })
                .collect_view()
        })
    };
    view! {
        <FleetTable
            caption=Key::FLEET_DELETES_TITLE
            columns=&[Key::FLEET_COLUMN_SERVER, Key::FLEET_COLUMN_SNAPSHOT, Key::SNAPSHOTS_COLUMN_CREATED]
        >
            {rows}
        </FleetTable>
    }
}
