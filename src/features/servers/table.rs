//! The servers table: sortable headers and one row per server, each row reading its own server.

use super::fleet::use_fleet;
use super::model::{ServersView, SortKey};
use crate::api::models::{Plan, Server};
use crate::api::SNAPSHOTS_PER_SERVER as SNAPSHOT_LIMIT;
use crate::base_path::href;
use crate::components::{keyed_list, StatusBadge};
use crate::format::{count, plan_resources};
use crate::i18n::{text, tf, tr, Key};
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn ServersTable(
    /// The ids of the rows to show, searched, sorted and cut to one page.
    rows: Memo<Vec<u64>>,
    /// Every server by id, for the rows to read.
    servers: Memo<HashMap<u64, Server>>,
    /// The current view (for the sort headers).
    view_state: Memo<ServersView>,
    /// Called with the column the user sorts by.
    on_sort: Callback<SortKey>,
    /// Snapshots per server id, when known.
    counts: Memo<Option<HashMap<u64, usize>>>,
) -> impl IntoView {
    let headers = SortKey::ALL
        .into_iter()
        .map(|key| {
            let direction = move || {
                view_state.with(|v| match (v.sort == key, v.descending) {
                    (false, _) => None,
                    (true, false) => Some("ascending"),
                    (true, true) => Some("descending"),
                })
            };
            let arrow = move || match direction() {
                Some("ascending") => "▲",
                Some(_) => "▼",
                None => "↕",
            };
            view! {
                <th scope="col" aria-sort=direction>
                    <button type="button" class="sort-button" on:click=move |_| on_sort.run(key)>
                        {tr(key.label())}
                        <span class="sort-button__arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    // Rows are slots, made once and never thrown away: a keystroke, a sort or a page turn
    // rewrites the text of the slots it needs (a few hundred text updates) instead of building
    // and dropping rows (their elements and reactive cells), which cost a frame and more.
    // Slots with no server in them are hidden.
    let slots =
        Memo::new(move |made: Option<&usize>| rows.with(Vec::len).max(made.copied().unwrap_or(0)));
    view! {
        <div class="table-wrap">
            <table class="data-table data-table--sortable">
                <caption class="visually-hidden">{tr(Key::SERVERS_TITLE)}</caption>
                <thead><tr>
                    <th scope="col" class="cell-select"><span class="visually-hidden">{tr(Key::SELECTION_SELECT_COLUMN)}</span></th>
                    {headers}
                </tr></thead>
                <tbody>
                    {keyed_list(
                        Signal::derive(move || (0..slots.get() as u64).collect()),
                        Callback::new(move |position| {
                            view! { <ServerRow position=position as usize rows servers counts/> }.into_any()
                        }),
                    )}
                </tbody>
            </table>
        </div>
    }
}

/// One slot of the table: the server at this position of the page, if there is one. Refreshes
/// and keystrokes update its cells in place.
#[component]
fn ServerRow(
    /// The position on the page this row shows.
    position: usize,
    /// The ids of the rows on this page.
    rows: Memo<Vec<u64>>,
    /// Every server by id, to read this one from.
    servers: Memo<HashMap<u64, Server>>,
    /// Snapshots per server id, when known.
    counts: Memo<Option<HashMap<u64, usize>>>,
) -> impl IntoView {
    let id = Memo::new(move |_| rows.with(|r| r.get(position).copied()));
    let server = Memo::new(move |_| {
        id.get()
            .and_then(|id| servers.with(|m| m.get(&id).cloned()))
    });
    let field = move |read: fn(&Server) -> Option<String>| {
        move || {
            server
                .with(|s| s.as_ref().and_then(read))
                .unwrap_or_else(|| "—".into())
        }
    };
    let status = Signal::derive(move || {
        server.with(|s| s.as_ref().map(|s| s.status.to_string()).unwrap_or_default())
    });
    let plan = move |read: fn(&Plan) -> String| {
        move || server.with(|s| s.as_ref().and_then(|s| s.plan.as_ref().map(read)))
    };
    let fleet = use_fleet();
    let selected = move || id.get().is_some_and(|id| fleet.is_selected(id));
    let select_name = move || {
        let name = server
            .with(|s| s.as_ref().map(|s| s.name.clone()))
            .unwrap_or_default();
        tf(Key::SELECTION_SELECT_ROW, &[("server", &name)])
    };
    let snapshots_used = move || {
        let id = id.get()?;
        counts.with(|c| c.as_ref().map(|c| c.get(&id).copied().unwrap_or(0)))
    };
    view! {
        <tr hidden=move || id.with(Option::is_none) data-server-id=move || id.get().map(|id| id.to_string())>
            <td class="cell-select" data-label=text(Key::SELECTION_SELECT_COLUMN)>
                <input
                    type="checkbox"
                    class="select-box"
                    aria-label=select_name
                    prop:checked=selected
                    on:change=move |ev| {
                        if let Some(id) = id.get_untracked() {
                            fleet.toggle(id, event_target_checked(&ev));
                        }
                    }
                />
            </td>
            <td data-label=text(Key::SERVERS_COLUMN_NAME)>
                // A plain link (the router follows it all the same): `<A>` would add a memo and a
                // router lookup to every row.
                <a href=move || id.get().map(|id| href(&format!("/servers/{id}"))) class="cell-main link-strong">
                    {field(|s| Some(s.name.clone()))}
                </a>
                <span class="cell-sub">{move || server.with(|s| s.as_ref().and_then(|s| s.hostname.clone()))}</span>
            </td>
            <td data-label=text(Key::SERVERS_COLUMN_STATUS)><StatusBadge status/></td>
            <td data-label=text(Key::SERVERS_COLUMN_LOCATION)>{field(|s| s.location.clone())}</td>
            <td data-label=text(Key::SERVERS_COLUMN_IP) class="mono">{field(|s| s.ip_address.clone())}</td>
            <td data-label=text(Key::SERVERS_COLUMN_PLAN)>
                <span class="cell-main">{plan(|plan| plan.name.clone())}</span>
                <span class="cell-sub">{plan(plan_resources)}</span>
            </td>
            <td data-label=text(Key::SERVERS_COLUMN_OS)>{field(|s| s.os.as_ref().map(|os| os.name.clone()))}</td>
            <td data-label=text(Key::SERVERS_COLUMN_SNAPSHOTS)>
                {move || match snapshots_used() {
                    Some(used) => {
                        let (used, limit) = (count(used as u64), count(SNAPSHOT_LIMIT as u64));
                        tf(Key::SERVERS_SNAPSHOT_COUNT, &[("n", &used), ("limit", &limit)])
                    }
                    None => "—".to_owned(),
                }}
                {move || snapshots_used().is_some_and(|c| c >= SNAPSHOT_LIMIT).then(|| view! { <span class="cell-sub">{tr(Key::SERVERS_LIMIT_REACHED)}</span> })}
            </td>
        </tr>
    }
}
