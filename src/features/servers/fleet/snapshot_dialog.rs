//! "Snapshot selected…": a name template and description, and a preview of what the batch will
//! do on every selected server before anything is sent.

use super::plan::{
    deletions, plan_snapshots, snapshot_batch, Fresh, Plan, PlannedServer, Skip, SnapshotChoices,
    DEFAULT_TEMPLATE,
};
use super::queue;
use super::state::use_fleet;
use super::table::FleetTable;
use super::typed_count::{confirms, TypedCount};
use crate::activity::use_activity;
use crate::api::SNAPSHOTS_PER_SERVER;
use crate::components::focus_when_drawn;
use crate::format::count;
use crate::i18n::{t, tf, tn, tr, Key};
use crate::session::use_session;
use leptos::prelude::*;

/// Above this many servers the preview waits for a pause in typing (at 1,000 rows a redraw
/// takes about 100 ms, measured by `bench/fleet-batch.mjs`).
const LARGE_PREVIEW: usize = 100;
const PREVIEW_AFTER_MS: u32 = 250;

#[component]
pub fn SnapshotPlan(
    /// The selected servers and every snapshot, read when the dialog opened.
    fresh: Fresh,
    close: Callback<()>,
) -> impl IntoView {
    let fleet = use_fleet();
    let session = use_session();
    let activity = use_activity();
    // The template as typed, and as the preview last used it: a large preview is redrawn once
    // typing pauses, not at every keystroke.
    let template_typed = RwSignal::new(DEFAULT_TEMPLATE.to_owned());
    let template = RwSignal::new(DEFAULT_TEMPLATE.to_owned());
    let redraw_due = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let large = fresh.servers.len() > LARGE_PREVIEW;
    let type_template = move |text: String| {
        template_typed.set(text.clone());
        if large {
            let redraw = gloo_timers::callback::Timeout::new(PREVIEW_AFTER_MS, move || {
                template.try_set(text);
            });
            // Replacing the pending redraw drops (cancels) it.
            redraw_due.set_value(Some(redraw));
        } else {
            template.set(text);
        }
    };
    let description = RwSignal::new(String::new());
    let replace_bad = RwSignal::new(false);
    let make_room = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    // One moment for every name in the batch: the preview shows what will be sent.
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let fresh = StoredValue::new(fresh);
    let planned = Memo::new(move |_| {
        let choices = SnapshotChoices {
            template: template.get(),
            description: String::new(),
            replace_bad: replace_bad.get(),
            make_room: make_room.get(),
        };
        fresh.with_value(|fresh| {
            let servers: Vec<_> = fresh.servers.iter().collect();
            plan_snapshots(&servers, &fresh.snapshots, &choices, now)
        })
    });
    let deleting = Memo::new(move |_| planned.with(|p| deletions(p)));
    let creating = Memo::new(move |_| {
        planned.with(|p| {
            p.iter()
                .filter(|p| !matches!(p.plan, Plan::Skip(_)))
                .count()
        })
    });
    let bad_names = Memo::new(move |_| {
        planned.with(|p| {
            p.iter()
                .filter(|p| matches!(p.plan, Plan::Skip(Skip::BadName(_))))
                .count()
        })
    });
    let busy = move || fleet.has_writes_left();
    let confirmed =
        move || deleting.get() == 0 || typed.with(|typed| confirms(typed, deleting.get()));
    let startable = move || creating.get() > 0 && confirmed() && !busy();

    let start = move || {
        // What is sent is what was typed, even if the preview has not caught up.
        redraw_due.set_value(None);
        if template.get_untracked() != template_typed.get_untracked() {
            template.set(template_typed.get_untracked());
        }
        if !startable() {
            return;
        }
        let batch =
            planned.with_untracked(|p| snapshot_batch(p, &description.get_untracked(), skip_text));
        queue::start(fleet, session, activity, batch);
    };

    let summary = move || {
        let skip = planned.with(Vec::len) - creating.get();
        tf(
            Key::FLEET_SUMMARY,
            &[
                ("create", &count(creating.get() as u64)),
                ("skip", &count(skip as u64)),
                ("delete", &count(deleting.get() as u64)),
            ],
        )
    };

    // The plan replaces "Loading…" inside the open dialog: focus moves to its first field.
    focus_when_drawn("fleet-template");

    view! {
        <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); start(); }>
                <div class="field">
                    <label class="field__label" for="fleet-template">{tr(Key::FLEET_TEMPLATE_LABEL)}</label>
                    <input
                        id="fleet-template"
                        class="input mono"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        data-autofocus
                        aria-describedby="fleet-template-help"
                        prop:value=move || template_typed.get()
                        on:input=move |ev| type_template(event_target_value(&ev))
                    />
                    <span id="fleet-template-help" class="field__help">{tr(Key::FLEET_TEMPLATE_HINT)}</span>
                </div>
                <div class="field">
                    <label class="field__label" for="fleet-description">{tr(Key::FLEET_DESCRIPTION_LABEL)}</label>
                    <input
                        id="fleet-description"
                        class="input"
                        type="text"
                        prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev))
                    />
                </div>
                <div class="field field--check">
                    <input
                        id="fleet-replace-bad"
                        type="checkbox"
                        prop:checked=move || replace_bad.get()
                        on:change=move |ev| replace_bad.set(event_target_checked(&ev))
                    />
                    <label for="fleet-replace-bad">{tr(Key::FLEET_REPLACE_BAD)}</label>
                </div>
                <div class="field field--check">
                    <input
                        id="fleet-make-room"
                        type="checkbox"
                        prop:checked=move || make_room.get()
                        on:change=move |ev| make_room.set(event_target_checked(&ev))
                    />
                    <label for="fleet-make-room">{tr(Key::FLEET_MAKE_ROOM)}</label>
                </div>
                {move || (bad_names.get() > 0).then(|| view! {
                    <p class="advice" id="fleet-bad-names">{tn(Key::FLEET_FIX_NAMES, bad_names.get() as u64, &[])}</p>
                })}
                <p class="result-count" aria-live="polite">{summary}</p>
                <Preview planned/>
                {move || (deleting.get() > 0).then(|| view! {
                    <DeletionList planned/>
                    <TypedCount count=deleting typed/>
                })}
                {move || busy().then(|| view! { <p class="form__error-help">{tr(Key::FLEET_BUSY)}</p> })}
                {move || (creating.get() == 0).then(|| view! { <p class="form__error-help">{tr(Key::FLEET_NOTHING_TO_DO)}</p> })}
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| close.run(())>{tr(Key::COMMON_CANCEL)}</button>
                    <button type="submit" class="button button--primary" disabled=move || !startable()>{tr(Key::FLEET_START)}</button>
                </div>
            </form>
    }
}

/// Every selected server: the name it gets, its quota and what will happen.
#[component]
fn Preview(planned: Memo<Vec<PlannedServer>>) -> impl IntoView {
    let rows = move || {
        planned.with(|planned| {
            planned
                .iter()
                .map(|p| {
                    let (plan, class) = match &p.plan {
                        Plan::Create => (t(Key::FLEET_PLAN_CREATE).to_owned(), "plan plan--go"),
                        Plan::MakeRoomThenCreate(oldest) => (
                            tf(Key::FLEET_PLAN_MAKE_ROOM, &[("snapshot", &oldest.name)]),
                            "plan plan--delete",
                        ),
                        Plan::Skip(skip) => (skip_text(skip), "plan plan--skip"),
                    };
                    let quota = tf(
                        Key::SERVERS_SNAPSHOT_COUNT,
                        &[
                            ("n", &count(p.used as u64)),
                            ("limit", &count(SNAPSHOTS_PER_SERVER as u64)),
                        ],
                    );
                    view! {
                        <tr data-server-id=p.server_id.to_string()>
                            <td data-label=t(Key::FLEET_COLUMN_SERVER)>{p.server.clone()}</td>
                            <td data-label=t(Key::FLEET_COLUMN_NAME) class="mono">{p.name.clone()}</td>
                            <td data-label=t(Key::FLEET_COLUMN_QUOTA)>{quota}</td>
                            <td data-label=t(Key::FLEET_COLUMN_PLAN) class=class>{plan}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <FleetTable
            caption=Key::FLEET_PREVIEW_CAPTION
            columns=&[Key::FLEET_COLUMN_SERVER, Key::FLEET_COLUMN_NAME, Key::FLEET_COLUMN_QUOTA, Key::FLEET_COLUMN_PLAN]
        >
            {rows}
        </FleetTable>
    }
}

/// Every snapshot the batch deletes to make room, by server.
#[component]
fn DeletionList(planned: Memo<Vec<PlannedServer>>) -> impl IntoView {
    let items = move || {
        planned.with(|planned| {
            planned
                .iter()
                .filter_map(|p| match &p.plan {
                    Plan::MakeRoomThenCreate(oldest) => Some(view! {
                        <li>{p.server.clone()}": "<span class="mono">{oldest.name.clone()}</span></li>
                    }),
                    _ => None,
                })
                .collect_view()
        })
    };
    view! {
        <div class="deletions">
            <p class="field__label" id="fleet-deletions">{tr(Key::FLEET_DELETES_TITLE)}</p>
            <ul class="deletions__list" aria-labelledby="fleet-deletions">{items}</ul>
        </div>
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
