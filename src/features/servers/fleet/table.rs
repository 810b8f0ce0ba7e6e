//! The table of the fleet's dialogs (the previews and the batch): compact, scrolling on its own
//! inside the dialog, and so reachable by keyboard and named for it.

use crate::i18n::{text, tr, Key};
use leptos::prelude::*;

#[component]
pub fn FleetTable(
    /// Names the table and its scrolling region.
    caption: Key,
    /// The column headings.
    columns: &'static [Key],
    /// The rows.
    children: Children,
) -> impl IntoView {
    let headings = columns
        .iter()
        .map(|key| view! { <th scope="col">{tr(*key)}</th> })
        .collect_view();
    view! {
        <div class="table-wrap fleet-preview" tabindex="0" role="region" aria-label=text(caption)>
            <table class="data-table data-table--compact">
                <caption class="visually-hidden">{tr(caption)}</caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
