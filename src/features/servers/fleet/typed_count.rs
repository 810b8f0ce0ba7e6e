//! The typed confirmation a batch that deletes asks for: the number of snapshots it deletes.

use crate::i18n::{tn, Key};
use leptos::prelude::*;

#[component]
pub fn TypedCount(
    /// How many snapshots will be deleted.
    #[prop(into)]
    count: Signal<usize>,
    /// What the user typed.
    typed: RwSignal<String>,
) -> impl IntoView {
    let label = move || {
        let n = count.get() as u64;
        tn(Key::FLEET_CONFIRM, n, &[])
    };
    view! {
        <div class="field">
            <label class="field__label" for="fleet-confirm">{label}</label>
            <input
                id="fleet-confirm"
                class="input mono input--short"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
        </div>
    }
}

/// Whether `typed` confirms `count` deletions: the number, as digits of either language.
pub fn confirms(typed: &str, count: usize) -> bool {
    let digits: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            // Bengali digits ০–৯.
            '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (c as u32 - 0x09E6) as u8),
            other => other,
        })
        .collect();
    digits.parse::<usize>() == Ok(count)
}

#[cfg(test)]
mod tests {
    use super::confirms;

    #[test]
    fn the_typed_count_is_read_in_either_language() {
        assert!(confirms("12", 12));
        assert!(confirms(" ১২ ", 12));
        assert!(!confirms("11", 12));
        assert!(!confirms("", 0));
        assert!(!confirms("twelve", 12));
    }
}
