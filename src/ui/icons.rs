//! Icons drawn inline, so nothing is fetched from anywhere.

use leptos::prelude::*;

fn icon(d: &'static str) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=d />
        </svg>
    }
}

pub fn home() -> impl IntoView {
    icon("M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10")
}

pub fn meetings() -> impl IntoView {
    icon("M7 3v3M17 3v3M4 8h16M5 5h14a1 1 0 011 1v13a1 1 0 01-1 1H5a1 1 0 01-1-1V6a1 1 0 011-1zM8 12h3M8 16h6")
}

pub fn assess() -> impl IntoView {
    icon("M9 4h6l1 2h3v15H5V6h3zM9 12l2 2 4-4")
}

pub fn mine() -> impl IntoView {
    icon("M12 12a4 4 0 100-8 4 4 0 000 8zM4 21a8 8 0 0116 0")
}

pub fn chevron() -> impl IntoView {
    icon("M9 6l6 6-6 6")
}
