use crate::i18n::{t, Key};
use leptos::prelude::*;

/// The colour family of a status. Colour only supports the text, never replaces it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusTone {
    Good,
    Busy,
    Warning,
    Neutral,
}

impl StatusTone {
    /// Tone for a status string the API sends; values the docs do not list are neutral.
    pub fn for_status(status: &str) -> Self {
        match status {
            "active" | "completed" => StatusTone::Good,
            "restoring" | "in_progress" => StatusTone::Busy,
            "suspended" => StatusTone::Warning,
            _ => StatusTone::Neutral,
        }
    }

    fn class(self) -> &'static str {
        match self {
            StatusTone::Good => "badge badge--good",
            StatusTone::Busy => "badge badge--busy",
            StatusTone::Warning => "badge badge--warning",
            StatusTone::Neutral => "badge badge--neutral",
        }
    }
}

/// A documented status in the reader's language ("in_progress" reads as "in progress");
/// anything else is shown exactly as sent.
pub fn status_label(status: &str) -> String {
    let key = match status {
        "active" => Key::STATUS_ACTIVE,
        "completed" => Key::STATUS_COMPLETED,
        "in_progress" => Key::STATUS_IN_PROGRESS,
        "restoring" => Key::STATUS_RESTORING,
        "suspended" => Key::STATUS_SUSPENDED,
        "stopped" => Key::STATUS_STOPPED,
        _ => return status.to_owned(),
    };
    t(key).to_owned()
}

/// A status as text in a tinted badge.
#[component]
pub fn StatusBadge(
    /// The status string exactly as the API sent it.
    #[prop(into)]
    status: Signal<String>,
) -> impl IntoView {
    view! {
        <span
            class=move || status.with(|s| StatusTone::for_status(s).class())
            data-status=move || status.get()
        >
            <span class="badge__dot" aria-hidden="true"></span>
            {move || status.with(|s| status_label(s))}
        </span>
    }
}
