//! A promise kept by the commit loop: a whole new document or a merge waits
//! until it is stored (or taken back) before the page says it was.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// `Ok` once stored; `Err` with why not (the stored data is as it was).
pub type Stored = Result<(), String>;

#[derive(Default)]
struct Slot {
    result: Option<Stored>,
    waker: Option<Waker>,
}

/// The side that keeps the promise.
#[derive(Clone, Default)]
pub struct Promise(Rc<RefCell<Slot>>);

/// The side that waits for it.
pub struct Waiting(Rc<RefCell<Slot>>);

pub fn promise() -> (Promise, Waiting) {
    let slot = Rc::new(RefCell::new(Slot::default()));
    (Promise(slot.clone()), Waiting(slot))
}

impl Promise {
    pub fn keep(&self, result: Stored) {
        let waker = {
            let mut slot = self.0.borrow_mut();
            slot.result = Some(result);
            slot.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl Future for Waiting {
    type Output = Stored;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Stored> {
        let mut slot = self.0.borrow_mut();
        match slot.result.take() {
            Some(result) => Poll::Ready(result),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
