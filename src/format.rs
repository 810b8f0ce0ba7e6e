//! Pure formatting for display: sizes, plans, timestamps.

use crate::api::models::Plan;

/// "1,005": digits grouped in threes, as counts of items are shown.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "5.0 GB" from megabytes; binary units, one decimal from a gigabyte up.
pub fn megabytes(mb: u64) -> String {
    if mb >= 1024 * 1024 {
        format!("{} TB", tenths(mb, 1024 * 1024))
    } else if mb >= 1024 {
        format!("{} GB", tenths(mb, 1024))
    } else {
        format!("{mb} MB")
    }
}

/// Memory is given in MB: "4 GB", "512 MB", "1.5 GB".
pub fn memory(mb: u64) -> String {
    if mb >= 1024 && mb.is_multiple_of(1024) {
        format!("{} GB", mb / 1024)
    } else if mb >= 1024 {
        format!("{} GB", tenths(mb, 1024))
    } else {
        format!("{mb} MB")
    }
}

/// `value / unit` rounded to one decimal, in integers: float formatting would add kilobytes
/// of code to the bundle for this one use.
fn tenths(value: u64, unit: u64) -> String {
    let scaled = (value * 10 + unit / 2) / unit;
    format!("{}.{}", scaled / 10, scaled % 10)
}

/// Storage is given in GB: "80 GB", "2 TB".
pub fn storage(gb: u64) -> String {
    if gb >= 1024 && gb.is_multiple_of(1024) {
        format!("{} TB", gb / 1024)
    } else {
        format!("{gb} GB")
    }
}

/// "2 vCPU · 4 GB RAM · 80 GB disk".
pub fn plan_resources(plan: &Plan) -> String {
    let cpus = if plan.vcpus == 1 { "vCPU" } else { "vCPUs" };
    format!(
        "{} {cpus} · {} RAM · {} disk",
        plan.vcpus,
        memory(plan.memory),
        storage(plan.storage)
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

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days since 1970-01-01 to (year, month, day).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// "15 Jan 2025, 18:30 UTC": the exact time, unambiguous for operators in any zone.
pub fn exact_time(unix_seconds: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let rest = unix_seconds.rem_euclid(86_400);
    format!(
        "{day} {} {year}, {:02}:{:02} UTC",
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest % 3600 / 60
    )
}

/// "just now", "5 minutes ago", "3 days ago", "in 2 hours" (clock skew), etc.
pub fn relative_time(then: i64, now: i64) -> String {
    let delta = now - then;
    let future = delta < 0;
    let seconds = delta.abs();
    if seconds < 45 {
        return "just now".to_owned();
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
    let plural = if count == 1 { "" } else { "s" };
    if future {
        format!("in {count} {unit}{plural}")
    } else {
        format!("{count} {unit}{plural} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_threes() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_005), "1,005");
        assert_eq!(count(12_345_678), "12,345,678");
    }

    #[test]
    fn sizes_use_the_largest_whole_unit() {
        assert_eq!(megabytes(512), "512 MB");
        assert_eq!(megabytes(5120), "5.0 GB");
        assert_eq!(megabytes(4856), "4.7 GB");
        assert_eq!(megabytes(3 * 1024 * 1024), "3.0 TB");
    }

    #[test]
    fn the_documented_plan_reads_as_human_units() {
        let plan = Plan {
            id: 1,
            name: "Standard VPS".into(),
            vcpus: 2,
            memory: 4096,
            storage: 80,
        };
        assert_eq!(plan_resources(&plan), "2 vCPUs · 4 GB RAM · 80 GB disk");
        assert_eq!(memory(1536), "1.5 GB");
        assert_eq!(memory(512), "512 MB");
        assert_eq!(storage(2048), "2 TB");
    }

    #[test]
    fn documented_timestamps_parse_and_print_exactly() {
        let at = parse_timestamp("2025-01-15T18:30:00Z").expect("documented format");
        assert_eq!(at, 1_736_965_800);
        assert_eq!(exact_time(at), "15 Jan 2025, 18:30 UTC");
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
                proptest::prop_assert!(!exact_time(at).is_empty());
                proptest::prop_assert!(!relative_time(at, 1_736_965_800).is_empty());
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
        assert_eq!(relative_time(now - 10, now), "just now");
        assert_eq!(relative_time(now - 60, now), "1 minute ago");
        assert_eq!(relative_time(now - 5 * 3600, now), "5 hours ago");
        assert_eq!(relative_time(now - 7 * 86_400, now), "7 days ago");
        assert_eq!(relative_time(now - 400 * 86_400, now), "1 year ago");
        assert_eq!(relative_time(now + 7200, now), "in 2 hours");
    }
}
