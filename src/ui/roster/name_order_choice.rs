//! 名单顺序: the branch's order of names, chosen on the roster where the
//! names are seen; the 签到 list, the pickers and every printout follow it.

use leptos::prelude::*;

use crate::domain::name_order::NameOrder;
use crate::ui::state::use_app;
use crate::ui::widgets::Segmented;

#[component]
pub fn NameOrderChoice() -> impl IntoView {
    let state = use_app();
    let order = Signal::derive(move || state.doc.with(|d| d.branch.name_order));
    view! {
        <section class="card form name-order" data-testid="name-order">
            <h2 class="card-title">"名单顺序"</h2>
            <Segmented
                name="name-order"
                label="名单顺序"
                options=NameOrder::ALL.iter().map(|o| (*o, o.label())).collect()
                value=order
                on_change=Callback::new(move |o: NameOrder| {
                    state.edit_branch(move |b| b.name_order = o)
                })
            />
            <small class="muted">
                {move || match order.get() {
                    NameOrder::Strokes => {
                        "书记、副书记、委员在前，再按党小组；同组内按姓氏笔画（笔画数，同笔画按横竖撇点折），依 GB13000.1 字符集汉字笔画序规范。签到、名册和打印都按此顺序。"
                    }
                    NameOrder::Pinyin => {
                        "书记、副书记、委员在前，再按党小组；同组内按姓名拼音。签到、名册和打印都按此顺序。"
                    }
                    NameOrder::Own => {
                        "按粘贴名册时的顺序；用名字旁的 ↑ ↓ 调整。签到、名册和打印都按此顺序。"
                    }
                }}
            </small>
        </section>
    }
}
