//! The panel's pages, one folder a feature. Features do not import each other; shared pieces
//! live in `components`, `format` and `api`.

pub mod activity;
pub mod servers;
pub mod sign_in;
pub mod snapshots;
