//! Shared, feature-agnostic view pieces.

mod error_panel;
mod loading;
mod page_title;
mod status_badge;

pub use error_panel::ErrorPanel;
pub use loading::Loading;
pub use page_title::use_page_title;
pub use status_badge::{status_label, StatusBadge, StatusTone};
