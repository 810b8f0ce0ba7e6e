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
