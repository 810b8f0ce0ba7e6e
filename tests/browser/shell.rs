use crate::support::{mount, tick};
use leptos::prelude::*;
use vps_panel::app::Shell;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_shell_has_a_banner_with_the_product_name_and_one_main_region() {
    let (container, _handle) = mount(|| view! { <Shell><p>"page body"</p></Shell> });
    tick().await;
    let banner = container
        .query_selector("header")
        .ok()
        .flatten()
        .expect("header");
    assert_eq!(
        banner.text_content().as_deref().map(str::trim),
        Some("VPS Panel")
    );
    let main = container
        .query_selector("main")
        .ok()
        .flatten()
        .expect("main");
    assert!(main
        .text_content()
        .unwrap_or_default()
        .contains("page body"));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_403_on_a_read_says_the_token_may_not_see_the_page() {
    use std::collections::BTreeMap;
    use vps_panel::api::ApiError;
    use vps_panel::components::ErrorPanel;
    use vps_panel::i18n::Key;
    let forbidden = ApiError::Http {
        status: 403,
        message: "You do not have permission to perform this action.".into(),
        field_errors: BTreeMap::new(),
    };
    let (container, _handle) = mount(move || {
        view! { <ErrorPanel title=Key::SERVERS_LOAD_FAILED error=forbidden on_retry=Callback::new(|()| ())/> }
    });
    tick().await;
    let text = container.text_content().unwrap_or_default();
    assert!(
        text.contains("You do not have permission to perform this action."),
        "{text}"
    );
    assert!(text.contains("This token may not see this page."), "{text}");
    // Any other failure has no such line.
    let (other, _other_handle) = mount(|| {
        view! { <ErrorPanel title=Key::SERVERS_LOAD_FAILED error=ApiError::Timeout(20) on_retry=Callback::new(|()| ())/> }
    });
    tick().await;
    assert!(!other
        .text_content()
        .unwrap_or_default()
        .contains("may not see"));
}
