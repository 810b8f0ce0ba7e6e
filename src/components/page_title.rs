use leptos::prelude::*;

/// Product name shown in the header and the document title.
pub const PRODUCT_NAME: &str = "VPS Panel";

/// Sets `document.title` to "<page> · VPS Panel" while the calling page is shown.
pub fn use_page_title(page: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{} · {PRODUCT_NAME}", page()));
        }
    });
}
