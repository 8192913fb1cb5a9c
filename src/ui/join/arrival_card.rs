//! What arrived, in one sentence, with one button to take it.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::arrival::arrival;
use crate::backup::import::Staged;
use crate::store::merge::Choice;
use crate::ui::backup::reading::ProblemSection;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::ErrorLine;

#[component]
pub fn ArrivalCard(
    staged: Rc<Staged>,
    /// The store is open and the code that takes the package is here.
    #[prop(into)]
    can_take: Signal<bool>,
    /// Taken; whether the member is asked who they are next.
    #[prop(into)]
    on_taken: Callback<bool>,
    #[prop(into)] on_later: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let arrival = arrival(&staged);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let skipped = staged.skipped;
    let problems = staged.problems.clone();
    let mended = staged.mended.clone();
    let take = move |_| {
        busy.set(true);
        let asks_who = arrival.asks_who;
        let staged = staged.clone();
        spawn_local(async move {
            match take_package(state, staged).await {
                Ok(()) => on_taken.run(asks_who),
                Err(why) => {
                    busy.try_set(false);
                    failed.try_set(Some(why));
                }
            }
        });
    };
    view! {
        <div class="arrival" data-testid="arrival">
            <div class="seal" aria-hidden="true">
                "支"
            </div>
            <p class="lead" data-testid="arrival-headline">
                {arrival.headline}
            </p>
            <ProblemSection
                class="hint"
                says=format!(
                    "其中 {skipped} 项无法读取，将跳过；其余内容照常导入：",
                )
                problems=problems
            />
            <ProblemSection
                class="hint"
                says="以下数字无法读取，所在的记录照常导入，只少这个数字："
                problems=mended
            />
            <ErrorLine message=failed />
            {move || {
                (!can_take.get())
                    .then(|| {
                        view! {
                            <p class="hint" role="status" data-testid="store-opening">
                                "正在打开本机存储，稍等即可导入…"
                            </p>
                        }
                    })
            }}
            <button
                class="button primary"
                type="button"
                disabled=move || busy.get() || !can_take.get()
                on:click=take
            >
                {arrival.take}
            </button>
            <p class="muted small">
                "数据只保存在这台手机的浏览器里，不会上传到任何服务器。"
            </p>
            <button class="link-button" type="button" on:click=move |_| on_later.run(())>
                "先随便看看"
            </button>
        </div>
    }
}

/// Takes the package into the store; what went wrong, in words, if it was
/// not taken. In the split build its code (planning and merging an import)
/// is a file of its own (`taking`, scripts/code-paths.mjs), fetched behind
/// the review beside the store's (`prefetch_take_package`, `JoinPage`):
/// the review does not wait for it, and the button waits for both.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn take_package(state: AppState, staged: Rc<Staged>) -> Result<(), String> {
    let Some(review) = state.plan_import(&staged) else {
        return Err("本机存储还没有打开，请稍后再点一次。".into());
    };
    // A phone with no data has nothing to weigh against the package.
    match state
        .merge_import(&review, |_, _| Choice::Incoming, "导入前的数据")
        .await
    {
        Ok(_) => {
            state.mark_welcomed();
            Ok(())
        }
        Err(why) => Err(format!("没有导入：{why}。本机没有任何改动。")),
    }
}

/// Fetches `take_package`'s code without running it, so that 加入这个支部
/// takes the package at once (in the split build; elsewhere it is here).
pub async fn prefetch_take_package() {
    #[cfg(feature = "split")]
    __preload_take_package().await;
}
