//! Pages of the app open at once. A commit is announced to the others on a
//! `BroadcastChannel` (IndexedDB has no change event), or through a
//! localStorage key's `storage` event where the channel is missing. Each
//! page holds a Web Lock named after it while it lives, so start-up can
//! tell a closed page's journal from a living page's.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, MessageEvent, StorageEvent};

use crate::domain::RecordKey;

const CHANNEL: &str = "zhibu";
const SIGNAL_KEY: &str = "zhibu.signal";
const LOCK_PREFIX: &str = "zhibu.tab.";

thread_local! {
    static OPEN: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// What a page says after a commit: which records moved to which revision.
#[derive(Debug)]
pub struct Announcement {
    pub tab: String,
    pub revs: Vec<(RecordKey, u64)>,
    /// A whole document replaced every record (import, undo).
    pub replaced: bool,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    tab: String,
    revs: Vec<(String, u64)>,
    replaced: bool,
    at: f64,
}

impl Announcement {
    pub fn parse(text: &str) -> Option<Announcement> {
        let wire: Wire = serde_json::from_str(text).ok()?;
        Some(Announcement {
            tab: wire.tab,
            revs: wire
                .revs
                .into_iter()
                .filter_map(|(name, rev)| Some((RecordKey::from_name(&name)?, rev)))
                .collect(),
            replaced: wire.replaced,
        })
    }
}

fn channel() -> Option<BroadcastChannel> {
    OPEN.with(|open| {
        if open.borrow().is_none() {
            *open.borrow_mut() = BroadcastChannel::new(CHANNEL).ok();
        }
        open.borrow().clone()
    })
}

/// Tells the other pages about a commit.
pub fn announce(tab: &str, revs: &[(RecordKey, u64)], replaced: bool) {
    let wire = Wire {
        tab: tab.to_string(),
        revs: revs.iter().map(|(k, r)| (k.name(), *r)).collect(),
        replaced,
        at: js_sys::Date::now(),
    };
    let Ok(text) = serde_json::to_string(&wire) else {
        return;
    };
    match channel() {
        Some(channel) => {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
        None => super::local_storage::signal(SIGNAL_KEY, &text),
    }
}

/// Calls `on_message` with the text of each other page's announcement.
pub fn on_message(on_message: impl Fn(String) + 'static) {
    let on_message = std::rc::Rc::new(on_message);
    if let Some(channel) = channel() {
        let heard = on_message.clone();
        let listener = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                heard(text);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        listener.forget();
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(StorageEvent)>::new(move |event: StorageEvent| {
        if event.key().as_deref() == Some(SIGNAL_KEY) {
            if let Some(text) = event.new_value() {
                on_message(text);
            }
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Holds a lock named after this page for as long as it lives.
pub fn hold_tab_lock(tab: &str) {
    let Some(locks) = locks() else { return };
    let Ok(request) = js_sys::Reflect::get(&locks, &JsValue::from_str("request")) else {
        return;
    };
    let Some(request) = request.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let forever =
        Closure::<dyn Fn() -> js_sys::Promise>::new(|| js_sys::Promise::new(&mut |_, _| {}));
    let _ = request.call2(
        &locks,
        &JsValue::from_str(&format!("{LOCK_PREFIX}{tab}")),
        forever.as_ref().unchecked_ref(),
    );
    forever.forget();
}

/// The pages alive now, by their lock; empty where the browser has no
/// locks (then every journal is replayed, which its revision checks make
/// safe).
pub async fn held_tab_locks() -> Vec<String> {
    let Some(locks) = locks() else {
        return Vec::new();
    };
    let Ok(query) = js_sys::Reflect::get(&locks, &JsValue::from_str("query")) else {
        return Vec::new();
    };
    let Some(query) = query.dyn_ref::<js_sys::Function>() else {
        return Vec::new();
    };
    let Ok(promise) = query.call0(&locks) else {
        return Vec::new();
    };
    let Ok(snapshot) = JsFuture::from(js_sys::Promise::from(promise)).await else {
        return Vec::new();
    };
    let held = js_sys::Reflect::get(&snapshot, &JsValue::from_str("held")).unwrap_or_default();
    js_sys::Array::from(&held)
        .iter()
        .filter_map(|lock| {
            let name = js_sys::Reflect::get(&lock, &JsValue::from_str("name")).ok()?;
            name.as_string()?
                .strip_prefix(LOCK_PREFIX)
                .map(str::to_string)
        })
        .collect()
}
