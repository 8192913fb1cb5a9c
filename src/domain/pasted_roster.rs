//! A 花名册 pasted at setup: a sheet copied from Excel or Word (tab-separated
//! cells, with or without a header row such as 序号/姓名/性别/类别/党小组),
//! or a list typed in a chat ("第一党小组：王建国、李四", one name a line,
//! names separated by 、，,;； or spaces). What comes out is each member's
//! name, 正式 or 预备, and 党小组 where the paste says so; the setup screen
//! shows it as a table and adds nothing until the member confirms.

use super::branch::PartyGroup;
use super::roster::{check_member_name, member_named, Member, Standing};
use chrono::NaiveDate;

/// One member as the paste gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedMember {
    pub name: String,
    pub standing: Standing,
    /// The 党小组's name as written.
    pub group: Option<String>,
}

/// What a paste holds, in its order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedRoster {
    pub members: Vec<PastedMember>,
    /// Names given more than once: added once.
    pub repeated: Vec<String>,
    /// Names already on the roster: not added again.
    pub on_roster: Vec<String>,
}

/// Header cells naming the columns a roster may have.
const NAME_HEADERS: [&str; 3] = ["姓名", "党员姓名", "名字"];
const STANDING_HEADERS: [&str; 6] = ["类别", "党员类别", "人员类别", "党员身份", "身份", "党籍"];
/// Cells that are never a name: a 性别, a 类别, a header word.
const NOT_NAMES: [&str; 10] = [
    "男",
    "女",
    "正式党员",
    "预备党员",
    "正式",
    "预备",
    "党员",
    "序号",
    "性别",
    "类别",
];

/// Reads a pasted roster; `roster` is who is on it already.
pub fn read_roster(text: &str, roster: &[Member]) -> PastedRoster {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Tabs stay: a row whose first cell is empty still starts with one.
    let mut lines = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() && c != '\t'))
        .filter(|l| !l.trim().is_empty())
        .peekable();
    let header = lines.peek().and_then(|l| Header::read(l));
    if header.is_some() {
        lines.next();
    }
    let mut found: Vec<PastedMember> = Vec::new();
    let mut heading: Option<String> = None;
    for line in lines {
        match &header {
            Some(h) if h.is_row(line) => found.extend(h.row(line)),
            _ => read_line(line, &mut found, &mut heading),
        }
    }
    let mut out = PastedRoster::default();
    for member in found {
        if roster.iter().any(|m| m.name == member.name) {
            if !out.on_roster.contains(&member.name) {
                out.on_roster.push(member.name);
            }
        } else if out.members.iter().any(|m| m.name == member.name) {
            if !out.repeated.contains(&member.name) {
                out.repeated.push(member.name);
            }
        } else {
            out.members.push(member);
        }
    }
    out
}

impl PastedRoster {
    /// The 党小组 the paste names that the branch does not have yet, each
    /// once, in the paste's order.
    pub fn new_groups(&self, existing: &[PartyGroup]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for group in self.members.iter().filter_map(|m| m.group.as_ref()) {
            if !existing.iter().any(|g| &g.name == group) && !names.contains(group) {
                names.push(group.clone());
            }
        }
        names
    }

    /// The members to add, each with an id from `new_id` and the 党小组 of
    /// `groups` (the branch's, the new ones included) named in the paste.
    pub fn to_members(
        &self,
        groups: &[PartyGroup],
        mut new_id: impl FnMut() -> String,
        joined_on: NaiveDate,
    ) -> Vec<Member> {
        self.members
            .iter()
            .map(|p| Member {
                standing: p.standing,
                group_id: p.group.as_ref().and_then(|name| {
                    groups
                        .iter()
                        .find(|g| &g.name == name)
                        .map(|g| g.id.clone())
                }),
                ..member_named(new_id(), p.name.clone(), joined_on)
            })
            .collect()
    }
}

/// The columns a header row names.
struct Header {
    /// Cells split at tabs (a sheet), or at ASCII spaces (a header typed
    /// with spaces; a full-width space pads a name inside its cell).
    tabs: bool,
    name: usize,
    standing: Option<usize>,
    group: Option<usize>,
}

impl Header {
    fn read(line: &str) -> Option<Header> {
        let tabs = line.contains('\t');
        let cells = split_cells(line, tabs);
        let is = |cell: &str, words: &[&str]| words.contains(&squeeze(cell).as_str());
        let name = cells.iter().position(|c| is(c, &NAME_HEADERS))?;
        Some(Header {
            tabs,
            name,
            standing: cells.iter().position(|c| is(c, &STANDING_HEADERS)),
            group: cells.iter().position(|c| squeeze(c).ends_with("小组")),
        })
    }

    /// A row of the sheet, not a line such as "第一党小组：王建国、李四"
    /// pasted below it.
    fn is_row(&self, line: &str) -> bool {
        split_cells(line, self.tabs).len() > 1
    }

    fn row(&self, line: &str) -> Option<PastedMember> {
        let cells = split_cells(line, self.tabs);
        let name = name_in(cells.get(self.name)?)?;
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map(|c| squeeze(c));
        Some(PastedMember {
            name,
            standing: standing_in(&cell(self.standing).unwrap_or_default())
                .unwrap_or(Standing::Full),
            group: cell(self.group).filter(|g| is_group_cell(g)),
        })
    }
}

fn split_cells(line: &str, tabs: bool) -> Vec<&str> {
    if tabs {
        line.split('\t').map(str::trim).collect()
    } else {
        line.split([' ', '\t']).filter(|c| !c.is_empty()).collect()
    }
}

/// A line without a header: a sheet's row (with tabs), a group's line
/// ("第一党小组：王建国、李四"), a heading ("第一党小组：") whose names
/// follow on the next lines, or names.
fn read_line(line: &str, found: &mut Vec<PastedMember>, heading: &mut Option<String>) {
    if line.contains('\t') {
        found.extend(row_without_header(line));
        return;
    }
    let (label, names) = match line.split_once(['：', ':']) {
        Some((label, names)) => (Some(squeeze(label)), names),
        None if squeeze(line).ends_with("党小组") => (Some(squeeze(line)), ""),
        None => (None, line),
    };
    let mut group = heading.clone();
    let mut standing = Standing::Full;
    if let Some(label) = label {
        let label = strip_number(&label).to_string();
        if is_group(&label) {
            group = Some(label.clone());
        }
        if let Some(s) = standing_in(&label) {
            standing = s;
        }
        if names.trim().is_empty() {
            // A heading: the names follow.
            *heading = is_group(&label).then_some(label);
            return;
        }
    }
    for piece in name_pieces(names) {
        let (piece, note) = split_note(&piece);
        let Some(name) = name_in(piece) else {
            continue;
        };
        found.push(PastedMember {
            name,
            standing: note.and_then(standing_in).unwrap_or(standing),
            group: group.clone(),
        });
    }
}

/// A sheet's row without its header: the first cell that reads as a
/// name, 预备 from a cell that says so, the 党小组 from a cell ending in 组.
fn row_without_header(line: &str) -> Option<PastedMember> {
    let cells: Vec<String> = split_cells(line, true).into_iter().map(squeeze).collect();
    let at = cells.iter().position(|c| name_in(c).is_some())?;
    let others = || cells.iter().enumerate().filter(move |(i, _)| *i != at);
    Some(PastedMember {
        name: name_in(&cells[at])?,
        standing: others()
            .find_map(|(_, c)| standing_in(c))
            .unwrap_or(Standing::Full),
        group: others().map(|(_, c)| c.clone()).find(|c| is_group(c)),
    })
}

/// The pieces of a list of names: split at 、，,;； and spaces; a name padded
/// with a full-width space ("张　三") and a name with spaces around its
/// middle dot ("买买提 · 艾力") are joined back.
fn name_pieces(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    for chunk in text.split(['、', '，', ',', '；', ';']) {
        let mut words: Vec<String> = Vec::new();
        for word in chunk.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            let word = normalise_dots(word);
            let joins = match words.last() {
                Some(last) => {
                    last.ends_with('·')
                        || word.starts_with('·')
                        || (is_one_han(last) && is_one_han(&word))
                }
                None => false,
            };
            match words.last_mut() {
                Some(last) if joins => last.push_str(&word),
                _ => words.push(word),
            }
        }
        pieces.extend(words);
    }
    pieces
}

fn is_one_han(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_ascii() && c.is_alphabetic())
}

/// "李四（预备）" → ("李四", Some("预备")).
fn split_note(piece: &str) -> (&str, Option<&str>) {
    match piece.find(['（', '(']) {
        Some(at) if at > 0 => {
            let note = piece[at..].trim_matches(['（', '(', '）', ')']);
            (&piece[..at], Some(note))
        }
        _ => (piece, None),
    }
}

/// The name in a cell or a piece, if it holds one: list numbers and
/// padding left out, every middle dot written "·".
fn name_in(text: &str) -> Option<String> {
    let name = squeeze(strip_number(text));
    let name = normalise_dots(&name);
    let readable = name.chars().any(char::is_alphabetic);
    if !readable || NOT_NAMES.contains(&name.as_str()) || NAME_HEADERS.contains(&name.as_str()) {
        return None;
    }
    check_member_name(&name).ok()
}

/// Leading list numbers: "1.", "2、", "（3）", "４．".
fn strip_number(text: &str) -> &str {
    text.trim()
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || ".．、)）(（ \u{3000}".contains(c)
        })
        .trim()
}

/// Spaces left out where they pad Chinese ("张　三", "买买提 · 艾力"); kept,
/// as one, between two Latin letters.
fn squeeze(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && c.is_ascii_alphanumeric() && out.chars().last().is_some_and(|p| p.is_ascii()) {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

/// The middle dot of 少数民族 names is typed many ways; the roster keeps
/// one ("·", as in 身份证).
fn normalise_dots(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '•' | '‧' | '・' | '∙' | '⋅' | '･' => '·',
            other => other,
        })
        .collect()
}

fn standing_in(text: &str) -> Option<Standing> {
    if text.contains("预备") {
        Some(Standing::Probationary)
    } else if text.contains("正式") {
        Some(Standing::Full)
    } else {
        None
    }
}

/// "第一党小组", "机关一组": a 党小组's name, not "无" or "-".
fn is_group(text: &str) -> bool {
    text.ends_with('组') && !text.contains("组长") && text.chars().count() <= 20
}

/// A cell of the sheet's 党小组 column: whatever the branch calls its
/// groups ("机关第三党小组（综合科）", "综合科"), but not a blank's stand-in.
fn is_group_cell(text: &str) -> bool {
    const BLANKS: [&str; 8] = ["无", "暂无", "未分组", "-", "—", "--", "/", "／"];
    !text.is_empty() && !BLANKS.contains(&text) && text.chars().count() <= 20
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::{day, full};

    fn names(r: &PastedRoster) -> Vec<&str> {
        r.members.iter().map(|m| m.name.as_str()).collect()
    }

    fn read(text: &str) -> PastedRoster {
        read_roster(text, &[])
    }

    fn member(name: &str, standing: Standing, group: Option<&str>) -> PastedMember {
        PastedMember {
            name: name.into(),
            standing,
            group: group.map(str::to_string),
        }
    }

    #[test]
    fn an_excel_sheet_with_a_header_gives_the_name_column_its_standing_and_group() {
        let sheet = "序号\t姓名\t性别\t党员类别\t党小组\n\
                     1\t王建国\t男\t正式党员\t第一党小组\n\
                     2\t李　娜\t女\t预备党员\t第二党小组\n\
                     3\t买买提·艾力\t男\t正式党员\t\n\
                     \t赵　六\t女\t预备党员\t第一党小组\n\
                     \t\t\t\t\n";
        assert_eq!(
            read(sheet).members,
            [
                member("王建国", Standing::Full, Some("第一党小组")),
                member("李娜", Standing::Probationary, Some("第二党小组")),
                member("买买提·艾力", Standing::Full, None),
                member("赵六", Standing::Probationary, Some("第一党小组")),
            ]
        );
    }

    #[test]
    fn the_group_column_keeps_a_name_that_does_not_end_in_组_and_drops_a_blank_stand_in() {
        let sheet =
            "姓名\t党小组\n欧阳建华\t机关第三党小组（综合科）\n周敏\t综合科\n刘洋\t无\n吴昊\t-";
        let groups: Vec<_> = read(sheet).members.into_iter().map(|m| m.group).collect();
        assert_eq!(
            groups,
            [
                Some("机关第三党小组（综合科）".to_string()),
                Some("综合科".to_string()),
                None,
                None,
            ]
        );
    }

    #[test]
    fn a_header_in_another_order_and_with_a_plain_category_column() {
        let sheet = "姓名\t类别\t序号\n周敏\t预备\t1\n刘洋\t正式\t2";
        let read = read(sheet);
        assert_eq!(names(&read), ["周敏", "刘洋"]);
        assert_eq!(read.members[0].standing, Standing::Probationary);
        assert_eq!(read.members[1].group, None);
    }

    #[test]
    fn a_header_typed_with_spaces_keeps_a_name_padded_with_a_full_width_space() {
        let sheet = "序号 姓名 性别 类别\n1 张　三 男 正式党员\n2 欧阳娜娜 女 预备党员";
        let read = read(sheet);
        assert_eq!(names(&read), ["张三", "欧阳娜娜"]);
        assert_eq!(read.members[1].standing, Standing::Probationary);
    }

    #[test]
    fn a_sheet_without_its_header_is_read_by_what_each_cell_holds() {
        let sheet = "1\t王建国\t男\t正式党员\t第一党小组\n\
                     2\t李娜\t女\t预备党员\t第二党小组\n\
                     ３\t陈静\t女\t1985-03\t";
        assert_eq!(
            read(sheet).members,
            [
                member("王建国", Standing::Full, Some("第一党小组")),
                member("李娜", Standing::Probationary, Some("第二党小组")),
                member("陈静", Standing::Full, None),
            ]
        );
    }

    #[test]
    fn a_group_line_puts_its_names_in_that_group() {
        let text = "第一党小组：王建国、李四\n第二党小组:赵六，钱七\n孙八";
        assert_eq!(
            read(text).members,
            [
                member("王建国", Standing::Full, Some("第一党小组")),
                member("李四", Standing::Full, Some("第一党小组")),
                member("赵六", Standing::Full, Some("第二党小组")),
                member("钱七", Standing::Full, Some("第二党小组")),
                member("孙八", Standing::Full, None),
            ]
        );
    }

    #[test]
    fn a_group_heading_puts_the_names_below_it_in_that_group() {
        let text = "第一党小组：\n王建国\n李四\n\n第二党小组\n赵六";
        let read = read(text);
        let groups: Vec<_> = read.members.iter().map(|m| m.group.as_deref()).collect();
        assert_eq!(names(&read), ["王建国", "李四", "赵六"]);
        assert_eq!(
            groups,
            [Some("第一党小组"), Some("第一党小组"), Some("第二党小组")]
        );
    }

    #[test]
    fn a_label_that_is_not_a_group_is_left_out_and_预备_is_read_from_it_or_a_note() {
        let text = "预备党员：李四、王五\n党员：赵六（预备）、钱七(正式党员)\n组长：孙八";
        let read = read(text);
        assert_eq!(names(&read), ["李四", "王五", "赵六", "钱七", "孙八"]);
        let standing: Vec<_> = read.members.iter().map(|m| m.standing).collect();
        use Standing::*;
        assert_eq!(
            standing,
            [Probationary, Probationary, Probationary, Full, Full]
        );
        assert!(read.members.iter().all(|m| m.group.is_none()));
    }

    #[test]
    fn names_are_split_at_chinese_and_ascii_separators_and_spaces() {
        let text = "张三、李四，王五,赵六;钱七；孙八 周九\u{3000}吴十";
        assert_eq!(
            names(&read(text)),
            ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"]
        );
    }

    #[test]
    fn list_numbers_blank_lines_and_full_width_digits_are_left_out() {
        let text = "1. 张三\n\n2、李四\n（3）王五\n４．赵六\n\r\n 10) 钱七 \n";
        assert_eq!(names(&read(text)), ["张三", "李四", "王五", "赵六", "钱七"]);
    }

    #[test]
    fn a_name_padded_with_a_full_width_space_stays_one_name() {
        assert_eq!(
            names(&read("张　三\n李　四、王五")),
            ["张三", "李四", "王五"]
        );
    }

    #[test]
    fn minority_names_keep_their_middle_dot_however_it_was_typed() {
        let text = "买买提·艾力、阿依古丽•吐尔逊\n热依拉 · 买买提\n古丽・阿不都";
        assert_eq!(
            names(&read(text)),
            [
                "买买提·艾力",
                "阿依古丽·吐尔逊",
                "热依拉·买买提",
                "古丽·阿不都"
            ]
        );
    }

    #[test]
    fn a_name_given_twice_is_added_once_and_a_name_on_the_roster_not_again() {
        let roster = vec![Member {
            name: "王五".into(),
            ..full("1")
        }];
        let read = read_roster("张三\n李四、张三\n王五\n张三", &roster);
        assert_eq!(names(&read), ["张三", "李四"]);
        assert_eq!(read.repeated, ["张三"]);
        assert_eq!(read.on_roster, ["王五"]);
    }

    #[test]
    fn cells_that_are_not_names_and_names_too_long_are_left_out() {
        assert!(read("男\n女\n12\n2026-03-01\n序号").members.is_empty());
        assert!(read(&"长".repeat(41)).members.is_empty());
        assert!(read("").members.is_empty());
        assert!(read("\n \n\u{3000}\n").members.is_empty());
    }

    #[test]
    fn latin_names_keep_their_space() {
        assert_eq!(names(&read("姓名\tX\nAnna Lee\t1")), ["Anna Lee"]);
    }

    #[test]
    fn the_groups_a_paste_names_are_made_once_and_members_join_them() {
        let read = read("第一党小组：王建国、李四\n第二党小组：赵六\n钱七");
        let existing = vec![PartyGroup {
            id: "g1".into(),
            name: "第一党小组".into(),
        }];
        assert_eq!(read.new_groups(&existing), ["第二党小组"]);
        let mut groups = existing.clone();
        groups.push(PartyGroup {
            id: "g2".into(),
            name: "第二党小组".into(),
        });
        let mut n = 0;
        let members = read.to_members(
            &groups,
            || {
                n += 1;
                format!("m{n}")
            },
            day(2026, 12, 6),
        );
        let placed: Vec<_> = members
            .iter()
            .map(|m| (m.id.as_str(), m.group_id.as_deref()))
            .collect();
        assert_eq!(
            placed,
            [
                ("m1", Some("g1")),
                ("m2", Some("g1")),
                ("m3", Some("g2")),
                ("m4", None)
            ]
        );
        assert_eq!(members[0].joined_on, Some(day(2026, 12, 6)));
    }
}
