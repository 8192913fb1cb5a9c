//! 支部工作手册 (zhibu): a browser-only notebook for party branch members.
//!
//! `domain`, `format`, `backup`, `store` and `app` (the use cases) are
//! plain Rust and tested natively; the browser layer and the UI are
//! compiled for wasm32 only.

pub mod app;
pub mod backup;
pub mod domain;
pub mod format;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
