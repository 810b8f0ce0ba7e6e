use super::super::model::oldest_first_except;
use super::super::now_seconds;
use super::super::table::{created_cell, size_cell};
use super::actions::{Actions, Next, OpenDialog};
use super::store::PageStore;
use crate::api::models::{Server, Snapshot, SnapshotStatus};
use crate::api::SNAPSHOTS_PER_SERVER as SNAPSHOT_LIMIT;
use crate::components::{Dialog, StatusBadge};
use leptos::prelude::*;

/// At the snapshot limit: the server's snapshots oldest first, with date and size, each with
/// Delete (through the usual confirmation). Once one is gone, what the user was doing carries on.
#[component]
pub fn MakeRoomDialog(
    server: Server,
    next: Next,
    store: PageStore,
    actions: Actions,
) -> impl IntoView {
    // The snapshot about to be restored from is not offered for deletion.
    let keep = match next {
        Next::Restore(id) => Some(id),
        Next::Create => None,
    };
    let purpose = match next {
        Next::Create => "create a new snapshot".to_owned(),
        Next::Restore(id) => match store.snapshot_untracked(id) {
            Some(snapshot) => format!(
                "take a safety snapshot before restoring from {}",
                snapshot.name
            ),
            None => "take a safety snapshot before restoring".to_owned(),
        },
    };
    let candidates = Memo::new(move |_| {
        store
            .snapshots
            .with(|s| s.ready().map(|list| oldest_first_except(list, keep)))
            .unwrap_or_default()
    });
    let has_room = Memo::new(move |_| store.count().is_some_and(|used| used < SNAPSHOT_LIMIT));
    let carry_on_label = match next {
        Next::Create => "Continue to create a snapshot",
        Next::Restore(_) => "Continue to the restore",
    };
    view! {
        <Dialog title="Make room for a snapshot" on_close=Callback::new(move |()| actions.close())>
            <p>
                <strong>{server.name.clone()}</strong>
                {format!(" has {SNAPSHOT_LIMIT} of {SNAPSHOT_LIMIT} snapshots, the most a server can keep. Delete one to {purpose}; the panel then carries on.")}
            </p>
            {move || has_room.get().then(|| view! {
                <p class="notice" role="status">"There is room for a snapshot now."</p>
            })}
            <div class="table-wrap room-list">
                <table class="data-table">
                    <caption class="visually-hidden">"Snapshots of this server, oldest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Created"</th>
                            <th scope="col">"Size"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || candidates.get() key=|s| s.id let:snapshot>
                            <Candidate snapshot next actions/>
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="form__buttons">
                <button type="button" class="button" data-autofocus on:click=move |_| actions.close()>"Cancel"</button>
                {move || has_room.get().then(|| view! {
                    <button
                        type="button"
                        class="button button--primary"
                        on:click=move |_| actions.open(next.dialog())
                    >{carry_on_label}</button>
                })}
            </div>
        </Dialog>
    }
}

/// "Make room…": opens the list above for what the limit stopped (`next`).
#[component]
pub fn MakeRoomButton(
    next: Next,
    actions: Actions,
    /// The small size, inside a form or next to its explanation.
    #[prop(optional)]
    small: bool,
) -> impl IntoView {
    let class = if small {
        "button button--small"
    } else {
        "button"
    };
    view! {
        <button type="button" class=class on:click=move |_| actions.open(OpenDialog::MakeRoom(next))>
            "Make room…"
        </button>
    }
}

#[component]
fn Candidate(snapshot: Snapshot, next: Next, actions: Actions) -> impl IntoView {
    let id = snapshot.id;
    let unfinished = snapshot.status != SnapshotStatus::Completed;
    view! {
        <tr data-snapshot-id=id.to_string()>
            <td data-label="Name" class="cell-main mono-name">
                {snapshot.name.clone()}
                {unfinished.then(|| view! { " "<StatusBadge status=snapshot.status.to_string()/> })}
            </td>
            <td data-label="Created">{created_cell(&snapshot, now_seconds())}</td>
            <td data-label="Size">{size_cell(&snapshot)}</td>
            <td data-label="Actions" class="row-actions">
                <button
                    type="button"
                    class="button button--small button--danger-ghost"
                    on:click=move |_| actions.delete_to_make_room(id, next)
                >
                    "Delete"<span class="visually-hidden">" "{snapshot.name.clone()}</span>
                </button>
            </td>
        </tr>
    }
}
