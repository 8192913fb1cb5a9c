//! 表决 and 选举: only a body that decides (支部党员大会, 支委会) votes or
//! elects. A motion has its kind (一般事项, 接收预备党员, 转正, 延长预备期,
//! 取消预备党员资格) and the member it is about, the counts in the room,
//! the written opinions (书面意见) where they count, and the result by the
//! rule of its body. Each ballot of an election has its office, its ballots
//! and candidates, its 监票人 and 计票人, its result in the rules' words and
//! what follows it (报批、备案). The 发展党员 whose path waits for this
//! meeting's decision are offered for the vote, and a passed vote put from
//! a path is recorded there in one tap. One component per file.

mod add_member_select;
mod ballot;
mod ballot_counts;
mod candidate_list;
mod candidate_row;
mod counter;
mod decisions_due;
mod election_card;
mod election_result;
mod elections_section;
mod exclusions_card;
mod member_chips;
mod path_decision;
mod report_dates;
mod result_lines;
mod vote_card;
mod vote_kind_select;
mod vote_member;
mod vote_outcome;
mod vote_roster_entry;
mod votes_panel;

pub use votes_panel::VotesPanel;
