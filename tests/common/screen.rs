//! The page a core drives in a test: its document and everything it heard.
//! The native tests (`common`) and the browser tests (`web.rs`) share it.

use std::cell::RefCell;
use std::rc::Rc;

use zhibu::app::{Event, Host};
use zhibu::domain::Document;

#[derive(Clone)]
pub struct Screen {
    pub doc: Rc<RefCell<Document>>,
    pub heard: Rc<RefCell<Vec<Event>>>,
    /// The page's clock, in milliseconds: a fixed instant natively, the
    /// browser's in the browser tests.
    pub clock: fn() -> u64,
}

impl Default for Screen {
    fn default() -> Self {
        Screen {
            doc: Rc::default(),
            heard: Rc::default(),
            clock: || 1,
        }
    }
}

impl Host for Screen {
    fn update_doc(&self, f: &mut dyn FnMut(&mut Document) -> bool) {
        f(&mut self.doc.borrow_mut());
    }
    fn read_doc(&self, f: &mut dyn FnMut(&Document)) {
        f(&self.doc.borrow());
    }
    fn hear(&self, event: Event) {
        self.heard.borrow_mut().push(event);
    }
    fn now(&self) -> u64 {
        (self.clock)()
    }
}
