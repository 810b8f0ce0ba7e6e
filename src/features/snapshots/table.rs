use crate::api::models::{Snapshot, SnapshotStatus};
use crate::components::StatusBadge;
use crate::format::{exact_time, megabytes, parse_timestamp, relative_time};
use leptos::prelude::*;
use leptos_router::components::A;

/// Snapshots as a table: name, status, size, created (relative and exact), description.
#[component]
pub fn SnapshotTable(
    /// The snapshots to list, in the order to show them.
    rows: Vec<Snapshot>,
    /// Adds a "Server" column linking to each snapshot's server.
    #[prop(optional)]
    show_server: bool,
    /// "Now" in Unix seconds, for relative times.
    now: i64,
    /// Accessible caption of the table.
    #[prop(into)]
    caption: String,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|snapshot| view! { <SnapshotRow snapshot show_server now/> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        {show_server.then(|| view! { <th scope="col">"Server"</th> })}
                        <th scope="col">"Status"</th>
                        <th scope="col">"Size"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col">"Description"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
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
            <span class="visually-hidden">"not known until the snapshot completes"</span>
        }
        .into_any(),
        (_, None) => view! {
            <span aria-hidden="true">"—"</span>
            <span class="visually-hidden">"unknown"</span>
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
fn SnapshotRow(snapshot: Snapshot, show_server: bool, now: i64) -> impl IntoView {
    let size = size_cell(&snapshot);
    let created = created_cell(&snapshot, now);
    let description = description_text(&snapshot);
    let server_cell = show_server.then(|| {
        let name = snapshot
            .server
            .name
            .clone()
            .unwrap_or_else(|| format!("Server {}", snapshot.server.id));
        view! {
            <td data-label="Server">
                <A href=format!("/servers/{}", snapshot.server.id)>{name}</A>
            </td>
        }
    });
    view! {
        <tr data-snapshot-id=snapshot.id.to_string()>
            <td data-label="Name" class="cell-main mono-name">{snapshot.name.clone()}</td>
            {server_cell}
            <td data-label="Status"><StatusBadge status=snapshot.status.to_string()/></td>
            <td data-label="Size">{size}</td>
            <td data-label="Created">{created}</td>
            <td data-label="Description" class="cell-description">{description}</td>
        </tr>
    }
}
