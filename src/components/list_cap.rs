use crate::api::{Listing, MAX_PAGES};
use crate::format::count;
use crate::i18n::{t, tf, Key};
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
    /// What the list holds, e.g. "servers" (a message, in the reader's language).
    what: Key,
    /// How many items the panel read.
    shown: usize,
    /// The API's total, when it gave one.
    total: Option<u64>,
) -> impl IntoView {
    let notice = move || {
        let shown = count(shown as u64);
        let pages = count(MAX_PAGES as u64);
        let args = [
            ("shown", shown.as_str()),
            ("what", t(what)),
            ("pages", pages.as_str()),
        ];
        match total {
            Some(total) => {
                let total = count(total);
                let mut all = args.to_vec();
                all.push(("total", &total));
                tf(Key::LIST_CAP_NOTICE, &all)
            }
            None => tf(Key::LIST_CAP_NOTICE_NO_TOTAL, &args),
        }
    };
    view! {
        <p class="notice notice--warn" role="status">{notice}</p>
    }
}
