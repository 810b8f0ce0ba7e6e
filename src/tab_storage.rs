//! What the panel keeps with the tab in `sessionStorage` (gone when the tab closes, never in
//! `localStorage`): the token, the activity log, the fleet's selection and batch. Values are
//! JSON objects; one that cannot be read (edited by hand, an older shape) counts as absent.

use crate::api::parse_json;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Display;
use std::str::FromStr;

pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    parse_json::<T>(&read_raw(key)?).ok()
}

/// Stores `value` as JSON. Storage full or refused: the value still lives in the page's memory,
/// so nothing is lost until a reload.
pub fn write<T: Serialize>(key: &str, value: &T) {
    if let Ok(json) = serde_json::to_string(value) {
        write_raw(key, &json);
    }
}

/// The text stored under `key`, as stored.
pub fn read_raw(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

pub fn write_raw(key: &str, text: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, text);
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Runs `write` after `after_ms`, unless a write is already due (`due`): a value that changes
/// many times a second is stored once per burst, not once per change.
pub fn write_soon(due: StoredValue<bool>, after_ms: u32, write: impl FnOnce() + 'static) {
    if due.try_get_value().unwrap_or(true) {
        return;
    }
    due.set_value(true);
    gloo_timers::callback::Timeout::new(after_ms, move || {
        due.try_set_value(false);
        write();
    })
    .forget();
}

/// A list kept as its items separated by commas (read by hand: no JSON code for it). Items
/// that cannot be read are left out.
pub fn read_list<T: FromStr>(key: &str) -> Vec<T> {
    read_raw(key)
        .map(|list| {
            list.split(',')
                .filter_map(|item| item.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Stores `items` separated by commas; an empty list removes the key.
pub fn write_list<T: Display>(key: &str, items: impl Iterator<Item = T>) {
    let list = items
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(",");
    if list.is_empty() {
        remove(key);
    } else {
        write_raw(key, &list);
    }
}
