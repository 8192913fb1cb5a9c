//! The member's package being read: a note while it is, its password asked
//! for, or what it changes shown for merging, with what will be skipped.

use leptos::prelude::*;

use super::Incoming;
use crate::ui::backup::reading::{PasswordPrompt, ProblemList};
use crate::ui::backup::MergeReview;

#[component]
pub(super) fn IncomingReturn(
    incoming: RwSignal<Incoming, LocalStorage>,
    password: RwSignal<String>,
    /// Told of a merge done.
    messages: RwSignal<Vec<(bool, String)>>,
    /// The package's text, to read again with the password typed.
    on_unlock: Callback<String>,
) -> impl IntoView {
    let done = move |()| {
        password.set(String::new());
        incoming.set(Incoming::Idle);
    };
    move || match incoming.get() {
        Incoming::Idle => ().into_any(),
        Incoming::Busy => view! {
            <p class="hint" role="status">
                "正在读取…"
            </p>
        }
        .into_any(),
        Incoming::Locked(text, why) => view! {
            <PasswordPrompt
                password=password
                why=why
                name="return-password"
                on_unlock=move |()| on_unlock.run(text.clone())
            />
        }
        .into_any(),
        Incoming::Ready(staged) => {
            let problems = staged.problems.clone();
            view! {
                {(staged.skipped > 0)
                    .then(|| {
                        view! {
                            <p class="error">
                                {format!(
                                    "其中 {} 项有问题，导入时将跳过：",
                                    staged.skipped,
                                )}
                            </p>
                            <ProblemList problems=problems />
                        }
                    })}
                <MergeReview
                    staged=staged
                    on_done=done
                    on_merged=move |text| messages.update(|m| m.push((true, text)))
                />
            }
            .into_any()
        }
    }
}
