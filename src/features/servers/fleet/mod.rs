//! Fleet work on the servers list: a selection that outlives filters and pages, a snapshot of
//! every selected server in one batch, a prune of their old snapshots, and the queue that runs
//! either at the API's pace. `state` lives for the whole session (a batch keeps running while
//! the user moves around the panel); the selection bar comes with the servers page; the dialogs,
//! the batch's button and the queue come as a chunk when a dialog first opens.

pub mod batch;
mod batch_dialog;
mod chip;
mod dialogs;
pub mod plan;
mod prune_dialog;
pub mod queue;
mod selection_bar;
mod snapshot_dialog;
pub mod state;
mod table;
#[cfg(test)]
mod test_support;
mod typed_count;

pub use dialogs::FleetDialogs;
pub use selection_bar::SelectionBar;
pub use state::{use_fleet, Fleet, FleetDialog, Phase};
