//! Formatting for display: counts, sizes, plans, timestamps. The choices (which unit, how to
//! round) are pure and tested natively; the digits, month names and words come from the
//! browser's `Intl` in the chosen language (`crate::i18n::intl`).

use crate::api::models::Plan;
use crate::i18n::{intl, language, t, tn, Key};
use vps_calendar::days_from_civil;

/// "1,005" / "১,০০৫": a count of items in the chosen language.
pub fn count(n: u64) -> String {
    intl::number(language(), n)
}

/// An amount to show: whole, or in tenths (47 is "4.7").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    Whole(u64),
    Tenths(u64),
}

impl Amount {
    fn show(self) -> String {
        match self {
            Amount::Whole(n) => count(n),
            Amount::Tenths(n) => intl::tenths(language(), n),
        }
    }
}

/// Unit symbols stay as they are in every language (as the Bengali docs write them).
fn with_unit((amount, unit): (Amount, &str)) -> String {
    format!("{} {unit}", amount.show())
}

/// Megabytes in the largest binary unit, one decimal from a gigabyte up: "5.0 GB".
pub fn megabytes_parts(mb: u64) -> (Amount, &'static str) {
    if mb >= 1024 * 1024 {
        (Amount::Tenths(tenths(mb, 1024 * 1024)), "TB")
    } else if mb >= 1024 {
        (Amount::Tenths(tenths(mb, 1024)), "GB")
    } else {
        (Amount::Whole(mb), "MB")
    }
}

pub fn megabytes(mb: u64) -> String {
    with_unit(megabytes_parts(mb))
}

/// Memory is given in MB: "4 GB", "512 MB", "1.5 GB".
pub fn memory_parts(mb: u64) -> (Amount, &'static str) {
    if mb >= 1024 && mb.is_multiple_of(1024) {
        (Amount::Whole(mb / 1024), "GB")
    } else if mb >= 1024 {
        (Amount::Tenths(tenths(mb, 1024)), "GB")
    } else {
        (Amount::Whole(mb), "MB")
    }
}

/// `value / unit` in tenths, rounded: integers, not floats, until `Intl` prints it.
fn tenths(value: u64, unit: u64) -> u64 {
    (value * 10 + unit / 2) / unit
}

/// Storage is given in GB: "80 GB", "2 TB".
pub fn storage_parts(gb: u64) -> (Amount, &'static str) {
    if gb >= 1024 && gb.is_multiple_of(1024) {
        (Amount::Whole(gb / 1024), "TB")
    } else {
        (Amount::Whole(gb), "GB")
    }
}

/// "2 vCPUs · 4 GB RAM · 80 GB disk".
pub fn plan_resources(plan: &Plan) -> String {
    tn(
        Key::PLAN_RESOURCES,
        u64::from(plan.vcpus),
        &[
            ("memory", &with_unit(memory_parts(plan.memory))),
            ("storage", &with_unit(storage_parts(plan.storage))),
        ],
    )
}

/// Seconds since the Unix epoch from `2025-01-15T18:30:00Z` (or with a fraction, an offset, or
/// a bare date as account/me sends). `None` for anything else.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some()
        || !(1..=9999).contains(&year)
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    if let Some(time) = time {
        let (clock, offset) = split_offset(time)?;
        let clock = clock.split('.').next()?;
        let mut fields = clock.split(':');
        let hour: i64 = fields.next()?.parse().ok()?;
        let minute: i64 = fields.next()?.parse().ok()?;
        let second: i64 = fields.next().map_or(Some(0), |s| s.parse().ok())?;
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        seconds += hour * 3600 + minute * 60 + second - offset;
    }
    Some(seconds)
}

/// Splits `18:30:00+02:00` into the clock and the offset in seconds (`Z` or none is UTC).
fn split_offset(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some((clock, 0));
    }
    match time.rfind(['+', '-']) {
        Some(at) => {
            let (clock, offset) = time.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset[1..].split_once(':').unwrap_or((&offset[1..], "0"));
            let h: i64 = h.parse().ok()?;
            let m: i64 = m.parse().ok()?;
            Some((clock, sign * (h * 3600 + m * 60)))
        }
        None => Some((time, 0)),
    }
}

/// "15 Jan 2025, 18:30 UTC": the exact time, unambiguous for operators in any zone.
pub fn exact_time(unix_seconds: i64) -> String {
    intl::date_time(language(), unix_seconds)
}

/// How long ago `then` was, rounded to the nearest sensible unit: `None` for "just now", else
/// the signed amount (negative in the past, positive for clock skew) and the `Intl` unit.
pub fn relative_parts(then: i64, now: i64) -> Option<(i64, &'static str)> {
    let delta = now - then;
    let seconds = delta.abs();
    if seconds < 45 {
        return None;
    }
    let (count, unit) = if seconds < 3600 {
        ((seconds + 30) / 60, "minute")
    } else if seconds < 86_400 {
        ((seconds + 1800) / 3600, "hour")
    } else if seconds < 30 * 86_400 {
        ((seconds + 43_200) / 86_400, "day")
    } else if seconds < 365 * 86_400 {
        (seconds / (30 * 86_400), "month")
    } else {
        (seconds / (365 * 86_400), "year")
    };
    Some((if delta < 0 { count } else { -count }, unit))
}

/// "just now", "5 minutes ago", "in 2 hours" (clock skew), in the chosen language.
pub fn relative_time(then: i64, now: i64) -> String {
    match relative_parts(then, now) {
        None => t(Key::TIME_JUST_NOW).to_owned(),
        Some((value, unit)) => intl::relative(language(), value, unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use Amount::{Tenths, Whole};

    #[test]
    fn sizes_use_the_largest_whole_unit() {
        assert_eq!(megabytes_parts(512), (Whole(512), "MB"));
        assert_eq!(megabytes_parts(5120), (Tenths(50), "GB"));
        assert_eq!(megabytes_parts(4856), (Tenths(47), "GB"));
        assert_eq!(megabytes_parts(3 * 1024 * 1024), (Tenths(30), "TB"));
    }

    #[test]
    fn the_documented_plan_reads_as_human_units() {
        assert_eq!(memory_parts(4096), (Whole(4), "GB"));
        assert_eq!(memory_parts(1536), (Tenths(15), "GB"));
        assert_eq!(memory_parts(512), (Whole(512), "MB"));
        assert_eq!(storage_parts(80), (Whole(80), "GB"));
        assert_eq!(storage_parts(2048), (Whole(2), "TB"));
    }

    #[test]
    fn documented_timestamps_parse_and_print_exactly() {
        let at = parse_timestamp("2025-01-15T18:30:00Z").expect("documented format");
        assert_eq!(at, 1_736_965_800);
        assert_eq!(parse_timestamp("2025-01-15T18:30:00.123456Z"), Some(at));
        assert_eq!(parse_timestamp("2025-01-15T20:30:00+02:00"), Some(at));
        assert_eq!(parse_timestamp("2024-06-15"), Some(1_718_409_600));
    }

    #[test]
    fn garbage_timestamps_are_none_not_a_panic() {
        for text in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-01-15T25:00:00Z",
            "2025-01",
            "T",
            "2025-01-15T18:30:00+xx",
        ] {
            assert_eq!(parse_timestamp(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_is_none_without_panicking(text in ".{0,40}") {
            if let Some(at) = parse_timestamp(&text) {
                let _ = vps_calendar::civil_from_days(at.div_euclid(86_400));
                let _ = relative_parts(at, 1_736_965_800);
            }
        }

        #[test]
        fn timestamp_like_text_never_panics(text in "[0-9]{1,20}-[0-9]{1,3}-[0-9]{1,3}T[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?(Z|[+-][0-9]{1,3}:[0-9]{1,3})?") {
            let _ = parse_timestamp(&text);
        }
    }

    #[test]
    fn relative_times_round_to_the_nearest_unit() {
        let now = 1_736_965_800;
        assert_eq!(relative_parts(now - 10, now), None);
        assert_eq!(relative_parts(now - 60, now), Some((-1, "minute")));
        assert_eq!(relative_parts(now - 5 * 3600, now), Some((-5, "hour")));
        assert_eq!(relative_parts(now - 7 * 86_400, now), Some((-7, "day")));
        assert_eq!(relative_parts(now - 400 * 86_400, now), Some((-1, "year")));
        assert_eq!(relative_parts(now + 7200, now), Some((2, "hour")));
    }
}
