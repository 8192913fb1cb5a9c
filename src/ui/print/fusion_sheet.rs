//! The 融合 printouts: one view for every sheet `domain::fusion::sheets`
//! describes. Wide ledgers print on A4 landscape; a 承诺书 or a 回顾表 is one
//! page per member or group.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::paper::{FormRow, Paper};
use crate::domain::fusion::sheets::{pages, Page, SheetKind};
use crate::ui::state::use_app;

#[component]
pub fn FusionPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let (sheet, arg) = params.with(|p| {
            (
                p.get("sheet").unwrap_or_default(),
                p.get("arg").unwrap_or_default(),
            )
        });
        view! { <FusionSheetView sheet=sheet arg=arg /> }
    }
}

#[component]
fn FusionSheetView(sheet: String, arg: String) -> impl IntoView {
    let state = use_app();
    let Some(kind) = SheetKind::parse(&sheet, &arg) else {
        return view! { <p class="empty">"找不到这份材料。"</p> }.into_any();
    };
    let Some(list) = state.doc.with_untracked(|d| pages(d, &kind)) else {
        return view! { <p class="empty">"找不到这份材料，可能已被删除。"</p> }.into_any();
    };
    let wide = matches!(
        kind,
        SheetKind::Tasks(_) | SheetKind::Progress(..) | SheetKind::Groups(_) | SheetKind::Ledger(_)
    );
    let text = list
        .iter()
        .map(Page::as_text)
        .collect::<Vec<_>>()
        .join("\n\n");
    let title = kind.title();
    let text = format!("{title}\n{text}");
    let empty = list.is_empty();
    view! {
        <Paper
            title=title.into()
            back="/fusion".to_string()
            share_text=Signal::derive(move || text.clone())
        >
            <div class="fusion-sheet" class:wide=wide>
                {empty.then(|| view! { <p class="empty">"还没有可以打印的内容。"</p> })}
                {list
                    .into_iter()
                    .enumerate()
                    .map(|(i, page)| view! { <SheetPage page=page first=i == 0 /> })
                    .collect_view()}
            </div>
        </Paper>
    }
    .into_any()
}

/// Short columns keep to one line; text columns take the rest.
fn column_class(column: &str) -> &'static str {
    match column {
        "序号" | "月份" | "人数" => "num",
        "状态" | "自评" | "时限" => "col-state",
        "日期" => "col-date",
        "来源" | "责任主体" | "清单" | "类别" | "姓名" | "领学人" | "科室" => {
            "col-person"
        }
        _ => "",
    }
}

#[component]
fn SheetPage(page: Page, first: bool) -> impl IntoView {
    view! {
        <section class="sheet-page" class:next-page=!first>
            <p class="sheet-meta">{page.subtitle.clone()}</p>
            {(!page.fields.is_empty())
                .then(|| {
                    view! {
                        <table class="form-table">
                            <tbody>
                                {page
                                    .fields
                                    .iter()
                                    .map(|(k, v)| view! { <FormRow label=*k value=v.clone() /> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            {page
                .table
                .map(|t| {
                    view! {
                        <table class="grid-table ledger">
                            <thead>
                                <tr>
                                    {t
                                        .columns
                                        .iter()
                                        .map(|c| {
                                            view! {
                                                <th scope="col" class=column_class(c)>
                                                    {*c}
                                                </th>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {t
                                    .rows
                                    .into_iter()
                                    .map(|row| {
                                        view! {
                                            <tr>
                                                {row
                                                    .into_iter()
                                                    .zip(t.columns.iter())
                                                    .map(|(cell, col)| {
                                                        view! {
                                                            <td data-label=*col class=column_class(col)>
                                                                {cell}
                                                            </td>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            {page
                .blocks
                .into_iter()
                .map(|(heading, body)| {
                    view! {
                        <section class="paper-section">
                            <h2>{heading}</h2>
                            <div class="prose">
                                {body
                                    .lines()
                                    .filter(|l| !l.trim().is_empty())
                                    .map(|l| view! { <p>{l.to_string()}</p> })
                                    .collect_view()}
                            </div>
                        </section>
                    }
                })
                .collect_view()}
            {(!page.signatures.is_empty())
                .then(|| {
                    view! {
                        <div class="signatures">
                            {page
                                .signatures
                                .iter()
                                .map(|s| {
                                    view! {
                                        <p>{format!("{s}：")} <span class="sign-line"></span></p>
                                    }
                                })
                                .collect_view()}
                            <p>"日期：" <span class="sign-line short"></span></p>
                        </div>
                    }
                })}
        </section>
    }
}
