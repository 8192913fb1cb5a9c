//! The layers run one way: domain ← format ← {backup, store} ← app ←
//! browser ← ui.
//! These tests read the source and fail when a file names something from a
//! layer above its own, or when the domain names a browser type or reads the
//! clock.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir),
        &mut out,
    );
    assert!(!out.is_empty(), "no sources under src/{dir}");
    out
}

/// Lines of `dir` that mention any of `names`, comments left out.
fn mentions(dir: &str, names: &[&str]) -> Vec<String> {
    sources(dir)
        .into_iter()
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| {
                    let code = line.split("//").next().unwrap_or_default();
                    names.iter().any(|n| code.contains(n))
                })
                .map(|(i, line)| format!("{}:{}: {}", path.display(), i + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The framework and browser crates: only the browser layer and the UI
/// name them.
const BROWSER_CRATES: [&str; 5] = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo"];

/// The layers above the app's core, as code names them.
const ABOVE_THE_CORE: [&str; 2] = ["crate::browser", "crate::ui"];

#[test]
fn the_domain_names_no_browser_or_framework_type() {
    let found = mentions("domain", &BROWSER_CRATES);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_domain_never_reads_the_clock() {
    let found = mentions(
        "domain",
        &["::now(", "SystemTime", "Instant::", "Local::", "Date::now"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_domain_uses_no_layer_above_it() {
    let found = mentions(
        "domain",
        &[&["crate::format"][..], &LAYERS_ABOVE_THE_FORMAT].concat(),
    );
    assert!(found.is_empty(), "{found:#?}");
}

/// backup and store side by side, then the core and the layers above it.
const LAYERS_ABOVE_THE_FORMAT: [&str; 5] = [
    "crate::backup",
    "crate::store",
    "crate::app",
    ABOVE_THE_CORE[0],
    ABOVE_THE_CORE[1],
];

#[test]
fn the_format_uses_only_the_domain() {
    let found = mentions("format", &LAYERS_ABOVE_THE_FORMAT);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn store_and_backup_use_neither_each_other_nor_the_browser_or_the_ui() {
    let mut found = Vec::new();
    for (layer, beside) in [("store", "crate::backup"), ("backup", "crate::store")] {
        let names = [
            &[beside, "crate::app"][..],
            &ABOVE_THE_CORE,
            &BROWSER_CRATES,
        ]
        .concat();
        found.extend(mentions(layer, &names));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_application_core_is_plain_rust_below_the_browser() {
    let found = mentions("app", &[&ABOVE_THE_CORE[..], &BROWSER_CRATES].concat());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_ui_never_drives_the_store_past_the_core() {
    // The screens use the core's use cases (through `AppState`), never
    // the session or a backend of their own.
    let found = mentions(
        "ui",
        &[
            "store::session",
            " Session::",
            "record_db::",
            "store::kv_db",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_browser_layer_knows_no_screen() {
    let found = mentions("browser", &["crate::ui", "leptos"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn nothing_writes_storage_but_the_store_and_its_browser_layer() {
    // localStorage and IndexedDB are touched in src/browser only; the UI
    // goes through persistence.
    let found = mentions(
        "ui",
        &[
            "local_storage()",
            "indexed_db(",
            "LocalStorage::",
            "set_item(",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}
