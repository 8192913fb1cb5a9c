//! How the app's data is written down: the checksum, the envelope of a file
//! (backup, member's file) and of a stored record, the schema migrations,
//! reading a document from JSON item by item with each problem's path, and
//! a printed record as a Word file.
//! Both `backup` and `store` read and write through here; it knows the
//! domain and nothing of where the text is kept.

pub mod checksum;
pub mod clock;
pub mod docx;
pub mod envelope;
pub mod fields;
pub mod locate;
pub mod migrate;
pub mod paper;
pub mod parts;
pub mod record;
pub mod transfer;
pub mod zip;
