//! Shared, feature-agnostic view pieces.
