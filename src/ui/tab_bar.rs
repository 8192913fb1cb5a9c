//! The bottom tab bar: the four areas, in reach of a thumb.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::icons;

#[component]
pub fn TabBar() -> impl IntoView {
    let location = use_location();
    let current = move |prefix: &'static str| {
        let path = location.pathname.get();
        if prefix == "/" {
            path == "/"
        } else {
            path.starts_with(prefix)
        }
    };
    let tab = move |href: &'static str, label: &'static str, icon: AnyView| {
        view! {
            <A href=href attr:class="tab" attr:aria-current=move || current(href).then_some("page")>
                {icon}
                <span>{label}</span>
            </A>
        }
    };
    view! {
        <nav class="tab-bar" aria-label="主要栏目">
            {tab("/", "首页", icons::home().into_any())}
            {tab("/meetings", "会议", icons::meetings().into_any())}
            {tab("/assess", "评议", icons::assess().into_any())}
            {tab("/mine", "我的", icons::mine().into_any())}
        </nav>
    }
}
