//! A result next to the button that caused it ("已导入并合并 …", "密码不对
//! …"), not in a banner at the top the member has scrolled away from: it
//! is brought into view when it appears, and a success goes away on its
//! own once it has been on screen for a while (time with the page hidden
//! does not count: the member has not seen it).

use std::time::Duration;

use leptos::html::P;
use leptos::prelude::*;

use crate::browser::{page_events, scroll};

/// How long a success stays once seen.
pub const SHOWN_FOR: Duration = Duration::from_secs(8);

#[component]
pub fn ResultNote(
    #[prop(into)] text: String,
    /// A failure: stays until what caused it changes.
    #[prop(optional)]
    error: bool,
    /// Called once a success has been on screen for `SHOWN_FOR`.
    #[prop(optional, into)]
    on_seen: Option<Callback<()>>,
) -> impl IntoView {
    let node = NodeRef::<P>::new();
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            // After the next paint: what the result's cause shows with it
            // (the undo offered after an import) may push it down first.
            leptos::task::spawn_local(async move {
                page_events::after_next_paint().await;
                scroll::bring_into_view(&element);
            });
        }
    });
    if let Some(done) = on_seen.filter(|_| !error) {
        fade_when_seen(done);
    }
    view! {
        <p
            node_ref=node
            class="result-note"
            class:ok=!error
            class:error=error
            role=if error { "alert" } else { "status" }
            data-testid="result-note"
        >
            {text}
        </p>
    }
}

/// Calls `done` after `SHOWN_FOR` of the page being visible.
fn fade_when_seen(done: Callback<()>) {
    set_timeout(
        move || {
            if page_events::page_is_hiding() {
                fade_when_seen(done);
            } else {
                done.run(());
            }
        },
        SHOWN_FOR,
    );
}
