//! Restoring a server from a snapshot, in one place: the pure steps of a restore with a
//! safety snapshot first (`steps`), the task that runs them (`run`) and the dialog (`dialog`).

mod dialog;
mod run;
mod steps;

pub use dialog::RestoreDialog;
pub use run::SafeRestore;
