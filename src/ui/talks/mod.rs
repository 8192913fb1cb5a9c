//! 谈心谈话: talks are not meetings. Each record names the 谈话人 and the
//! 谈话对象; coverage counts both sides of each talk.

mod talk_list;
mod talk_page;

pub use talk_list::TalksPage;
pub use talk_page::TalkPage;
