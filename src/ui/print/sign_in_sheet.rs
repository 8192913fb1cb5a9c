//! 签到表 for a planned meeting, pre-filled with the members due.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::paper::Paper;
use crate::domain::record_sheet::{sign_in_rows, when};
use crate::ui::state::use_app;

/// Follows the address and the stored data: another id in the address,
/// or another page's edit, draws the view again.
#[component]
pub fn SignInSheetPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        view! { <SignInSheetView id=id /> }
    }
}

#[component]
fn SignInSheetView(id: String) -> impl IntoView {
    let state = use_app();
    let found = state.doc.with_untracked(|d| {
        d.meeting(&id).map(|m| {
            (
                m.kind.label().to_string(),
                m.theme.clone(),
                when(m),
                m.place.clone(),
                sign_in_rows(d, m),
            )
        })
    });
    let Some((kind, theme, time, place, rows)) = found else {
        return view! { <p class="empty">"找不到这次会议。"</p> }.into_any();
    };
    let text = format!(
        "{kind}签到表\n{theme}\n{time} {place}\n应到 {} 人",
        rows.len()
    );
    let title = format!("{kind}签到表");
    view! {
        <Paper
            whole_page=true
            title=title
            back=format!("/meetings/{id}")
            share_text=Signal::derive(move || text.clone())
        >
            <p class="sheet-meta">{format!("主题：{theme}")}</p>
            <p class="sheet-meta">{format!("时间：{time}　　地点：{place}")}</p>
            <p class="sheet-meta">{format!("应到 {} 人　　实到＿＿人", rows.len())}</p>
            <table class="grid-table sign-in">
                <thead>
                    <tr>
                        <th class="num">"序号"</th>
                        <th>"姓名"</th>
                        <th>"党小组"</th>
                        <th class="sign">"签名"</th>
                        <th>"备注"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(i, r)| {
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td>{r.name}</td>
                                    <td>{r.group}</td>
                                    <td class="sign"></td>
                                    <td>{r.note}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Paper>
    }
    .into_any()
}
