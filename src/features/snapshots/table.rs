use crate::api::models::{Snapshot, SnapshotStatus};
use crate::base_path::href;
use crate::components::{keyed_list, StatusBadge};
use crate::format::{exact_time, megabytes, parse_timestamp, relative_time};
use crate::i18n::{t, text, tf, tr, Key};
use leptos::prelude::*;

use super::now_seconds;

/// Snapshots as a table: name, server, status, size, created (relative and exact), description.
/// Rows are keyed by id and read their snapshot from `rows`, so a refresh updates them in place.
#[component]
pub fn SnapshotTable(
    /// The snapshots to list, in the order to show them.
    rows: Memo<Vec<Snapshot>>,
    /// Accessible caption of the table.
    caption: Key,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{tr(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_NAME)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_SERVER)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_STATUS)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_SIZE)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_CREATED)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_DESCRIPTION)}</th>
                    </tr>
                </thead>
                <tbody>
                    {keyed_list(
                        Signal::derive(move || rows.with(|list| list.iter().map(|s| s.id).collect())),
                        Callback::new(move |id| view! { <SnapshotRow id rows/> }.into_any()),
                    )}
                </tbody>
            </table>
        </div>
    }
}

/// Size in human units; a dash (with a spoken explanation) while it is not known.
pub fn size_cell(snapshot: &Snapshot) -> AnyView {
    match (&snapshot.status, snapshot.size_mb) {
        (_, Some(mb)) => view! { <span>{megabytes(mb)}</span> }.into_any(),
        (SnapshotStatus::InProgress, None) => view! {
            <span aria-hidden="true">"—"</span>
            <span class="visually-hidden">{t(Key::SNAPSHOTS_SIZE_PENDING)}</span>
        }
        .into_any(),
        (_, None) => view! {
            <span aria-hidden="true">"—"</span>
            <span class="visually-hidden">{t(Key::SNAPSHOTS_SIZE_UNKNOWN)}</span>
        }
        .into_any(),
    }
}

/// Created: relative time, with the exact UTC time beneath it.
pub fn created_cell(snapshot: &Snapshot, now: i64) -> AnyView {
    match parse_timestamp(&snapshot.created_at) {
        Some(at) => view! {
            <time datetime=snapshot.created_at.clone() title=exact_time(at)>
                <span class="cell-main">{relative_time(at, now)}</span>
                <span class="cell-sub">{exact_time(at)}</span>
            </time>
        }
        .into_any(),
        None => view! { <span>{snapshot.created_at.clone()}</span> }.into_any(),
    }
}

/// The description, or a dash when there is none.
pub fn description_text(snapshot: &Snapshot) -> String {
    snapshot
        .description
        .clone()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| "—".to_owned())
}

#[component]
fn SnapshotRow(id: u64, rows: Memo<Vec<Snapshot>>) -> impl IntoView {
    let snapshot = Memo::new(move |_| rows.with(|r| r.iter().find(|s| s.id == id).cloned()));
    let show =
        move |render: fn(&Snapshot) -> AnyView| move || snapshot.with(|s| s.as_ref().map(render));
    view! {
        <tr data-snapshot-id=id.to_string()>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_NAME) class="cell-main mono-name">{move || snapshot.with(|s| s.as_ref().map(|s| s.name.clone()))}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_SERVER)>{show(|s| {
                let name = s.server.name.clone().unwrap_or_else(|| tf(Key::SNAPSHOTS_SERVER_NUMBER, &[("id", &s.server.id.to_string())]));
                view! { <a href=href(&format!("/servers/{}", s.server.id))>{name}</a> }.into_any()
            })}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_STATUS)>{show(|s| view! { <StatusBadge status=s.status.to_string()/> }.into_any())}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_SIZE)>{show(size_cell)}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_CREATED)>{show(|s| created_cell(s, now_seconds()))}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_DESCRIPTION) class="cell-description">{move || snapshot.with(|s| s.as_ref().map(description_text))}</td>
        </tr>
    }
}
