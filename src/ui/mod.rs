//! The user interface: small components named after what the user sees.

pub mod app;
pub mod assess;
pub mod backup;
pub mod branch_settings;
pub mod committee;
pub mod development;
pub mod draft_text;
pub mod dues;
pub mod file_offer;
pub mod first_run;
pub mod fusion;
pub mod handles;
pub mod handover;
pub mod home;
pub mod icons;
pub mod job;
pub mod join;
pub mod link;
pub mod meetings;
pub mod mine;
pub mod page_loading;
mod pages;
pub mod paging;
pub mod person_picker;
pub mod print;
pub mod recovery;
pub mod result_note;
pub mod roster;
pub mod save_banner;
pub mod setup;
pub mod state;
pub mod tab_bar;
pub mod talks;
pub mod templates_page;
pub mod toast;
pub mod widgets;
pub mod year;

/// Mounts the app on the page.
pub fn start() {
    crate::browser::panic_notice::install();
    crate::browser::splash::remove();
    leptos::mount::mount_to_body(app::App);
}
