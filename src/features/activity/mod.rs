//! The Activity page: every write this tab made, from `crate::activity`.

mod page;

pub use page::ActivityPage;
