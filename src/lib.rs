//! Pohon Kinerja: a client-only editor for Indonesian performance trees.
//!
//! `core` is the pure Rust crate `pohon-core` (model, codecs, layout); `state`,
//! `web` and `ui` are the thin Leptos shell around it.

pub use pohon_core as core;
pub mod achievement;
pub mod autosave;
pub mod card_view;
pub mod chart;
pub mod commands;
pub mod i18n;
pub mod picture_export;
pub mod prefs;
pub mod presentation;
pub mod share;
pub mod state;
pub mod storage;
pub mod ui;
pub mod web;
pub mod worker;
