//! The core stays plain Rust so all of it runs under native `cargo test`: no
//! web crate among its normal dependencies (dev-dependencies may hold the
//! wasm benchmark's).
#![cfg(not(target_arch = "wasm32"))]

const WEB: [&str; 6] = ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo", "wasm-bindgen-futures"];

/// Names in the manifest's `[dependencies]` table.
fn dependencies(manifest: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            names.extend(line.split('=').next().map(str::trim));
        }
    }
    names
}

#[test]
fn core_depends_on_no_web_crate() {
    let manifest = include_str!("../Cargo.toml");
    let deps = dependencies(manifest);
    assert!(deps.contains(&"serde"), "read no dependencies from {manifest}");
    for dep in deps {
        assert!(!WEB.iter().any(|web| dep.starts_with(web)), "the core depends on {dep}");
    }
}

#[test]
fn dependencies_are_read_from_their_table_only() {
    let deps = dependencies(
        "[package]\nname = \"x\"\n[dependencies]\n# c\nserde = \"1\"\n\n[dev-dependencies]\nleptos = \"0.8\"\n",
    );
    assert_eq!(deps, ["serde"]);
}
