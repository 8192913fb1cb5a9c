//! Links inside the app, wherever it is hosted: the router's `<A>` with the
//! app's folder in front of an absolute address.

use leptos::prelude::*;

use crate::browser::base::at;

#[component]
pub fn A(#[prop(into)] href: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <leptos_router::components::A href=move || at(
            &href.get(),
        )>{children()}</leptos_router::components::A>
    }
}
