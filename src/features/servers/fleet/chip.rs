//! On every page while a batch exists, in the corner: how far it has come, a way back to it,
//! and the one announcement per change of the batch's phase (never one per row, which would
//! flood a screen reader). Drawn with the fleet's chunk, which a batch has always loaded.

use super::batch::Counts;
use super::state::{use_fleet, FleetDialog, Phase};
use crate::format::count;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

#[component]
pub fn BatchChip() -> impl IntoView {
    let fleet = use_fleet();
    let phase = Memo::new(move |_| fleet.phase());
    let announcement = move || {
        let phase = phase.get()?;
        let counts = untrack(|| fleet.counts()).unwrap_or_default();
        Some(phase_text(phase, &counts))
    };
    let label = move || {
        let c = fleet.counts()?;
        Some(if phase.get() == Some(Phase::Interrupted) {
            format!(
                "{} {}",
                t(Key::FLEET_PHASE_INTERRUPTED),
                t(Key::FLEET_SHOW_BATCH)
            )
        } else {
            tf(
                Key::FLEET_CHIP,
                &[
                    ("over", &count(c.over() as u64)),
                    ("total", &count(c.total as u64)),
                ],
            )
        })
    };
    view! {
        <div class="batch-chip-corner">
            <p class="visually-hidden" role="status" id="fleet-status">{announcement}</p>
            {move || label().map(|label| view! {
                <button type="button" class="button batch-chip" data-phase=move || phase.get().map(phase_name) on:click=move |_| fleet.dialog.set(Some(FleetDialog::Batch))>
                    {label}
                </button>
            })}
        </div>
    }
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Running => "running",
        Phase::Paused => "paused",
        Phase::Interrupted => "interrupted",
        Phase::Cancelled => "cancelled",
        Phase::Finished => "finished",
    }
}

/// What is announced when the batch enters `phase`.
fn phase_text(phase: Phase, c: &Counts) -> String {
    let n = |n: usize| count(n as u64);
    match phase {
        Phase::Running => t(Key::FLEET_PHASE_RUNNING).to_owned(),
        Phase::Paused => t(Key::FLEET_PHASE_PAUSED).to_owned(),
        Phase::Interrupted => t(Key::FLEET_PHASE_INTERRUPTED).to_owned(),
        Phase::Cancelled => tf(
            Key::FLEET_PHASE_CANCELLED,
            &[
                ("done", &n(c.done + c.in_progress)),
                ("failed", &n(c.failed)),
                ("cancelled", &n(c.cancelled)),
            ],
        ),
        Phase::Finished => tf(
            Key::FLEET_PHASE_FINISHED,
            &[
                ("done", &n(c.done)),
                ("in_progress", &n(c.in_progress)),
                ("failed", &n(c.failed)),
                ("skipped", &n(c.skipped)),
            ],
        ),
    }
}
