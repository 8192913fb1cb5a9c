//! The thin layer over browser APIs. Nothing here knows the screens; every
//! call that the browser may refuse returns a `Result` instead of panicking.
//! `persistence` runs the store's session over IndexedDB (`record_db`),
//! localStorage (`local_storage`) and the messages between pages (`tabs`).

pub mod base;
pub mod clock;
pub mod committee_db;
pub mod dialog;
pub mod files;
pub mod focus;
pub mod in_app;
pub mod local_storage;
pub mod offline;
pub mod page_events;
pub mod panic_notice;
pub mod paper_image;
pub mod persistence;
pub mod record_db;
pub mod scroll;
pub mod splash;
pub mod tabs;
pub mod transfer;
