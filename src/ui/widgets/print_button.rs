//! The button that opens a printout.

use leptos::prelude::*;

use crate::ui::link::A;

/// A button that opens the print preview of one printout ("打印会议记录"),
/// from where it is printed, saved as a Word file or as a picture.
#[component]
pub fn PrintButton(
    /// The printout's address under `/print/`.
    #[prop(into)]
    href: String,
    /// What the button says ("打印会议记录").
    label: &'static str,
    /// The page's main action: drawn filled.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    view! {
        <A href=href attr:class=if primary { "button primary" } else { "button" }>
            {label}
        </A>
    }
}
