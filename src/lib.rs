//! Pohon Kinerja: a client-only editor for Indonesian performance trees.
//!
//! `core` is pure Rust (model, codecs, layout); `state`, `web` and `ui` are the
//! thin Leptos shell around it.

pub mod core;
pub mod i18n;
pub mod state;
pub mod ui;
pub mod web;
