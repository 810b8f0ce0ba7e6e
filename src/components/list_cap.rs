use crate::api::{Listing, MAX_PAGES};
use crate::format::count;
use leptos::prelude::*;

/// `(shown, total)` of a list that stopped at the page cap; `None` for a complete one.
pub fn cut_short<T>(listing: &Listing<T>) -> Option<(usize, Option<u64>)> {
    listing
        .truncated
        .then_some((listing.results.len(), listing.count))
}

/// Says plainly that a list is not complete: "Showing 10,000 of 12,345 servers."
#[component]
pub fn ListCapNotice(
    /// What the list holds, e.g. "servers".
    what: &'static str,
    /// How many items the panel read.
    shown: usize,
    /// The API's total, when it gave one.
    total: Option<u64>,
) -> impl IntoView {
    let of_total = total
        .map(|t| format!(" of {}", count(t)))
        .unwrap_or_default();
    view! {
        <p class="notice notice--warn" role="status">
            {format!(
                "Showing {}{of_total} {what}. The panel reads at most {MAX_PAGES} pages of a list; use the filters to see the rest.",
                count(shown as u64)
            )}
        </p>
    }
}
