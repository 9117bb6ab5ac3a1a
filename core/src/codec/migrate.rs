//! Upgrades of older file versions, one numbered step at a time.
//!
//! A step `v{n}_to_v{n+1}` rewrites the JSON of a version-n document into
//! version n+1. Steps are contiguous from 1 to [`super::VERSION`] (a test
//! enforces it), so a file of any older version upgrades by running the steps
//! from its version on. Only version 1 exists so far.

use serde_json::Value;

pub struct Migration {
    /// The version this step reads; it writes `from + 1`.
    pub from: u32,
    pub up: fn(&mut Value) -> Result<(), String>,
}

pub const MIGRATIONS: &[Migration] = &[];

/// Runs every step from `version` to the current one on the `document` value.
pub fn migrate(version: u32, document: &mut Value) -> Result<(), MigrationError> {
    for step in MIGRATIONS.iter().filter(|m| m.from >= version) {
        (step.up)(document).map_err(|message| MigrationError { from: step.from, message })?;
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("upgrading from version {from} failed: {message}")]
pub struct MigrationError {
    pub from: u32,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_and_contiguous() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from, i as u32 + 1, "step {i} must read version {}", i + 1);
        }
        assert_eq!(MIGRATIONS.len() as u32 + 1, super::super::VERSION, "the last step must reach VERSION");
    }
}
