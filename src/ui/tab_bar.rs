//! The bottom tab bar: the four areas, in reach of a thumb.

use crate::ui::link::A;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::icons;

#[component]
pub fn TabBar() -> impl IntoView {
    let location = use_location();
    let base = crate::browser::base::app_base();
    let current = move |prefix: &'static str| {
        let full = location.pathname.get();
        let path = match full.strip_prefix(base.as_str()) {
            Some("") => "/",
            Some(rest) => rest,
            None => full.as_str(),
        };
        if prefix == "/" {
            path == "/"
        } else if prefix == "/meetings" {
            // Talks and the 融合 records are reached from the meetings page.
            ["/meetings", "/talks", "/fusion"]
                .iter()
                .any(|p| path.starts_with(p))
        } else {
            path.starts_with(prefix)
        }
    };
    let tab = move |href: &'static str, label: &'static str, icon: AnyView| {
        let current = current.clone();
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
