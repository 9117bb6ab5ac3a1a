//! The five real documents from `shared/seeds`, converted by hand into v1 files
//! under `public/examples/`: each must open, round-trip exactly, and hold what
//! its source shows. One module per seed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "examples/common.rs"]
mod common;
#[path = "examples/seed_000.rs"]
mod seed_000;
#[path = "examples/seed_001.rs"]
mod seed_001;
#[path = "examples/seed_002.rs"]
mod seed_002;
#[path = "examples/seed_003.rs"]
mod seed_003;
#[path = "examples/seed_004.rs"]
mod seed_004;
