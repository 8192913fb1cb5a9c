//! Helpers shared by the native integration tests: phones and tabs that run
//! the app's own core (`zhibu::app`) over in-memory stores, as the browser
//! runs it over IndexedDB.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![allow(dead_code)]

mod screen;
pub use screen::Screen;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use chrono::NaiveDate;
use proptest::prelude::{prop_oneof, Just, Strategy};
use zhibu::app::exchange::ImportReview;
use zhibu::app::{Backend, Core, Event, InMemory, Opened};
use zhibu::backup::import::{read_backup, Outcome, Staged};
use zhibu::domain::meeting::Presence;
use zhibu::domain::roster::member_named;
use zhibu::domain::sample::example_document;
use zhibu::domain::{Document, Member, RecordKey, Scope};
use zhibu::store::db::{Snapshot, Txn, TxnOutcome};
use zhibu::store::device::DeviceState;
use zhibu::store::journal::{Journal, JournalEntry};
use zhibu::store::merge::Choice;
use zhibu::store::{MemoryDb, Quarantined, StorageError};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

pub fn example() -> Document {
    example_document(today())
}

pub fn member(id: &str, name: &str) -> Member {
    Member {
        joined_on: None,
        ..member_named(id.into(), name.into(), today())
    }
}

/// Runs a future of the core to its end. Over memory every step is ready
/// at once; a future that waits is a test's mistake (or a gate it forgot).
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..1000 {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
    panic!("the core is waiting for something that never comes")
}

/// One store shared by the tabs of one browser.
pub type Store = InMemory;

pub fn store_with(db: MemoryDb) -> Store {
    InMemory::new(db)
}

/// A tab of the app: the core over a store, and the screen it drives.
pub struct Phone<B: Backend = Store> {
    pub core: Rc<Core<B>>,
    pub screen: Screen,
    pub store: B,
    pub opened: Opened,
    pub device: String,
}

impl Phone<Store> {
    /// A new phone with nothing stored.
    pub fn new(device: &str) -> Phone {
        Phone::open(&InMemory::empty(), device)
    }

    /// The secretary's phone with the example branch stored.
    pub fn with_example(device: &str) -> Phone {
        let phone = Phone::new(device);
        phone.replace(example()).unwrap();
        phone
    }
}

impl<B: Backend> Phone<B> {
    /// Opens what `store` holds, as a page of the app does at start.
    pub fn open(store: &B, device: &str) -> Phone<B> {
        Phone::open_as(store, device, &format!("tab-{device}"))
    }

    /// Another tab on the same phone.
    pub fn open_as(store: &B, device: &str, tab: &str) -> Phone<B> {
        let screen = Screen::default();
        let device_state = DeviceState {
            id: device.into(),
            ..DeviceState::default()
        };
        let (core, opened) = block_on(Core::open(
            screen.clone(),
            store.clone(),
            device_state,
            tab,
            &[],
        ))
        .unwrap();
        Phone {
            core: Rc::new(core),
            screen,
            store: store.clone(),
            opened,
            device: device.into(),
        }
    }

    /// What the page shows now.
    pub fn doc(&self) -> Document {
        self.screen.doc.borrow().clone()
    }

    /// Everything the page heard since the last call.
    pub fn heard(&self) -> Vec<Event> {
        std::mem::take(&mut *self.screen.heard.borrow_mut())
    }

    /// A tap: applied at once, its journal written once it is painted.
    pub fn edit(&self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
        self.core.edit(keys, Rc::new(op));
        self.core.write_journal();
    }

    /// Stores what waits; what the page heard meanwhile (commits for other
    /// tabs left out).
    pub fn commit(&self) -> Vec<Event> {
        block_on(self.core.commit());
        self.heard()
            .into_iter()
            .filter(|e| !matches!(e, Event::Stored { .. }))
            .collect()
    }

    /// A tap and its commit.
    pub fn save(&self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) -> Vec<Event> {
        self.edit(keys, op);
        self.commit()
    }

    pub fn replace(&self, doc: Document) -> Result<(), String> {
        let out = block_on(self.core.replace(doc));
        self.heard();
        out
    }

    /// A package of this phone's data, through the file format.
    pub fn package(&self, scope: Scope) -> Staged {
        let (_, text) = self.core.package(scope, true, today(), "2026-12-01 10:00");
        ready(&text)
    }

    /// What importing `staged` would do here.
    pub fn review(&self, staged: &Staged) -> ImportReview {
        self.core.plan_import(staged)
    }

    /// Imports a package, answering every conflict with `choice`.
    pub fn import(&self, staged: &Staged, choice: Choice) -> Result<ImportReview, String> {
        let review = self.core.plan_import(staged);
        block_on(
            self.core
                .merge_import(&review, |_, _| choice, "导入前的数据"),
        )?;
        Ok(review)
    }

    /// What a reload shows.
    pub fn reopened(&self) -> Document {
        Phone::open_as(&self.store, &self.device, "check").doc()
    }
}

/// A file read as the import screen reads it; it must be readable.
pub fn ready(text: &str) -> Staged {
    match read_backup(text) {
        Outcome::Ready(staged) => *staged,
        Outcome::Refused(p) => panic!("{p:?}"),
    }
}

/// A tab's view of a shared store whose commits wait at a gate until the
/// test lets one through: two tabs can begin their commits before either
/// is delivered, as in a browser.
#[derive(Clone)]
pub struct Gated {
    pub store: Store,
    open: Rc<Cell<usize>>,
}

impl Gated {
    pub fn new(store: &Store) -> Gated {
        Gated {
            store: store.clone(),
            open: Rc::new(Cell::new(0)),
        }
    }

    /// Lets the next commit through.
    pub fn let_one_through(&self) {
        self.open.set(self.open.get() + 1);
    }
}

impl Backend for Gated {
    async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        self.store.snapshot().await
    }
    async fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError> {
        self.store.read(keys).await
    }
    async fn commit(&self, txn: &Txn) -> TxnOutcome {
        std::future::poll_fn(|_| {
            if self.open.get() == 0 {
                Poll::Pending
            } else {
                self.open.set(self.open.get() - 1);
                Poll::Ready(())
            }
        })
        .await;
        self.store.commit(txn).await
    }
    async fn set_aside(&self, moves: &[(String, Quarantined)]) -> Result<(), StorageError> {
        self.store.set_aside(moves).await
    }
    async fn discard_quarantined(&self, name: &str) -> Result<(), StorageError> {
        self.store.discard_quarantined(name).await
    }
    async fn load_undo(&self) -> Result<Option<String>, StorageError> {
        self.store.load_undo().await
    }
    async fn save_undo(&self, point: Option<&str>) -> Result<(), StorageError> {
        self.store.save_undo(point).await
    }
    async fn read_first(&self, since_year: i32) -> Result<Option<Snapshot>, StorageError> {
        self.store.read_first(since_year).await
    }
    async fn file(&self, years: &BTreeMap<String, i32>) -> Result<(), StorageError> {
        self.store.file(years).await
    }
    async fn pause(&self) {
        self.store.pause().await
    }
    fn read_journals(&self) -> Vec<(String, Journal)> {
        self.store.read_journals()
    }
    fn write_journal(&self, tab: &str, entries: &[JournalEntry], at: u64) {
        self.store.write_journal(tab, entries, at)
    }
    fn remove_journal(&self, key: &str) {
        self.store.remove_journal(key)
    }
    fn write_device(&self, device: &DeviceState) -> Result<(), StorageError> {
        self.store.write_device(device)
    }
}

/// A commit of a gated tab, started and driven by hand.
pub struct Committing(Pin<Box<dyn Future<Output = ()>>>);

impl Committing {
    pub fn start(phone: &Phone<Gated>) -> Committing {
        let core = phone.core.clone();
        let mut committing = Committing(Box::pin(async move { core.commit().await }));
        assert!(!committing.step(), "a commit waits at the gate");
        committing
    }

    /// Runs until the commit waits at the gate again or is done: true when
    /// done.
    pub fn step(&mut self) -> bool {
        let mut cx = Context::from_waker(Waker::noop());
        self.0.as_mut().poll(&mut cx).is_ready()
    }
}

/// A mark a property test taps on someone: 出席, 请假, 缺席 or none.
pub fn presence() -> impl Strategy<Value = Option<Presence>> {
    prop_oneof![
        Just(None),
        Just(Some(Presence::Present)),
        Just(Some(Presence::Leave)),
        Just(Some(Presence::Absent)),
    ]
}
