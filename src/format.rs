//! Pure formatting for display: sizes, memory, relative times.

/// "5.0 GB" from megabytes; binary units, one decimal above a gigabyte.
pub fn megabytes(mb: u64) -> String {
    if mb >= 1024 * 1024 {
        format!("{:.1} TB", mb as f64 / (1024.0 * 1024.0))
    } else if mb >= 1024 {
        format!("{:.1} GB", mb as f64 / 1024.0)
    } else {
        format!("{mb} MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_the_largest_whole_unit() {
        assert_eq!(megabytes(512), "512 MB");
        assert_eq!(megabytes(5120), "5.0 GB");
        assert_eq!(megabytes(4856), "4.7 GB");
        assert_eq!(megabytes(3 * 1024 * 1024), "3.0 TB");
    }
}
