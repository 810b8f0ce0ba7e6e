use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const FOCUSABLE: &str = "input:not([disabled]), textarea:not([disabled]), select:not([disabled]), \
                         button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// A modal dialog: `role="dialog"`, `aria-modal`, titled by its heading. Focus moves to the
/// element marked `data-autofocus` (else the first focusable one), Tab stays inside, Escape
/// closes it, and on close focus returns to whatever had it before (the opening button).
#[component]
pub fn Dialog(
    /// The dialog's heading, which also names it for assistive technology.
    #[prop(into)]
    title: Signal<String>,
    /// Closes the dialog (Escape, the backdrop, a Cancel button).
    on_close: Callback<()>,
    /// The dialog's content.
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    let title_id = format!("dialog-title-{}", next_dialog_number());
    let labelled_by = title_id.clone();
    let opener = SendWrapper::new(active_element());
    on_cleanup(move || restore_focus(opener.take()));

    // Runs once the dialog is in the document.
    Effect::new(move |_| {
        if let Some(dialog) = dialog_ref.get() {
            let target = dialog
                .query_selector("[data-autofocus]")
                .ok()
                .flatten()
                .or_else(|| focusables(&dialog).into_iter().next().map(Into::into));
            if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                let _ = target.focus();
            }
        }
    });

    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_close.run(());
        }
        "Tab" => {
            if let Some(dialog) = dialog_ref.get_untracked() {
                keep_tab_inside(&dialog, &ev);
            }
        }
        _ => {}
    };

    view! {
        <div class="modal-backdrop" on:click=move |ev| {
            // Only a click on the backdrop itself, not one that bubbled from the dialog.
            if ev.target() == ev.current_target() {
                on_close.run(());
            }
        }>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=dialog_ref
                on:keydown=on_keydown
            >
                <h2 class="modal__title" id=title_id>{title}</h2>
                {children()}
            </div>
        </div>
    }
}

/// Moves focus to the element with `id` once it is drawn: for content that arrives inside an
/// open dialog after it opened (its first focus went to what was there then).
pub fn focus_when_drawn(id: &'static str) {
    Effect::new(move |_| {
        if let Some(target) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = target.focus();
        }
    });
}

fn next_dialog_number() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn active_element() -> Option<HtmlElement> {
    document()
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Back to the opener; if it has gone (its row was deleted), to the main region.
fn restore_focus(opener: Option<HtmlElement>) {
    let target = opener.filter(|e| e.is_connected()).or_else(|| {
        document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    });
    if let Some(target) = target {
        let _ = target.focus();
    }
}

fn focusables(dialog: &web_sys::HtmlDivElement) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Tab from the last element goes to the first, Shift+Tab from the first to the last.
fn keep_tab_inside(dialog: &web_sys::HtmlDivElement, ev: &KeyboardEvent) {
    let items = focusables(dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = active_element();
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.as_ref())));
    if ev.shift_key() && (!inside || active.as_ref() == Some(first)) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (!inside || active.as_ref() == Some(last)) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
