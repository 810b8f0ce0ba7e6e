//! Fleet work on the servers list: a selection that outlives filters and pages, a snapshot of
//! every selected server in one batch, a prune of their old snapshots, and the queue that runs
//! either at the API's pace. `state` lives for the whole session (a batch keeps running while
//! the user moves around the panel); the dialogs and the queue come as a page chunk.

pub mod model;
