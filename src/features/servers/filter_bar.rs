//! The filters above the servers table: status and location go to the API, the search stays
//! in the page.

use super::model::{ServersView, STATUS_FILTERS};
use super::store::ServersStore;
use crate::components::status_label;
use crate::i18n::{text, tr, Key};
use leptos::prelude::*;

#[component]
pub fn FilterBar(
    /// The page's state: the view to show and change, the search as typed, the locations.
    store: ServersStore,
) -> impl IntoView {
    let view_state = store.view_state;
    let locations = store.locations;
    let search_text = store.search_text;
    let on_status = move |ev| {
        let value = event_target_value(&ev);
        store.set_view(ServersView {
            status: (!value.is_empty()).then_some(value),
            ..store.current_view()
        })
    };
    let on_location = move |ev| {
        let value = event_target_value(&ev);
        store.set_view(ServersView {
            location: (!value.is_empty()).then_some(value),
            ..store.current_view()
        })
    };
    let status = move || view_state.with(|v| v.status.clone().unwrap_or_default());
    let location = move || view_state.with(|v| v.location.clone().unwrap_or_default());
    view! {
        <div class="filter-bar" role="search" aria-label=text(Key::SERVERS_FILTER_LABEL)>
            <label class="field field--inline">
                <span class="field__label">{tr(Key::SERVERS_STATUS)}</span>
                <select class="select" prop:value=status on:change=on_status>
                    <option value="" selected=move || status().is_empty()>{tr(Key::SERVERS_ALL)}</option>
                    {STATUS_FILTERS
                        .into_iter()
                        .map(|value| view! {
                            <option value=value selected=move || status() == value>{move || status_label(value)}</option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field field--inline">
                <span class="field__label">{tr(Key::SERVERS_LOCATION)}</span>
                <select class="select" prop:value=location on:change=on_location>
                    <option value="" selected=move || location().is_empty()>{tr(Key::SERVERS_ALL)}</option>
                    {move || locations
                        .get()
                        .into_iter()
                        .map(|value| {
                            let selected = location() == value;
                            view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field field--inline field--grow">
                <span class="field__label">{tr(Key::SERVERS_SEARCH)}</span>
                <input
                    class="input"
                    type="search"
                    placeholder=text(Key::SERVERS_SEARCH_PLACEHOLDER)
                    prop:value=search_text
                    on:input=move |ev| store.search(event_target_value(&ev))
                />
            </label>
        </div>
    }
}
