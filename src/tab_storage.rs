//! What the panel keeps with the tab in `sessionStorage` (gone when the tab closes, never in
//! `localStorage`): the token, the activity log, the fleet's selection and batch. Values are
//! JSON objects; one that cannot be read (edited by hand, an older shape) counts as absent.

use crate::api::parse_json;
use serde::de::DeserializeOwned;
use serde::Serialize;

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
