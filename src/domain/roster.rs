//! The member roster as branches keep it: standing (正式 / 预备, with the
//! 预备期), several roles at once (a 支部委员 may lead a 党小组) and the
//! committee's 分工, 留党察看, members for whom attendance is 不作硬性要求,
//! and 减少党员 with its reason. A member is never deleted once records name
//! them: old records keep their names.

use std::collections::HashSet;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::kind::{Kind, Packing, Scope};
use super::limits;
use super::name_order::{name_key, NameOrder};
use super::validate::{Checks, Known};
use super::Branch;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// The 党小组 id, if the member is in one.
    #[serde(default)]
    pub group_id: Option<String>,
    pub standing: Standing,
    /// 入党日期: the day the 支部大会 admitted them, when the 预备期 began.
    #[serde(default)]
    pub admitted_on: Option<NaiveDate>,
    /// 书记, 副书记, 支部委员, 党小组长: any of them at once; none for a
    /// member without a post.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The committee member's 分工: 组织委员, 宣传委员, 纪检委员…
    #[serde(default)]
    pub duty: String,
    #[serde(default)]
    pub status: MemberStatus,
    /// 转入本支部（或入党）日期: before it they were not due at the branch's
    /// meetings.
    #[serde(default)]
    pub joined_on: Option<NaiveDate>,
    /// 留党察看: no vote while it lasts (党章 §40).
    #[serde(default)]
    pub probation: Option<Probation>,
    /// 年老体弱、行动不便、身患重病: attendance 不作硬性要求 (党员教育管理工作
    /// 条例 §23): not due, no 补学 owed.
    #[serde(default)]
    pub exempt: Option<Exemption>,
    /// Free text such as a phone extension or "在外挂职"; may be empty.
    #[serde(default)]
    pub note: String,
    /// 转正日期: the day the 预备期 ended and the member became a 正式党员;
    /// 党龄 counts from it (党章 §7). Before it they had no vote.
    #[serde(default)]
    pub confirmed_on: Option<NaiveDate>,
    /// 延长预备期, as the 支部党员大会 decided it.
    #[serde(default)]
    pub extension: Option<Extension>,
    /// 中止表决权、选举权和被选举权 while 被依法留置、逮捕 (《中国共产党基层
    /// 组织选举工作条例》§5). Private: never in a package for members.
    #[serde(default)]
    pub suspension: Option<Suspension>,
    /// Posts held before the current ones, with their dates.
    #[serde(default)]
    pub former_posts: Vec<FormerPost>,
    /// The day the current posts (`roles`, `duty`) began, if known.
    #[serde(default)]
    pub posts_since: Option<NaiveDate>,
}

/// 正式党员 vote; 预备党员 take part but have no vote and receive no grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Full,
    Probationary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Secretary,
    DeputySecretary,
    CommitteeMember,
    GroupLeader,
}

/// The committee's usual 分工, offered to pick from; the 分工 is free text.
pub const DUTIES: [&str; 5] = ["组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员"];

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probation {
    pub from: NaiveDate,
    /// The day it ends, once known (1 or 2 years).
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// 延长预备期: "不能超过一年" (党章 §7), "不能少于半年" (《发展党员工作
/// 细则》§32), counted from the end of the first year.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The day of the 支部党员大会 that decided it.
    pub decided_on: NaiveDate,
    /// The day the extended 预备期 ends.
    pub until: NaiveDate,
}

/// 中止表决权、选举权和被选举权, from a day until a day (or still).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suspension {
    pub from: NaiveDate,
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// A post held for a while: "2021年3月至2024年3月任组织委员".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerPost {
    pub role: Role,
    /// The 分工 of a 支部委员.
    #[serde(default)]
    pub duty: String,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The day the post ended (the day the next holder began).
    pub until: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// "年老体弱", "身患重病"…
    pub reason: String,
    #[serde(default)]
    pub since: Option<NaiveDate>,
}

/// A member who left stays in the roster so old records keep their names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", deny_unknown_fields)]
pub enum MemberStatus {
    #[default]
    Active,
    /// 减少党员.
    Left {
        /// `YYYY-MM-DD`, if known.
        #[serde(default)]
        on: Option<NaiveDate>,
        #[serde(default)]
        why: Option<Reduction>,
        /// What else the branch notes ("转至某某党支部").
        #[serde(default)]
        reason: String,
    },
}

/// Why a member is no longer in the branch (减少党员).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reduction {
    TransferredOut,
    Suspended,
    Expelled,
    Died,
    Other,
    /// 取消预备党员资格 (党章 §7).
    ProbationCancelled,
}

impl Reduction {
    pub const ALL: [Reduction; 6] = [
        Reduction::TransferredOut,
        Reduction::Suspended,
        Reduction::Expelled,
        Reduction::ProbationCancelled,
        Reduction::Died,
        Reduction::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Reduction::TransferredOut => "组织关系转出",
            Reduction::Suspended => "停止党籍",
            Reduction::Expelled => "出党",
            Reduction::Died => "去世",
            Reduction::Other => "其他",
            Reduction::ProbationCancelled => "取消预备党员资格",
        }
    }

    /// The reason written by hand in the first version, read as a kind.
    pub fn from_text(text: &str) -> Reduction {
        if text.contains("转出") || text.contains("调出") {
            Reduction::TransferredOut
        } else if text.contains("取消预备") {
            Reduction::ProbationCancelled
        } else if text.contains("停止党籍") {
            Reduction::Suspended
        } else if text.contains("出党") || text.contains("开除") || text.contains("除名") {
            Reduction::Expelled
        } else if text.contains("去世") || text.contains("病故") || text.contains("逝世") {
            Reduction::Died
        } else {
            Reduction::Other
        }
    }
}

impl Standing {
    pub const ALL: [Standing; 2] = [Standing::Full, Standing::Probationary];

    pub fn label(self) -> &'static str {
        match self {
            Standing::Full => "正式党员",
            Standing::Probationary => "预备党员",
        }
    }
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Secretary,
        Role::DeputySecretary,
        Role::CommitteeMember,
        Role::GroupLeader,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Secretary => "书记",
            Role::DeputySecretary => "副书记",
            Role::CommitteeMember => "支部委员",
            Role::GroupLeader => "党小组长",
        }
    }

    /// Members of the 支部委员会: its quorum counts these.
    pub fn is_committee(self) -> bool {
        matches!(
            self,
            Role::Secretary | Role::DeputySecretary | Role::CommitteeMember
        )
    }
}

impl Member {
    /// A member known by id, name and standing alone: active, in no
    /// 党小组, holding no post, with no dates or notes on record.
    pub fn new(id: impl Into<String>, name: impl Into<String>, standing: Standing) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            group_id: None,
            standing,
            admitted_on: None,
            roles: Vec::new(),
            duty: String::new(),
            status: MemberStatus::Active,
            joined_on: None,
            probation: None,
            exempt: None,
            note: String::new(),
            confirmed_on: None,
            extension: None,
            suspension: None,
            former_posts: Vec::new(),
            posts_since: None,
        }
    }

    pub fn is_active(&self) -> bool {
        self.status == MemberStatus::Active
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// A member of the 支部委员会.
    pub fn is_committee(&self) -> bool {
        self.roles.iter().any(|r| r.is_committee())
    }

    /// Whether the member had a vote (表决权、选举权、被选举权) on `date`:
    /// a 正式党员 that day, not under 留党察看 and not 中止.
    pub fn votes_on(&self, date: Option<NaiveDate>) -> bool {
        self.standing_on(date) == Standing::Full
            && !self.on_probation(date)
            && !self.suspended_on(date)
    }

    /// 正式 or 预备 on `date`: a 正式党员 was 预备 before their 转正日期
    /// (or, where none is recorded, before their 预备期 ended).
    pub fn standing_on(&self, date: Option<NaiveDate>) -> Standing {
        match (self.standing, date, self.full_since()) {
            (Standing::Full, Some(d), Some(since)) if d < since => Standing::Probationary,
            (standing, _, _) => standing,
        }
    }

    /// The day a 正式党员 became one, as recorded or as their 预备期 ended.
    pub fn full_since(&self) -> Option<NaiveDate> {
        if self.standing != Standing::Full {
            return None;
        }
        self.confirmed_on.or_else(|| self.probation_period_end())
    }

    /// 中止表决权、选举权和被选举权 on `date`.
    pub fn suspended_on(&self, date: Option<NaiveDate>) -> bool {
        match (&self.suspension, date) {
            (None, _) => false,
            (Some(s), Some(d)) => s.from <= d && s.until.is_none_or(|until| d < until),
            (Some(s), None) => s.until.is_none(),
        }
    }

    /// The posts held on `date` (today's for an undated meeting).
    pub fn roles_on(&self, date: Option<NaiveDate>) -> Vec<Role> {
        let Some(d) = date else {
            return self.roles.clone();
        };
        let mut out: Vec<Role> = if self.posts_since.is_none_or(|since| since <= d) {
            self.roles.clone()
        } else {
            Vec::new()
        };
        for post in &self.former_posts {
            if post.from.is_none_or(|from| from <= d) && d < post.until && !out.contains(&post.role)
            {
                out.push(post.role);
            }
        }
        out.sort();
        out
    }

    /// A member of the 支部委员会 on `date`.
    pub fn committee_on(&self, date: Option<NaiveDate>) -> bool {
        self.roles_on(date).iter().any(|r| r.is_committee())
    }

    pub fn on_probation(&self, date: Option<NaiveDate>) -> bool {
        match (&self.probation, date) {
            (None, _) => false,
            (Some(p), Some(d)) => p.from <= d && p.until.is_none_or(|until| d < until),
            // An undated meeting is judged as of now: a 留党察看 on record
            // without an end counts.
            (Some(p), None) => p.until.is_none(),
        }
    }

    /// Attendance 不作硬性要求 on `date`.
    pub fn exempt_on(&self, date: Option<NaiveDate>) -> bool {
        match (&self.exempt, date) {
            (None, _) => false,
            (Some(e), Some(d)) => e.since.is_none_or(|since| since <= d),
            (Some(_), None) => true,
        }
    }

    /// "书记、党小组长", or "党员" for a member without a post.
    pub fn roles_label(&self) -> String {
        if self.roles.is_empty() {
            return "党员".into();
        }
        let mut labels: Vec<String> = Role::ALL
            .iter()
            .filter(|r| self.has_role(**r))
            .map(|r| {
                if *r == Role::CommitteeMember && !self.duty.trim().is_empty() {
                    self.duty.trim().to_string()
                } else {
                    r.label().to_string()
                }
            })
            .collect();
        labels.dedup();
        labels.join("、")
    }

    /// Warnings about posts the rules do not allow, as of `today`: a
    /// 预备党员 has no 被选举权 (党章 §7), so cannot be on the committee; a
    /// member under 留党察看 loses every 党内职务 (《中国共产党纪律处分
    /// 条例》§11).
    pub fn role_warnings(&self, today: NaiveDate) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.standing == Standing::Probationary && self.is_committee() {
            out.push("预备党员没有被选举权，不能担任书记、副书记或支部委员。");
        }
        if self.has_role(Role::Secretary) && self.has_role(Role::DeputySecretary) {
            out.push("同一人不宜同时担任书记和副书记。");
        }
        if self.is_active() && !self.roles.is_empty() && self.on_probation(Some(today)) {
            out.push("受留党察看处分的党员，党内职务自然撤销（《中国共产党纪律处分条例》第十一条），请调整其职务。");
        }
        out
    }

    /// The day the 预备期 ends, for a 预备党员 whose 入党日期 is known: a
    /// year after 入党, or the end of its extension.
    pub fn probationary_period_ends(&self) -> Option<NaiveDate> {
        if self.standing != Standing::Probationary {
            return None;
        }
        self.probation_period_end()
    }

    /// The end of the 预备期, extended or not, whatever the standing now:
    /// an old 转正 vote is read against the period it ended.
    pub fn probation_period_end(&self) -> Option<NaiveDate> {
        match &self.extension {
            Some(e) => Some(e.until),
            None => self.first_year_ends(),
        }
    }

    /// A year after the 支部大会 admitted them.
    pub fn first_year_ends(&self) -> Option<NaiveDate> {
        self.admitted_on?.checked_add_months(Months::new(12))
    }

    /// What is wrong with a recorded 延长预备期: not less than half a year,
    /// not more than one, counted from the end of the first year.
    pub fn extension_warnings(&self) -> Vec<&'static str> {
        let (Some(e), Some(first)) = (&self.extension, self.first_year_ends()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if first
            .checked_add_months(Months::new(6))
            .is_some_and(|least| e.until < least)
        {
            out.push("延长预备期不能少于半年（《中国共产党发展党员工作细则》第三十二条）。");
        }
        if first
            .checked_add_months(Months::new(12))
            .is_some_and(|most| e.until > most)
        {
            out.push("延长预备期不能超过一年（党章第七条）。");
        }
        out
    }
}

/// Gives a member new posts from `on`: the posts they leave go into their
/// history with the day they ended, so old records keep who held what.
pub fn change_posts(member: &mut Member, roles: Vec<Role>, duty: String, on: NaiveDate) {
    let duty = duty.trim().to_string();
    if roles == member.roles && duty == member.duty {
        return;
    }
    for role in &member.roles {
        let duty_changed = *role == Role::CommitteeMember && duty != member.duty;
        if roles.contains(role) && !duty_changed {
            continue;
        }
        if member.posts_since.is_some_and(|since| since >= on) {
            // Corrected on the day it began: nothing was held in between.
            continue;
        }
        member.former_posts.push(FormerPost {
            role: *role,
            duty: if *role == Role::CommitteeMember {
                member.duty.clone()
            } else {
                String::new()
            },
            from: member.posts_since,
            until: on,
        });
    }
    member.roles = roles;
    member.duty = duty;
    member.posts_since = Some(on);
}

/// Setup names the branch's 书记 as it already is: the chosen member holds
/// the post (since a day the app does not know, so old records count them
/// too), and anyone else named 书记 by mistake no longer does. A later
/// change of 书记 is a 换届 or the member form, which keep the history.
pub fn name_secretary(members: &mut [Member], id: &str) {
    for member in members.iter_mut() {
        if member.id == id {
            if !member.has_role(Role::Secretary) {
                member.roles.retain(|r| *r != Role::DeputySecretary);
                member.roles.insert(0, Role::Secretary);
            }
        } else {
            member.roles.retain(|r| *r != Role::Secretary);
        }
    }
}

/// Puts the members `ids` into the 党小组 `group_id` (`None`: into none),
/// in one edit: assigning a group is one tap for all the names ticked.
pub fn assign_group(members: &mut [Member], ids: &[String], group_id: Option<&str>) {
    for member in members.iter_mut().filter(|m| ids.contains(&m.id)) {
        member.group_id = group_id.map(str::to_string);
    }
}

/// The roster in the branch's order, the one order every list and sheet
/// of names follows (`in_display_order`), members who left at the end.
pub fn display_order<'a>(branch: &Branch, members: &'a [Member]) -> Vec<&'a Member> {
    let mut sorted: Vec<&Member> = members.iter().collect();
    in_display_order(branch, members, &mut sorted, |m| *m);
    sorted
}

/// Puts `items` (each naming a member of `members`) in the branch's order
/// of names (`Branch::name_order`):
/// - 姓氏笔画 or 拼音: the committee first (书记, 副书记, 委员), then each
///   党小组 in the branch's order of groups with its 党小组长 first, the
///   members of no group after the groups; by name within each
///   (`name_order::name_key`).
/// - 自定义顺序: the secretary's own order (`Branch::own_order`), then
///   whoever it does not name in the roster's order.
///
/// Members who left come last either way.
pub fn in_display_order<T>(
    branch: &Branch,
    members: &[Member],
    items: &mut [T],
    member: impl Fn(&T) -> &Member,
) {
    items.sort_by_cached_key(|item| place_in_list(branch, members, member(item), false));
}

/// Puts `items` in the order of a list by 党小组: each group in the
/// branch's order of groups, led by its 党小组长, then by name, members of
/// no group after the groups. A 书记 or 委员 stands in their own group like
/// any member: 党员领导干部 take part in their 党小组's life "以普通党员身份"
/// (《关于新形势下党内政治生活的若干准则》), and the committee as such is not
/// a 党小组. In the secretary's own order, that order (`in_display_order`).
pub fn in_group_order<T>(
    branch: &Branch,
    members: &[Member],
    items: &mut [T],
    member: impl Fn(&T) -> &Member,
) {
    items.sort_by_cached_key(|item| place_in_list(branch, members, member(item), true));
}

/// `items` as a list by 党小组 shows them (`in_group_order`): (the
/// section's heading, its items), a section per group that has any, then
/// "未分党小组"; a list of one section has no heading. In the secretary's
/// own order the list is one section in that order: the secretary chose
/// an order of their own over any grouping.
pub fn by_group<T>(
    branch: &Branch,
    members: &[Member],
    mut items: Vec<T>,
    member: impl Fn(&T) -> &Member,
) -> Vec<(String, Vec<T>)> {
    if branch.name_order == NameOrder::Own {
        in_display_order(branch, members, &mut items, &member);
        return vec![(String::new(), items)];
    }
    in_group_order(branch, members, &mut items, &member);
    let mut sections: Vec<(String, Vec<T>)> = Vec::new();
    for item in items {
        let heading = member(&item)
            .group_id
            .as_deref()
            .and_then(|g| branch.group_name(g))
            .unwrap_or("未分党小组");
        match sections.last_mut() {
            Some((last, list)) if last == heading => list.push(item),
            _ => sections.push((heading.to_string(), vec![item])),
        }
    }
    if let [(heading, _)] = sections.as_mut_slice() {
        heading.clear();
    }
    sections
}

/// Where `m` stands in a list: members who left last; then the place the
/// order gives (the own order, or the committee (unless `by_group`), the
/// group and its leader); then the name's key; the id breaks ties.
fn place_in_list(
    branch: &Branch,
    members: &[Member],
    m: &Member,
    by_group: bool,
) -> (bool, (usize, usize, usize, usize), Vec<u32>, String) {
    let order = branch.name_order;
    let place = if order == NameOrder::Own {
        let own = branch.own_order.iter().position(|id| *id == m.id);
        let pasted = members.iter().position(|x| x.id == m.id);
        (
            own.unwrap_or(usize::MAX),
            pasted.unwrap_or(usize::MAX),
            0,
            0,
        )
    } else {
        let group = m
            .group_id
            .as_ref()
            .and_then(|g| branch.groups.iter().position(|x| x.id == *g))
            .unwrap_or(branch.groups.len());
        let leads = usize::from(!m.has_role(Role::GroupLeader));
        let committee = if by_group { 0 } else { committee_rank(m) };
        (0, committee, group, leads)
    };
    let key = if order == NameOrder::Own {
        Vec::new()
    } else {
        name_key(order, &m.name)
    };
    (!m.is_active(), place, key, m.id.clone())
}

/// Puts `items`, each about the member with the id it gives, in the
/// branch's order (`in_display_order`); an id the roster lacks goes last.
pub fn in_display_order_by_id<T>(
    branch: &Branch,
    members: &[Member],
    items: &mut [T],
    id: impl Fn(&T) -> &str,
) {
    let order = display_order(branch, members);
    items.sort_by_cached_key(|item| {
        let id = id(item);
        order.iter().position(|m| m.id == id).unwrap_or(usize::MAX)
    });
}

/// Lists `members` in `ids`' order (a display order worked out
/// elsewhere), whoever it does not name after, as they were.
pub fn list_in_order(members: &mut [Member], ids: &[String]) {
    members.sort_by_key(|m| ids.iter().position(|id| *id == m.id).unwrap_or(usize::MAX));
}

/// (id, name) of the active members in the branch's order, for pickers.
pub fn active_names(branch: &Branch, members: &[Member]) -> Vec<(String, String)> {
    display_order(branch, members)
        .into_iter()
        .filter(|m| m.is_active())
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect()
}

/// Moves the member `id` one place up (or down) the secretary's own order
/// among the members in the branch, writing the whole order as it then
/// stands into `Branch::own_order`.
pub fn move_in_own_order(branch: &mut Branch, members: &[Member], id: &str, up: bool) {
    let mut own = branch.clone();
    own.name_order = NameOrder::Own;
    let mut ids: Vec<String> = display_order(&own, members)
        .into_iter()
        .map(|m| m.id.clone())
        .collect();
    let active = members.iter().filter(|m| m.is_active()).count();
    let Some(at) = ids.iter().position(|x| x == id).filter(|at| *at < active) else {
        return;
    };
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|to| *to < active)
    };
    if let Some(to) = to {
        ids.swap(at, to);
        branch.own_order = ids;
    }
}

/// The committee's posts first (书记, 副书记, 委员); everyone else after.
fn committee_rank(member: &Member) -> usize {
    [
        Role::Secretary,
        Role::DeputySecretary,
        Role::CommitteeMember,
    ]
    .iter()
    .position(|r| member.has_role(*r))
    .unwrap_or(3)
}

/// Puts into `target` (the member as stored now) the fields the form
/// changed from `original` (as it was opened) to `edited`: a form open for
/// a while never writes fields nobody touched over a newer copy.
pub fn apply_form_changes(target: &mut Member, original: &Member, edited: &Member) {
    macro_rules! changed {
        ($($field:ident),*) => {
            $(if edited.$field != original.$field {
                target.$field = edited.$field.clone();
            })*
        };
    }
    changed!(
        name,
        group_id,
        standing,
        admitted_on,
        roles,
        duty,
        status,
        joined_on,
        probation,
        exempt,
        note,
        confirmed_on,
        extension,
        suspension,
        former_posts,
        posts_since
    );
}

impl Kind for Member {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("党员：{}", self.name)
    }

    fn filed_year(&self) -> Option<i32> {
        // The roster is stored whole and home counts it.
        None
    }

    const NOUN: &'static str = "党员";
    const COUNTER: &'static str = "名";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut seen = HashSet::new();
        for (i, m) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut seen, &m.id, "党员");
            if m.name.trim().is_empty() {
                c.problem("name", "姓名为空");
            }
            c.length("name", &m.name, limits::SHORT);
            c.length("note", &m.note, limits::TEXT);
            c.length("duty", &m.duty, limits::SHORT);
            if let Some(e) = &m.exempt {
                c.length("exempt.reason", &e.reason, limits::SHORT);
            }
            for (j, post) in m.former_posts.iter().enumerate() {
                c.length(
                    &format!("former_posts[{j}].duty"),
                    &post.duty,
                    limits::SHORT,
                );
            }
            if let Some(g) = &m.group_id {
                c.group("group_id", g, known);
            }
        }
    }

    /// The roster travels everywhere, but private notes (phone numbers,
    /// circumstances) and a 中止 of rights (留置、逮捕) stay on the
    /// secretary's phone.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        match packing.scope {
            Scope::Full => Some(self.clone()),
            Scope::Branch | Scope::Return => Some(Member {
                note: String::new(),
                suspension: None,
                ..self.clone()
            }),
        }
    }

    /// The roster is the members, not a record that names them.
    /// The roster is one record, never deleted.
    fn pack_deletion(_: &Packing, _: bool) -> bool {
        false
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}

crate::domain::kind::keyed_by_id!(Member);

/// Members of an incoming roster who are new to `local` (another id) but
/// share a name with one of its members: a member who typed the roster
/// themselves. Merged as they are, the roster holds those names twice; the
/// import asks first. Each name once, in the incoming roster's order.
pub fn namesakes(local: &[Member], incoming: &[Member]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for member in incoming {
        let name = member.name.trim();
        let new_here = !local.iter().any(|m| m.id == member.id);
        let namesake = local
            .iter()
            .any(|m| m.id != member.id && m.name.trim() == name);
        if !name.is_empty() && new_here && namesake && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// A shared roster about to be merged into `local`: each member keeps the
/// note and 中止 this phone has for them.
pub fn keep_private_notes(shared: &mut [Member], local: &[Member]) {
    for member in shared {
        if let Some(mine) = local.iter().find(|m| m.id == member.id) {
            member.note = mine.note.clone();
            member.suspension = mine.suspension.clone();
        }
    }
}

/// Why a name cannot be saved as typed, if it cannot.
pub fn check_member_name(name: &str) -> Result<String, &'static str> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err("请填写姓名");
    }
    if trimmed.chars().count() > super::limits::NAME {
        return Err("姓名不能超过 40 个字");
    }
    Ok(trimmed.to_string())
}

/// A 正式党员 known by name only, as a pasted list gives them: the rest is
/// filled in later, if ever.
pub fn member_named(id: String, name: String, joined_on: NaiveDate) -> Member {
    Member {
        joined_on: Some(joined_on),
        ..Member::new(id, name, Standing::Full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::{day, full, in_group, probationary};
    use crate::domain::PartyGroup;

    fn with_roles(mut m: Member, roles: &[Role]) -> Member {
        m.roles = roles.to_vec();
        m
    }

    fn named(id: &str, name: &str) -> Member {
        let mut m = full(id);
        m.name = name.into();
        m
    }

    fn branch_with_groups(order: NameOrder) -> Branch {
        Branch {
            groups: vec![
                PartyGroup {
                    id: "g2".into(),
                    name: "第一党小组".into(),
                },
                PartyGroup {
                    id: "g1".into(),
                    name: "第二党小组".into(),
                },
            ],
            name_order: order,
            ..Branch::default()
        }
    }

    fn names<'a>(branch: &Branch, members: &'a [Member]) -> Vec<&'a str> {
        display_order(branch, members)
            .iter()
            .map(|m| m.name.as_str())
            .collect()
    }

    #[test]
    fn secretary_first_and_members_who_left_last() {
        let mut gone = named("1", "丁一");
        gone.status = MemberStatus::Left {
            on: None,
            why: Some(Reduction::TransferredOut),
            reason: String::new(),
        };
        let members = vec![
            gone,
            named("2", "王二"),
            with_roles(named("3", "王三"), &[Role::GroupLeader]),
            with_roles(named("4", "周四"), &[Role::CommitteeMember]),
            with_roles(named("5", "周五"), &[Role::Secretary]),
        ];
        assert_eq!(
            names(&Branch::default(), &members),
            ["周五", "周四", "王三", "王二", "丁一"]
        );
    }

    #[test]
    fn members_without_a_group_come_after_the_groups() {
        let members = vec![
            named("1", "丁一"),
            in_group(named("2", "王二"), "g1"),
            in_group(named("3", "刘三"), "g2"),
            in_group(with_roles(named("4", "周四"), &[Role::GroupLeader]), "g1"),
            in_group(named("5", "吴五"), "g2"),
        ];
        // The groups in the branch's order (g2 is 第一党小组), each led by
        // its 党小组长, then by 姓氏笔画; the member of no group last.
        assert_eq!(
            names(&branch_with_groups(NameOrder::Strokes), &members),
            ["刘三", "吴五", "周四", "王二", "丁一"]
        );
    }

    #[test]
    fn the_branch_setting_chooses_strokes_or_pinyin() {
        let members = vec![
            named("1", "周敏"),
            named("2", "何平"),
            named("3", "刘洋"),
            named("4", "吴昊"),
            named("5", "王芳"),
            named("6", "丁一"),
        ];
        let mut branch = Branch::default();
        assert_eq!(branch.name_order, NameOrder::Strokes, "a new branch");
        assert_eq!(
            names(&branch, &members),
            ["丁一", "王芳", "刘洋", "吴昊", "何平", "周敏"]
        );
        branch.name_order = NameOrder::Pinyin;
        assert_eq!(
            names(&branch, &members),
            ["丁一", "何平", "刘洋", "王芳", "吴昊", "周敏"]
        );
    }

    #[test]
    fn the_own_order_keeps_the_pasted_order_until_a_name_moves() {
        let mut gone = named("9", "丁九");
        gone.status = MemberStatus::Left {
            on: None,
            why: None,
            reason: String::new(),
        };
        let mut members = vec![
            named("1", "周敏"),
            gone,
            with_roles(named("2", "何平"), &[Role::Secretary]),
            in_group(named("3", "刘洋"), "g1"),
        ];
        let mut branch = branch_with_groups(NameOrder::Own);
        assert_eq!(names(&branch, &members), ["周敏", "何平", "刘洋", "丁九"]);
        move_in_own_order(&mut branch, &members, "3", true);
        assert_eq!(names(&branch, &members), ["周敏", "刘洋", "何平", "丁九"]);
        move_in_own_order(&mut branch, &members, "1", true);
        assert_eq!(
            names(&branch, &members),
            ["周敏", "刘洋", "何平", "丁九"],
            "the first stays first"
        );
        move_in_own_order(&mut branch, &members, "2", false);
        assert_eq!(
            names(&branch, &members),
            ["周敏", "刘洋", "何平", "丁九"],
            "the last in the branch stays above the members who left"
        );
        members.push(named("4", "丁一"));
        assert_eq!(
            names(&branch, &members),
            ["周敏", "刘洋", "何平", "丁一", "丁九"],
            "a member added later comes after the ordered ones"
        );
    }

    fn sections<'a>(branch: &Branch, members: &'a [Member]) -> Vec<(String, Vec<&'a str>)> {
        by_group(branch, members, members.iter().collect(), |m| *m)
            .into_iter()
            .map(|(heading, list)| (heading, list.iter().map(|m| m.name.as_str()).collect()))
            .collect()
    }

    #[test]
    fn a_list_by_group_lists_each_member_in_their_own_group_led_by_its_leader() {
        let members = vec![
            in_group(
                with_roles(named("1", "丁一"), &[Role::CommitteeMember]),
                "g2",
            ),
            in_group(
                with_roles(
                    named("2", "王二"),
                    &[Role::CommitteeMember, Role::GroupLeader],
                ),
                "g2",
            ),
            in_group(named("3", "刘三"), "g2"),
            in_group(with_roles(named("4", "周四"), &[Role::Secretary]), "g1"),
            in_group(with_roles(named("5", "吴五"), &[Role::GroupLeader]), "g1"),
            named("6", "马六"),
        ];
        let branch = branch_with_groups(NameOrder::Strokes);
        // The 委员 who leads 第一党小组 leads it here, not the committee;
        // the 书记 is a member of 第二党小组 like any other.
        assert_eq!(
            sections(&branch, &members),
            [
                ("第一党小组".to_string(), vec!["王二", "丁一", "刘三"]),
                ("第二党小组".to_string(), vec!["吴五", "周四"]),
                ("未分党小组".to_string(), vec!["马六"]),
            ]
        );
        // A list without groups keeps the committee first.
        assert_eq!(
            names(&branch, &members),
            ["周四", "王二", "丁一", "刘三", "吴五", "马六"]
        );
    }

    #[test]
    fn a_list_by_group_of_one_group_has_no_heading() {
        let members = vec![
            in_group(named("1", "丁一"), "g1"),
            in_group(with_roles(named("2", "王二"), &[Role::GroupLeader]), "g1"),
        ];
        assert_eq!(
            sections(&branch_with_groups(NameOrder::Pinyin), &members),
            [(String::new(), vec!["王二", "丁一"])]
        );
    }

    #[test]
    fn in_the_secretarys_own_order_a_list_by_group_is_one_list_in_that_order() {
        let members = vec![
            in_group(named("1", "周敏"), "g1"),
            in_group(named("2", "何平"), "g2"),
            in_group(with_roles(named("3", "刘洋"), &[Role::GroupLeader]), "g1"),
        ];
        let mut branch = branch_with_groups(NameOrder::Own);
        move_in_own_order(&mut branch, &members, "3", true);
        assert_eq!(
            sections(&branch, &members),
            [(String::new(), vec!["周敏", "刘洋", "何平"])]
        );
    }

    #[test]
    fn a_committee_member_who_leads_a_group_is_both() {
        let m = with_roles(full("1"), &[Role::CommitteeMember, Role::GroupLeader]);
        assert!(m.is_committee());
        assert!(m.has_role(Role::GroupLeader));
        let mut m = m;
        m.duty = "组织委员".into();
        assert_eq!(m.roles_label(), "组织委员、党小组长");
        assert_eq!(full("2").roles_label(), "党员");
    }

    #[test]
    fn probationary_members_and_members_under_probation_have_no_vote() {
        assert!(full("a").votes_on(Some(day(2026, 3, 1))));
        assert!(!probationary("b").votes_on(Some(day(2026, 3, 1))));
        let mut c = full("c");
        c.probation = Some(Probation {
            from: day(2025, 6, 1),
            until: Some(day(2026, 6, 1)),
        });
        assert!(c.votes_on(Some(day(2025, 5, 31))));
        assert!(!c.votes_on(Some(day(2025, 6, 1))));
        assert!(!c.votes_on(Some(day(2026, 5, 31))));
        assert!(c.votes_on(Some(day(2026, 6, 1))));
    }

    #[test]
    fn a_probationary_member_given_a_committee_post_is_warned_about() {
        let today = day(2026, 3, 1);
        let m = with_roles(probationary("p"), &[Role::CommitteeMember]);
        assert_eq!(m.role_warnings(today).len(), 1);
        assert!(with_roles(probationary("q"), &[Role::GroupLeader])
            .role_warnings(today)
            .is_empty());
        assert!(with_roles(full("r"), &[Role::Secretary])
            .role_warnings(today)
            .is_empty());
    }

    #[test]
    fn a_member_under_probation_who_still_holds_a_post_is_flagged() {
        let mut m = with_roles(full("g"), &[Role::GroupLeader]);
        m.probation = Some(Probation {
            from: day(2026, 3, 1),
            until: Some(day(2027, 3, 1)),
        });
        let flagged = |on| {
            m.role_warnings(on)
                .iter()
                .any(|w| w.contains("党内职务自然撤销"))
        };
        assert!(!flagged(day(2026, 2, 28)), "the day before");
        assert!(flagged(day(2026, 3, 1)), "the day it begins");
        assert!(flagged(day(2027, 2, 28)));
        assert!(!flagged(day(2027, 3, 1)), "the day it ends");
        m.roles.clear();
        assert!(m.role_warnings(day(2026, 6, 1)).is_empty());
    }

    #[test]
    fn the_probationary_period_ends_a_year_after_admission_or_at_the_end_of_its_extension() {
        let mut p = probationary("p");
        p.admitted_on = Some(day(2025, 12, 20));
        assert_eq!(p.probationary_period_ends(), Some(day(2026, 12, 20)));
        p.extension = Some(Extension {
            decided_on: day(2026, 12, 22),
            until: day(2027, 6, 20),
        });
        assert_eq!(p.probationary_period_ends(), Some(day(2027, 6, 20)));
        assert!(p.extension_warnings().is_empty());
    }

    #[test]
    fn an_extension_of_less_than_half_a_year_or_more_than_one_is_flagged() {
        let mut p = probationary("p");
        p.admitted_on = Some(day(2025, 3, 10));
        let warnings = |p: &mut Member, until| {
            p.extension = Some(Extension {
                decided_on: day(2026, 3, 12),
                until,
            });
            p.extension_warnings().len()
        };
        assert_eq!(
            warnings(&mut p, day(2026, 9, 9)),
            1,
            "a day short of half a year"
        );
        assert_eq!(warnings(&mut p, day(2026, 9, 10)), 0, "half a year");
        assert_eq!(warnings(&mut p, day(2027, 3, 10)), 0, "one year");
        assert_eq!(warnings(&mut p, day(2027, 3, 11)), 1, "a day over a year");
    }

    #[test]
    fn a_full_member_was_probationary_before_the_day_of_confirmation() {
        let mut m = full("f");
        m.admitted_on = Some(day(2025, 5, 8));
        m.confirmed_on = Some(day(2026, 5, 8));
        let on = |m: &Member, d| m.standing_on(Some(d));
        assert_eq!(on(&m, day(2026, 5, 7)), Standing::Probationary);
        assert_eq!(on(&m, day(2026, 5, 8)), Standing::Full);
        assert_eq!(on(&m, day(2026, 5, 9)), Standing::Full);
        assert!(!m.votes_on(Some(day(2026, 5, 7))));
        assert!(m.votes_on(Some(day(2026, 5, 8))));
        // Without a recorded date, the end of the 预备期 stands for it.
        m.confirmed_on = None;
        assert_eq!(on(&m, day(2026, 5, 7)), Standing::Probationary);
        assert_eq!(on(&m, day(2026, 5, 8)), Standing::Full);
        // A member whose admission is not recorded was always 正式 here.
        assert_eq!(full("g").standing_on(Some(day(2000, 1, 1))), Standing::Full);
    }

    #[test]
    fn a_member_whose_rights_are_suspended_has_no_vote_while_it_lasts() {
        let mut m = full("s");
        m.suspension = Some(Suspension {
            from: day(2026, 4, 1),
            until: Some(day(2026, 10, 1)),
        });
        assert!(m.votes_on(Some(day(2026, 3, 31))));
        assert!(!m.votes_on(Some(day(2026, 4, 1))));
        assert!(!m.votes_on(Some(day(2026, 9, 30))));
        assert!(m.votes_on(Some(day(2026, 10, 1))));
        let branch_package = crate::domain::kind::Packing {
            scope: crate::domain::kind::Scope::Branch,
            ..crate::domain::kind::Packing::FULL
        };
        assert!(
            m.pack(&branch_package, true).unwrap().suspension.is_none(),
            "a 中止 stays on the secretary's phone"
        );
    }

    #[test]
    fn posts_held_before_are_kept_with_the_day_they_ended() {
        let mut m = with_roles(full("c"), &[Role::CommitteeMember, Role::GroupLeader]);
        m.duty = "组织委员".into();
        m.posts_since = Some(day(2023, 3, 15));
        change_posts(
            &mut m,
            vec![Role::Secretary],
            String::new(),
            day(2026, 3, 20),
        );
        assert_eq!(m.roles, [Role::Secretary]);
        assert_eq!(m.former_posts.len(), 2);
        assert_eq!(m.former_posts[0].duty, "组织委员");
        let roles = |d| m.roles_on(Some(d));
        assert_eq!(
            roles(day(2026, 3, 19)),
            [Role::CommitteeMember, Role::GroupLeader]
        );
        assert_eq!(roles(day(2026, 3, 20)), [Role::Secretary]);
        assert!(roles(day(2023, 3, 14)).is_empty(), "before the first term");
        assert!(m.committee_on(Some(day(2026, 3, 19))));
        assert!(m.committee_on(Some(day(2026, 3, 21))));
        // The same posts again change nothing.
        change_posts(
            &mut m,
            vec![Role::Secretary],
            String::new(),
            day(2026, 4, 1),
        );
        assert_eq!(m.former_posts.len(), 2);
        assert_eq!(m.posts_since, Some(day(2026, 3, 20)));
    }

    #[test]
    fn the_secretary_named_at_setup_is_the_only_one_and_keeps_other_posts() {
        let mut members = vec![
            with_roles(full("a"), &[Role::Secretary]),
            with_roles(full("b"), &[Role::GroupLeader]),
            full("c"),
        ];
        name_secretary(&mut members, "b");
        assert!(members[0].roles.is_empty());
        assert_eq!(members[1].roles, [Role::Secretary, Role::GroupLeader]);
        assert_eq!(members[1].posts_since, None, "held before the app knew");
        assert!(members[1]
            .roles_on(Some(day(2020, 1, 1)))
            .contains(&Role::Secretary));
        // Naming the same member again changes nothing.
        name_secretary(&mut members, "b");
        assert_eq!(members[1].roles, [Role::Secretary, Role::GroupLeader]);
    }

    #[test]
    fn the_names_ticked_go_into_the_group_picked_and_no_one_else_moves() {
        let mut members = vec![full("a"), full("b"), full("c")];
        members[2].group_id = Some("g2".into());
        assign_group(&mut members, &["a".into(), "c".into()], Some("g1"));
        let groups: Vec<_> = members.iter().map(|m| m.group_id.as_deref()).collect();
        assert_eq!(groups, [Some("g1"), None, Some("g1")]);
        assign_group(&mut members, &["c".into()], None);
        assert_eq!(members[2].group_id, None);
    }

    #[test]
    fn reduction_reasons_typed_by_hand_are_recognised() {
        assert_eq!(
            Reduction::from_text("组织关系转出"),
            Reduction::TransferredOut
        );
        assert_eq!(Reduction::from_text("因病去世"), Reduction::Died);
        assert_eq!(Reduction::from_text("退休"), Reduction::Other);
    }

    #[test]
    fn a_form_saves_only_the_fields_it_changed() {
        let original = full("1");
        let mut edited = original.clone();
        edited.note = "新备注".into();
        let mut stored = original.clone();
        stored.name = "另一页改的名字".into();
        apply_form_changes(&mut stored, &original, &edited);
        assert_eq!(stored.name, "另一页改的名字");
        assert_eq!(stored.note, "新备注");
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(check_member_name("  张三 "), Ok("张三".to_string()));
        assert!(check_member_name("   ").is_err());
        assert!(check_member_name(&"长".repeat(41)).is_err());
    }
}
