//! The choice of a full backup with or without what only this phone keeps
//! private (the 党费 ledger, the 发展党员 paths), and what the file then holds.

use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::ui::widgets::SwitchRow;

/// Whether this full backup carries what is private (the 党费 ledger, the
/// 发展党员 paths): the keeper chooses, and the screen says what the file
/// will hold either way.
#[component]
pub(super) fn PrivateChoice() -> impl IntoView {
    let state = use_app();
    let with = move || state.device.with(|d| d.backup_private);
    let held = move || {
        state.doc.with(|d| {
            (
                crate::domain::dues::kept_here(d),
                crate::domain::development::kept_here(d),
            )
        })
    };
    let label = move || {
        match held() {
        (true, false) => "包含党费台账（全体党员的收入、基数和党费金额）",
        (false, _) => "包含发展党员纪实（入党申请人的个人情况、政审和培养考察记录）",
        (true, true) => "包含党费台账（全体党员的收入、基数和党费金额）和发展党员纪实（入党申请人的个人情况、政审和培养考察记录）",
    }
    };
    view! {
        <SwitchRow
            attr:data-testid="backup-private"
            name="backup-private"
            label=label
            checked=Signal::derive(with)
            on_change=move |on| state.set_backup_private(on)
        />
        <p class="warning">
            {move || {
                match (with(), held()) {
                    (true, (true, false)) => {
                        "这份备份含全体党员的收入、基数和党费金额：只存在自己的设备上，不要发到群聊或网盘。"
                    }
                    (true, (false, _)) => {
                        "这份备份含入党申请人的个人情况和政审记录：只存在自己的设备上，不要发到群聊或网盘。"
                    }
                    (true, (true, true)) => {
                        "这份备份含全体党员的收入、基数和党费金额，以及入党申请人的个人情况和政审记录：只存在自己的设备上，不要发到群聊或网盘。"
                    }
                    (false, (true, false)) => {
                        "这份备份不含党费台账。换手机或清理浏览器前，请勾选上面一项再导出，否则党费记录不会跟着备份走。"
                    }
                    (false, (false, _)) => {
                        "这份备份不含发展党员纪实。换手机或清理浏览器前，请勾选上面一项再导出，否则发展党员纪实不会跟着备份走。"
                    }
                    (false, (true, true)) => {
                        "这份备份不含党费台账和发展党员纪实。换手机或清理浏览器前，请勾选上面一项再导出，否则它们不会跟着备份走。"
                    }
                }
            }}
        </p>
    }
}
