//! Writes the API refused this token (403): their buttons stay in place, disabled, and one
//! notice says why in the API's words, for the rest of the session.

use crate::i18n::{tf, Key};
use crate::session::{use_session, Session, Write};
use leptos::prelude::*;

/// The notice's id: disabled write buttons point at it with `aria-describedby`.
pub const REFUSED_NOTICE_ID: &str = "refused-writes";

/// "This token may not delete snapshots. The API said: …" (tracked); `None` while allowed.
pub fn refused_text(session: Session, write: Write) -> Option<String> {
    let said = session.refusal(write)?;
    let key = match write {
        Write::Create => Key::REFUSED_CREATE,
        Write::Restore => Key::REFUSED_RESTORE,
        Write::Delete => Key::REFUSED_DELETE,
    };
    Some(tf(key, &[("said", &said)]))
}

/// Whether the API refused this token `write` (tracked).
pub fn is_refused(session: Session, write: Write) -> bool {
    session.refusal(write).is_some()
}

/// Every refused kind of write, one line each; nothing while all are allowed.
#[component]
pub fn RefusedWrites() -> impl IntoView {
    let session = use_session();
    let lines = move || {
        [Write::Create, Write::Restore, Write::Delete]
            .into_iter()
            .filter_map(|write| refused_text(session, write))
            .collect::<Vec<_>>()
    };
    move || {
        let lines = lines();
        (!lines.is_empty()).then(|| {
            view! {
                <div id=REFUSED_NOTICE_ID class="notice notice--warn" role="status">
                    {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
            }
        })
    }
}
