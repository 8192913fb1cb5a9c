//! 党委组织员: the 党委 side of the same app. It takes in 报上级 packages
//! from any number of branches (a file, a pasted text or a link), keeps
//! them apart by branch in its own database (`browser::committee_db`),
//! shows 已报 n / 应报 N with who is missing, the overview of branches ×
//! requirements, one branch's figures, the CSV and the printed 汇总表.
//! None of it touches the branch data this phone may also hold.

mod branch_detail;
mod overview_exports;
mod overview_filters;
mod overview_table;
mod receive;

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::backup::report::{
    first_keys, load_collection, read_entries, write_expected, Waiting, EXPECTED_KEY,
};
use crate::browser::clock;
use crate::browser::committee_db::CommitteeDb;
use crate::browser::page_events::after_next_paint;
use crate::domain::report::collection::{report_year_prefix, Collection, Expected, Tally};
use crate::domain::report::overview::{parents, Span};
use crate::domain::report::{usual_year, Item};
use crate::format::transfer::REPORT_FRAGMENT;
use crate::store::StorageError;
use crate::ui::print::paper::PrintView;
use crate::ui::widgets::{ErrorLine, PageHeader, ResultLine, SelectField, TextField};

thread_local! {
    /// A 报上级 link that opened the app, until the 党委 page takes it.
    static PENDING_LINK: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A 报上级 link (`…#zbr=…`) opened the app: keeps its text for the 党委
/// page and turns the address into that page's, so the router opens it
/// and a reload does not bring the link back. Whether it did.
pub fn take_report_link() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    if !hash.starts_with(REPORT_FRAGMENT) {
        return false;
    }
    let Ok(href) = window.location().href() else {
        return false;
    };
    if let Ok(history) = window.history() {
        let page = format!("{}/committee", crate::browser::base::app_base());
        // Failing only leaves the link in the address: the text is read anyway.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
    }
    PENDING_LINK.with(|p| *p.borrow_mut() = Some(href));
    true
}

fn take_pending_link() -> Option<String> {
    PENDING_LINK.with(|p| p.borrow_mut().take())
}

/// The 党委's store as the page holds it.
#[derive(Clone, Copy)]
struct Committee {
    collection: RwSignal<Collection>,
    db: StoredValue<Option<CommitteeDb>, LocalStorage>,
    /// Stored reports of the years not read yet (`Committee::open`).
    waiting: StoredValue<Waiting, LocalStorage>,
    /// Still reading the database.
    loading: RwSignal<bool>,
    /// Why the database cannot be used, if it cannot.
    failure: RwSignal<Option<String>>,
    /// Stored values that could not be read: kept, and said.
    unreadable: RwSignal<Vec<String>>,
}

impl Committee {
    /// Opens the store and reads it: with `first`, the list of branches
    /// and the reports of that year at once, the other years' a year at a
    /// time after the page has drawn it (years of reports are hundreds of
    /// packages, and the first screen shows one year); without, everything
    /// at once.
    fn open(first: Option<i32>) -> Committee {
        let committee = Committee {
            collection: RwSignal::new(Collection::default()),
            db: StoredValue::new_local(None),
            waiting: StoredValue::new_local(Waiting::default()),
            loading: RwSignal::new(true),
            failure: RwSignal::new(None),
            unreadable: RwSignal::new(Vec::new()),
        };
        spawn_local(async move {
            match committee.read_first(first).await {
                Ok(()) => {
                    committee.loading.set(false);
                    committee.read_the_rest().await;
                }
                Err(e) => {
                    committee.failure.set(Some(e.message()));
                    committee.loading.set(false);
                }
            }
        });
        committee
    }

    async fn read_first(self, first: Option<i32>) -> Result<(), StorageError> {
        let db = CommitteeDb::open().await?;
        let entries = match first {
            Some(year) => {
                let (keys, mut entries) = db
                    .keys_and_values(&report_year_prefix(year), &[EXPECTED_KEY])
                    .await?;
                let (no_year, waiting) = first_keys(keys, year);
                self.waiting.set_value(waiting);
                // Keys of no year besides the list are none the app
                // wrote: read, to be named unreadable and kept.
                let strays: Vec<String> =
                    no_year.into_iter().filter(|k| k != EXPECTED_KEY).collect();
                if !strays.is_empty() {
                    entries.extend(db.values_of(&strays).await?);
                }
                entries
            }
            None => db.entries().await?,
        };
        let (collection, unreadable) = load_collection(&entries);
        self.db.set_value(Some(db));
        self.collection.set(collection);
        self.unreadable.set(unreadable);
        Ok(())
    }

    /// Reads the waiting years one after the other, each after a painted
    /// frame. A year not shown changes what is shown only through the
    /// names a renamed branch reported under (the 已报 / 应报 of the years
    /// read): the page draws again only then.
    async fn read_the_rest(self) {
        let read = self.collection.with_untracked(Collection::years);
        let tallies = |c: &Collection| -> Vec<Tally> { read.iter().map(|y| c.tally(*y)).collect() };
        let before = self.collection.with_untracked(tallies);
        loop {
            after_next_paint().await;
            let Some(year) = self.waiting.with_value(|w| w.years().first().copied()) else {
                break;
            };
            if self.read_year_quietly(year).await.is_err() {
                break;
            }
        }
        if self.collection.with_untracked(tallies) != before {
            self.collection.notify();
        }
    }

    /// Reads the stored reports of `year` if they still wait: before the
    /// page shows the year or takes in a report of it.
    async fn read_year(self, year: i32) {
        if let Ok(true) = self.read_year_quietly(year).await {
            self.collection.notify();
        }
    }

    /// Reads `year`'s waiting reports into the collection without drawing;
    /// whether any were read. A failure is said, and the year keeps
    /// waiting.
    async fn read_year_quietly(self, year: i32) -> Result<bool, ()> {
        let keys = self.waiting.with_value(|w| w.of_year(year));
        if keys.is_empty() {
            return Ok(false);
        }
        let Some(db) = self.db.get_value() else {
            return Err(());
        };
        let read = match db.values_starting_with(&report_year_prefix(year)).await {
            Ok(read) => read,
            Err(e) => {
                self.failure.set(Some(e.message()));
                return Err(());
            }
        };
        let mut taken = Vec::new();
        self.waiting.update_value(|w| taken = w.take(read));
        let mut bad = Vec::new();
        self.collection
            .update_untracked(|c| bad = read_entries(c, &taken));
        if !bad.is_empty() {
            self.unreadable.update(|u| u.extend(bad));
        }
        Ok(!taken.is_empty())
    }

    /// Every year a report is stored for, read or waiting, latest first.
    fn years(self) -> Vec<i32> {
        let mut years = self.collection.with(Collection::years);
        years.extend(self.waiting.with_value(Waiting::years));
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// Writes one value, then calls `then`; `Err` says why nothing was kept.
    async fn put(self, key: &str, text: &str) -> Result<(), String> {
        let Some(db) = self.db.get_value() else {
            return Err(self
                .failure
                .get_untracked()
                .unwrap_or_else(|| "党委数据还没有读取完".into()));
        };
        db.put(key, text).await.map_err(|e| e.message())
    }

    /// Stores the list of branches expected to report, then shows it.
    async fn save_expected(self, expected: Expected) -> Result<(), String> {
        self.put(EXPECTED_KEY, &write_expected(&expected)).await?;
        self.collection.update(|c| c.expected = expected);
        Ok(())
    }

    /// The 上级党组织 the year's reports name, when they all name one.
    fn organisation(self, year: i32) -> String {
        self.collection.with(|c| {
            let names = parents(c, year);
            match names.as_slice() {
                [one] => one.clone(),
                _ => String::new(),
            }
        })
    }
}

#[component]
pub fn CommitteePage() -> impl IntoView {
    let today = clock::today();
    let committee = Committee::open(Some(usual_year(today)));
    let year = RwSignal::new(usual_year(today));
    let span = RwSignal::new(Span::Year);
    let chosen = RwSignal::new(None::<String>);
    let years = move || {
        let mut years = committee.years();
        let this_year = chrono::Datelike::year(&today);
        for y in [this_year, this_year - 1] {
            if !years.contains(&y) {
                years.push(y);
            }
        }
        years.sort_unstable_by(|a, b| b.cmp(a));
        years
    };
    view! {
        <PageHeader title="党委组织员" back="/mine" />
        <section class="card">
            <p class="hint">
                "在这里导入各党支部书记发来的报上级材料（支部在“我的 › 备份与交换”选择“报上级”生成）。各支部的材料分开保存在本机，与支部自己的数据互不相干；同一支部同一年度的新材料替换旧的，支部改名后仍是同一个支部。"
            </p>
            <ErrorLine message=Signal::derive(move || {
                committee
                    .failure
                    .get()
                    .map(|why| {
                        format!("无法使用本机存储：{why}。导入的材料不能保存。")
                    })
            }) />
            {move || {
                let unreadable = committee.unreadable.get();
                (!unreadable.is_empty())
                    .then(|| {
                        view! {
                            <p class="warning">
                                {format!(
                                    "本机保存的 {} 份材料无法读取（可能来自更新版本），已原样保留。",
                                    unreadable.len(),
                                )}
                            </p>
                        }
                    })
            }}
        </section>
        <receive::ReceiveCard committee=committee pending=take_pending_link() />
        <section class="card form">
            <SelectField
                label="年度"
                name="committee-year"
                on_change=move |picked: String| {
                    if let Ok(y) = picked.parse() {
                        spawn_local(async move {
                            committee.read_year(y).await;
                            year.set(y);
                            span.set(Span::Year);
                            chosen.set(None);
                        });
                    }
                }
            >
                {move || {
                    years()
                        .into_iter()
                        .map(|y| {
                            view! {
                                <option value=y.to_string() selected=move || year.get() == y>
                                    {format!("{y}年度")}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </SelectField>
            <Tally committee=committee year=year />
            <ExpectedForm committee=committee />
        </section>
        <overview_table::OverviewCard committee=committee year=year span=span chosen=chosen />
        {move || {
            chosen
                .get()
                .map(|id| {
                    view! {
                        <branch_detail::BranchDetail
                            committee=committee
                            year=year.get()
                            branch_id=id
                            on_close=move || chosen.set(None)
                        />
                    }
                })
        }}
    }
}

/// 已报 n / 应报 N, and the branches of the list that have not reported.
/// The header cells the overview and one branch's years share after their
/// own first columns: one for each item of the 汇总表, then 学时 and 党费.
#[component]
fn ItemHeads() -> impl IntoView {
    view! {
        {Item::ALL.iter().map(|i| view! { <th scope="col">{i.label()}</th> }).collect_view()}
        <th scope="col">"学时"</th>
        <th scope="col">"党费"</th>
    }
}

#[component]
fn Tally(committee: Committee, year: RwSignal<i32>) -> impl IntoView {
    let tally = move || committee.collection.with(|c| c.tally(year.get()));
    view! {
        <p class="report-tally" data-testid="report-tally">
            {move || tally().sentence()}
        </p>
        {move || {
            let t = tally();
            if t.expected.is_none() {
                view! {
                    <p class="hint">
                        "在下面填写应报的党支部（或个数），即可看到哪些支部未报。"
                    </p>
                }
                    .into_any()
            } else if t.missing.is_empty() {
                view! { <p class="ok">"应报的党支部都已报送。"</p> }.into_any()
            } else {
                view! {
                    <p class="warning" data-testid="report-missing">
                        {format!("未报：{}", t.missing.join("、"))}
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

/// The branches expected to report: one a line, or only how many.
#[component]
fn ExpectedForm(committee: Committee) -> impl IntoView {
    let names = RwSignal::new(String::new());
    let count = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    Effect::new(move |_| {
        let e = committee.collection.with(|c| c.expected.clone());
        names.set(e.names.join("\n"));
        count.set(e.count.map(|n| n.to_string()).unwrap_or_default());
    });
    let save = move |_| {
        let count_text = count.get_untracked();
        let count = match count_text.trim() {
            "" => None,
            n => match n.parse::<u32>() {
                Ok(n) if n <= 10_000 => Some(n),
                _ => {
                    message.set(Some(Err("应报个数请填写数字".into())));
                    return;
                }
            },
        };
        let expected = Expected::with_names(&names.get_untracked(), count);
        spawn_local(async move {
            let saved = committee.save_expected(expected).await;
            message.set(Some(saved.map(|()| "已保存")));
        });
    };
    view! {
        <details class="expected">
            <summary>"应报的党支部"</summary>
            <TextField
                label="党支部名称（每行一个）"
                name="expected-branches"
                value=names
                rows=5
                placeholder="如：机关第一党支部"
            />
            <TextField
                label="或只填应报个数"
                name="expected-count"
                value=count
                kind="number"
            />
            <button class="button" type="button" on:click=save>
                "保存"
            </button>
            <ResultLine result=message />
        </details>
    }
}

/// The 党委's printouts (`/committee/print/:sheet/:year`, sheet `summary`,
/// `grades`, `dues` or `appraisal`), from the 党委's store.
#[component]
pub fn CommitteePrint() -> impl IntoView {
    let committee = Committee::open(None);
    let params = use_params_map();
    move || {
        if committee.loading.get() {
            return view! {
                <p class="loading" role="status">
                    "正在读取…"
                </p>
            }
            .into_any();
        }
        let params = params.get();
        let Some(year) = params.get("year").and_then(|y| y.parse::<i32>().ok()) else {
            return view! { <p class="empty">"找不到这份材料。"</p> }.into_any();
        };
        let organisation = committee.organisation(year);
        let today = clock::today();
        let paper = committee
            .collection
            .with(|c| match params.get("sheet").as_deref() {
                Some("grades") => {
                    crate::format::paper::sheets::committee_grades(c, &organisation, year, today)
                }
                Some("dues") => {
                    crate::format::paper::sheets::committee_dues(c, &organisation, year, today)
                }
                Some("appraisal") => {
                    crate::format::paper::sheets::committee_appraisal(c, &organisation, year, today)
                }
                _ => crate::format::paper::sheets::committee_summary(
                    c,
                    &organisation,
                    year,
                    Span::Year,
                    today,
                ),
            });
        view! { <PrintView paper=paper back="/committee".to_string() /> }.into_any()
    }
}
