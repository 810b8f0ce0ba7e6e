use leptos::prelude::*;

/// One row per id: built when its id arrives, kept (and moved) while the id stays, dropped when
/// it goes. Every keyed list of the panel goes through this one `For` over plain ids, so the
/// keyed diff is compiled once; a `For` per item and view type cost about 2.4 KB of wasm each.
/// `row` is called once per id, untracked: what changes later is read reactively inside it.
pub fn keyed_list(ids: Signal<Vec<u64>>, row: Callback<u64, AnyView>) -> impl IntoView {
    view! {
        <For each=move || ids.get() key=|id| *id let:id>
            {untrack(|| row.run(id))}
        </For>
    }
}
