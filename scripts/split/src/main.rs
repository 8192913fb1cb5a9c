//! Splits the linked wasm into the main module, one file per split point
//! and the chunks they share, with the splitter's loader script, and writes
//! what the splitter decided as data beside them:
//!
//!     zhibu-split <linked.wasm> <out dir> <name>
//!
//! writes `<name>.wasm` (for wasm-bindgen), `split_*.wasm`, `chunk_*.wasm`,
//! `__wasm_split.js` and `split-manifest.json`:
//!
//!     { "main": "<name>.wasm", "loader": "__wasm_split.js",
//!       "splits": { "<split>": { "export": "__wasm_split_load_<split>",
//!                                "file": "split_<split>" | null,
//!                                "chunks": ["chunk_3", …] } } }
//!
//! `file` is null for a split point whose code all lives in chunks;
//! `chunks` are the files the split needs loaded first.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{json, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out, name] = args.as_slice() else {
        eprintln!("usage: zhibu-split <linked.wasm> <out dir> <name>");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(out), name) {
        Ok(count) => {
            println!("zhibu-split: {count} split points");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("zhibu-split: {error:?}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, out: &Path, name: &str) -> Result<usize, Box<dyn std::error::Error>> {
    let wasm = std::fs::read(input).map_err(|e| format!("reading {}: {e}", input.display()))?;
    let main_out = out.join(format!("{name}.wasm"));
    let main_module = format!("./{name}.js");
    let loader = "__wasm_split.js";
    let link_name = format!("./{loader}");
    let result = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = out;
        options.main_out_path = &main_out;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options.target.web();
        options
    })
    .map_err(|e| format!("{e:?}"))?;

    // The prefetch map lists, per split point, the chunks it needs and then
    // its own file (when it has code of its own).
    let mut splits = BTreeMap::new();
    for (split, files) in &result.prefetch_map {
        let own = format!("split_{split}");
        let file = files.iter().find(|f| **f == own).cloned();
        let chunks: Vec<&String> = files.iter().filter(|f| **f != own).collect();
        if let Some(stray) = chunks.iter().find(|f| !f.starts_with("chunk_")) {
            return Err(format!(
                "split {split} needs {stray}, which is neither a chunk nor its own file"
            )
            .into());
        }
        splits.insert(
            split.clone(),
            json!({
                // The name wasm_split_macros gives the loader it imports.
                "export": format!("__wasm_split_load_{split}"),
                "file": file,
                "chunks": chunks,
            }),
        );
    }
    let count = splits.len();
    let manifest: Value = json!({
        "main": format!("{name}.wasm"),
        "loader": loader,
        "splits": splits,
    });
    let text = serde_json::to_string_pretty(&manifest)?;
    std::fs::write(out.join("split-manifest.json"), text + "\n")?;
    Ok(count)
}
