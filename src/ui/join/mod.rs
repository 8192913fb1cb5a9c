//! A package arriving on a phone with no data: a link tapped in the chat or
//! a text pasted on the welcome screen. It says what arrived before
//! anything else, takes it in one tap (no setup steps: the branch, roster
//! and rules come from the package), then asks who the member is.

mod arrival_card;
mod who_am_i;

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::backup::import::Staged;
use crate::ui::backup::reading::{read_package, PasswordPrompt, ProblemList, Reading};
use crate::ui::state::use_app;
use arrival_card::ArrivalCard;
use who_am_i::WhoAmI;

#[derive(Clone)]
enum Step {
    /// Nothing arrived yet: a box to paste the secretary's text into.
    Paste,
    Reading,
    Locked(Option<String>),
    Refused(Vec<crate::domain::validate::Problem>),
    Arrived(Rc<Staged>),
    /// Taken: the member picks their own name.
    WhoAreYou,
}

#[component]
pub fn JoinPage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let step = RwSignal::new_local(Step::Paste);
    // The code that takes a package is here (in the split build it comes
    // behind the review, beside the store's): 加入这个支部 waits for both,
    // so a tap never waits on the network.
    let take_code = RwSignal::new(!cfg!(feature = "split"));
    let can_take = Signal::derive(move || take_code.get() && state.store_ready());
    let read = move |text: String| {
        step.set(Step::Reading);
        let secret = password.get_untracked();
        spawn_local(async move {
            let reading = read_package(&text, &secret).await;
            // The page may have gone meanwhile (the store opening shows it
            // anew): then the new one reads the text again.
            step.try_set(match reading {
                Reading::Refused(problems) => Step::Refused(problems),
                Reading::Locked(why) => Step::Locked(why),
                Reading::Ready(staged) => Step::Arrived(staged),
            });
            // Taking it writes records: the store (and, in the split
            // build, its code) opens once the review is on screen.
            crate::browser::page_events::after_next_paint().await;
            spawn_local(async move {
                arrival_card::prefetch_take_package().await;
                take_code.try_set(true);
            });
            state.open_store_behind().await;
        });
    };
    // The link's text stays in the state until it is taken or put aside,
    // so a reload of this page does not lose it.
    Effect::new(move |_| {
        if let Some(text) = state.incoming.get() {
            if state.ready.get() && matches!(step.get_untracked(), Step::Paste) {
                read(text);
            }
        }
    });
    let home = {
        let navigate = navigate.clone();
        move || {
            state.leave_join();
            navigate("/", Default::default());
        }
    };
    let start_over = move || {
        state.incoming.set(None);
        password.set(String::new());
        step.set(Step::Paste);
    };
    let back = home.clone();
    view! {
        <section class="join" data-testid="join">
            {move || match step.get() {
                Step::Paste => {
                    view! {
                        <h1 class="page-title">"粘贴书记发来的文字"</h1>
                        <p class="hint">
                            "书记或支委发来的支部资料包、备份或传输文字，整段粘贴到这里。"
                        </p>
                        <label class="field">
                            <span>"传输文字或链接"</span>
                            <textarea
                                name="join-paste"
                                rows="5"
                                prop:value=pasted
                                on:input=move |ev| pasted.set(event_target_value(&ev))
                            ></textarea>
                        </label>
                        <button
                            class="button primary"
                            type="button"
                            on:click=move |_| state.incoming.set(Some(pasted.get_untracked()))
                        >
                            "检查"
                        </button>
                    }
                        .into_any()
                }
                Step::Reading => {
                    view! {
                        <p class="hint" role="status">
                            "正在读取收到的资料…"
                        </p>
                    }
                        .into_any()
                }
                Step::Locked(why) => {
                    let text = state.incoming.get_untracked().unwrap_or_default();
                    view! {
                        <h1 class="page-title">"收到的资料设了密码"</h1>
                        <PasswordPrompt
                            password=password
                            why=why
                            name="join-password"
                            on_unlock=move |()| read(text.clone())
                        />
                    }
                        .into_any()
                }
                Step::Refused(problems) => {
                    view! {
                        <div class="report error-report" role="alert">
                            <p>
                                <strong>
                                    "这段资料无法读取，本机没有任何改动。"
                                </strong>
                            </p>
                            <ProblemList problems=problems />
                            <p class="hint">
                                "请让发送人重新发一次完整的文字或链接，再粘贴到这里。"
                            </p>
                        </div>
                        <button class="button" type="button" on:click=move |_| start_over()>
                            "重新粘贴"
                        </button>
                    }
                        .into_any()
                }
                Step::Arrived(staged) => {
                    let (home, later) = (home.clone(), home.clone());
                    view! {
                        <ArrivalCard
                            staged=staged
                            can_take=can_take
                            on_taken=move |asks_who: bool| {
                                state.incoming.set(None);
                                if asks_who {
                                    step.try_set(Step::WhoAreYou);
                                } else {
                                    home();
                                }
                            }
                            on_later=move |()| later()
                        />
                    }
                        .into_any()
                }
                Step::WhoAreYou => {
                    let home = home.clone();
                    view! { <WhoAmI on_done=move |()| home() /> }.into_any()
                }
            }}
            // Until something is taken, the way out (the tabs are hidden).
            {move || {
                let home = back.clone();
                (!matches!(step.get(), Step::Arrived(_) | Step::WhoAreYou))
                    .then(|| {
                        view! {
                            <button class="link-button" type="button" on:click=move |_| home()>
                                "返回"
                            </button>
                        }
                    })
            }}
        </section>
    }
}
