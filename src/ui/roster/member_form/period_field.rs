//! A standing that holds from a day until a day (or still): ticked, it
//! starts today; then its two dates.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::ui::widgets::DateInput;

/// From a day, until a day if known.
pub type Period = (NaiveDate, Option<NaiveDate>);

/// A box that turns the period on (from today) or off, and, while it is
/// on, its 起 and 止 dates. 起 cannot be cleared: a cleared 起 keeps the
/// day it had.
#[component]
pub fn PeriodField(
    /// The box's `name`; the dates are `{name}-from` and `{name}-until`.
    name: &'static str,
    /// The names of the two dates.
    date_names: (&'static str, &'static str),
    /// What the box means, beside it.
    text: &'static str,
    /// The label of the last day ("止（可不填）").
    until_label: &'static str,
    /// The class of the row of the two dates.
    row_class: &'static str,
    /// The period now, `None` when the box is not ticked.
    #[prop(into)]
    period: Signal<Option<Period>>,
    /// Called with the period changed, `None` when the box is unticked.
    #[prop(into)]
    on_change: Callback<Option<Period>>,
    /// A note under the dates, shown while the box is ticked.
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let from = Signal::derive(move || period.get().map(|(from, _)| from));
    let until = Signal::derive(move || period.get().and_then(|(_, until)| until));
    let set_from = move |d: Option<NaiveDate>| {
        if let (Some(d), Some((_, until))) = (d, period.get_untracked()) {
            on_change.run(Some((d, until)));
        }
    };
    let set_until = move |d: Option<NaiveDate>| {
        if let Some((from, _)) = period.get_untracked() {
            on_change.run(Some((from, d)));
        }
    };
    view! {
        <fieldset class="field plain">
            <label class="check">
                <input
                    type="checkbox"
                    name=name
                    prop:checked=move || period.with(Option::is_some)
                    on:change=move |ev| {
                        on_change.run(event_target_checked(&ev).then(|| (clock::today(), None)))
                    }
                />
                <span>{text}</span>
            </label>
            <Show when=move || period.with(Option::is_some)>
                <div class=row_class>
                    <DateInput label="起" name=date_names.0 value=from on_change=set_from />
                    <DateInput
                        label=until_label
                        name=date_names.1
                        value=until
                        on_change=set_until
                    />
                </div>
                {children.clone().map(|note| note())}
            </Show>
        </fieldset>
    }
}
