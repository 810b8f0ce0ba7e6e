//! Every write this tab made, newest first: when, on which server, what, which snapshot, and
//! how it ended (with the API's words when it failed).

use crate::activity::{use_activity, Action, Entry, Outcome};
use crate::base_path::href;
use crate::components::use_page_title;
use crate::format::exact_time;
use crate::i18n::{t, tf, tr, Key};
use leptos::prelude::*;

#[component]
pub fn ActivityPage() -> impl IntoView {
    use_page_title(|| t(Key::ACTIVITY_TITLE).to_owned());
    let entries = use_activity().map(|a| a.entries());
    let rows = move || {
        let entries = entries.map(|e| e.get()).unwrap_or_default();
        if entries.is_empty() {
            return view! { <div class="empty-state"><p>{tr(Key::ACTIVITY_EMPTY)}</p></div> }
                .into_any();
        }
        let rows = entries.iter().rev().map(row).collect_view();
        view! {
            <div class="table-wrap">
                <table class="data-table activity-table">
                    <caption class="visually-hidden">{tr(Key::ACTIVITY_TITLE)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::ACTIVITY_COLUMN_TIME)}</th>
                            <th scope="col">{tr(Key::ACTIVITY_COLUMN_SERVER)}</th>
                            <th scope="col">{tr(Key::ACTIVITY_COLUMN_ACTION)}</th>
                            <th scope="col">{tr(Key::ACTIVITY_COLUMN_SNAPSHOT)}</th>
                            <th scope="col">{tr(Key::ACTIVITY_COLUMN_OUTCOME)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="page-head">
            <h1>{tr(Key::ACTIVITY_TITLE)}</h1>
        </div>
        <p class="page-intro">{tr(Key::ACTIVITY_INTRO)}</p>
        {rows}
    }
}

fn row(entry: &Entry) -> impl IntoView {
    let action = t(match entry.action {
        Action::Create => Key::ACTIVITY_ACTION_CREATE,
        Action::Restore => Key::ACTIVITY_ACTION_RESTORE,
        Action::Delete => Key::ACTIVITY_ACTION_DELETE,
    });
    let (outcome, class) = match &entry.outcome {
        Outcome::Done => (
            t(Key::ACTIVITY_OUTCOME_DONE).to_owned(),
            "outcome outcome--done",
        ),
        Outcome::DoneAfterAll => (
            t(Key::ACTIVITY_OUTCOME_DONE_AFTER_ALL).to_owned(),
            "outcome outcome--done",
        ),
        Outcome::AlreadyGone => (
            t(Key::ACTIVITY_OUTCOME_ALREADY_GONE).to_owned(),
            "outcome outcome--done",
        ),
        Outcome::Failed(words) => (
            tf(Key::ACTIVITY_OUTCOME_FAILED, &[("error", words)]),
            "outcome outcome--failed",
        ),
    };
    let when = exact_time((entry.at_ms / 1000.0) as i64);
    let server = href(&format!("/servers/{}", entry.server_id));
    view! {
        <tr>
            <td data-label=t(Key::ACTIVITY_COLUMN_TIME)>{when}</td>
            <td data-label=t(Key::ACTIVITY_COLUMN_SERVER)><a href=server class="link-strong">{entry.server.clone()}</a></td>
            <td data-label=t(Key::ACTIVITY_COLUMN_ACTION)>
                {action}
                {entry.batch.then(|| view! { <span class="cell-sub">{tr(Key::ACTIVITY_IN_BATCH)}</span> })}
            </td>
            <td data-label=t(Key::ACTIVITY_COLUMN_SNAPSHOT) class="mono">{entry.snapshot.clone()}</td>
            <td data-label=t(Key::ACTIVITY_COLUMN_OUTCOME) class=class>{outcome}</td>
        </tr>
    }
}
