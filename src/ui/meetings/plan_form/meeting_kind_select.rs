//! 类型 of the meeting planned: the branch's kinds, with where a 谈心谈话
//! goes instead.

use leptos::prelude::*;

use crate::domain::meeting::MeetingKind;
use crate::ui::widgets::SelectField;

#[component]
pub(super) fn MeetingKindSelect(
    /// The branch's kinds, in its order.
    kinds: Vec<MeetingKind>,
    /// The kind chosen, selected when the form opens.
    kind: RwSignal<MeetingKind>,
    on_choose: Callback<MeetingKind>,
) -> impl IntoView {
    let options = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let selected = kind.with_untracked(|chosen| chosen == k);
            view! {
                <option value=i.to_string() selected=selected>
                    {k.label().to_string()}
                </option>
            }
        })
        .collect_view();
    view! {
        <SelectField
            label="类型"
            name="kind"
            on_change=move |v: String| {
                if let Some(k) = v.parse::<usize>().ok().and_then(|i| kinds.get(i)) {
                    on_choose.run(k.clone());
                }
            }
            help="谈心谈话不是会议，请在“会议 › 谈心谈话”中记录。"
        >
            {options}
        </SelectField>
    }
}
