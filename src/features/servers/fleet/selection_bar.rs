//! Above the servers table: how many servers are selected, "Select all N matching" for the
//! current filters and search (every matching server, not only the drawn page), Clear, and the
//! fleet actions. The selection is tab state: it stays while filters and pages change.

use super::state::{use_fleet, FleetDialog};
use crate::i18n::{text, tn, tr, Key};
use leptos::prelude::*;

#[component]
pub fn SelectionBar(
    /// Every server matching the current filters and search.
    matching: Memo<Vec<u64>>,
) -> impl IntoView {
    let fleet = use_fleet();
    let selected = move || fleet.selection.with(|s| s.len());
    let all_selected = move || {
        fleet
            .selection
            .with(|s| matching.with(|m| m.iter().all(|id| s.contains(id))))
    };
    let select_all = move |_| {
        let ids = matching.get_untracked();
        fleet.change_selection(|s| s.extend(ids));
    };
    let open = move |which| fleet.dialog.set(Some(which));
    view! {
        <div class="selection-bar" role="group" aria-label=text(Key::SELECTION_TOOLBAR_LABEL)>
            <span class="selection-bar__count" aria-live="polite">{move || tn(Key::SELECTION_SELECTED, selected() as u64, &[])}</span>
            <button type="button" class="button button--small" disabled=all_selected on:click=select_all>
                {move || tn(Key::SELECTION_SELECT_ALL, matching.with(Vec::len) as u64, &[])}
            </button>
            <button type="button" class="button button--small button--ghost" disabled=move || selected() == 0 on:click=move |_| fleet.change_selection(|s| s.clear())>
                {tr(Key::SELECTION_CLEAR)}
            </button>
            <span class="selection-bar__actions">
                <button type="button" class="button button--small button--primary" disabled=move || selected() == 0 on:click=move |_| open(FleetDialog::Snapshot)>
                    {tr(Key::SELECTION_SNAPSHOT_SELECTED)}
                </button>
                <button type="button" class="button button--small" disabled=move || selected() == 0 on:click=move |_| open(FleetDialog::Prune)>
                    {tr(Key::SELECTION_PRUNE_SELECTED)}
                </button>
            </span>
        </div>
    }
}
