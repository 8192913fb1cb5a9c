//! The sticky banner that says when data is not being saved, and what to do.

use leptos::prelude::*;

use super::backup::ExportButtons;
use super::state::{use_app, SaveStatus};

#[component]
pub fn SaveBanner() -> impl IntoView {
    let state = use_app();
    move || {
        let (class, text, _) = match state.save.get() {
            SaveStatus::Saved => return None,
            SaveStatus::Failed(why) => (
                "banner warn",
                format!("未保存：{why}。修改暂存在本页，下次修改时会再试；请先导出备份。"),
                false,
            ),
            SaveStatus::MemoryOnly(why) => (
                "banner warn",
                format!("数据没有保存：{why}。关闭页面后本次填写的内容会丢失，请用导出备份保存。"),
                false,
            ),
            SaveStatus::Conflict => (
                "banner warn",
                "另一个页面反复修改了同样的记录，本页最近的修改还没有保存，下次修改时会再试。"
                    .to_string(),
                false,
            ),
            SaveStatus::ReadOnly(why) => ("banner warn", why, false),
        };
        Some(view! {
            <div class=class role="alert">
                <p>{text}</p>
                <div class="banner-actions">{Suspend::new(export_button())}</div>
            </div>
        })
    }
}

/// The banner's export button. In the split build its code (writing a
/// backup) arrives when the banner first shows, which is rare.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn export_button() -> AnyView {
    view! { <ExportButtons compact=true /> }.into_any()
}
