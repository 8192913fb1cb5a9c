//! The thin layer over browser APIs. Nothing here knows the domain; every
//! call that the browser may refuse returns a `Result` instead of panicking.

pub mod clock;
pub mod dialog;
pub mod files;
pub mod local_storage;
pub mod offline;
pub mod page_events;
pub mod panic_notice;
