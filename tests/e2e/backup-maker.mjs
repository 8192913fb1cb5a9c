// Builds backup files the app imports, for data the example lacks (a
// 40-member branch with a very long meeting). The checksum is the app's:
// FNV-1a 64 over the JSON with sorted keys and no spaces.
const sortKeys = (v) =>
  Array.isArray(v) ? v.map(sortKeys)
  : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]))
  : v;

export function checksum(data) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(JSON.stringify(sortKeys(data)))) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

export function makeBackup(data) {
  return JSON.stringify({
    format: "zhibu.backup", schema_version: 1, app_version: "test", exported_at: "2026-11-27 10:00",
    revision: 1, notice: "", checksum: checksum(data), data,
  }, null, 2);
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗";
const GIVEN = ["建华", "晓明", "丽娟", "志强", "海燕"];

/** A branch of 40 members and one long 支部党员大会 record. */
export function longMeetingBranch() {
  const members = Array.from({ length: 40 }, (_, i) => ({
    id: `m${i + 1}`, name: SURNAMES[i % 20] + GIVEN[Math.floor(i / 20) + (i % 3)],
    group_id: `g${(i % 4) + 1}`, standing: i % 13 === 12 ? "probationary" : "full",
    role: i === 0 ? "secretary" : "member", status: { state: "active" }, note: "", joined_on: null,
  }));
  const attendance = members.map((m, i) => ({
    member_id: m.id, status: i === 7 ? "leave" : i === 21 ? "absent" : "present",
    reason: i === 7 ? "illness" : i === 21 ? "no_reason" : null, makeup: null,
  }));
  const paragraph = (n) => `第${n}段：围绕党建与业务融合，结合本部门年度重点任务逐项对照检查，明确责任人和完成时限，` +
    "做到一起谋划、一起部署、一起落实、一起检查，坚决防止“两张皮”。".repeat(2);
  const meeting = {
    id: "long", kind: { type: "branch_assembly" }, group_id: null, state: "held", sequence: 4,
    planned_date: "2026-11-10", planned_time: "14:30:00", date: "2026-11-10", start_time: "14:30:00", end_time: "17:00:00",
    place: "机关三楼会议室", theme: "长篇会议记录打印检查",
    agenda: ["学习传达上级会议精神", "讨论年度工作总结", "表决有关事项", "部署下一阶段工作"],
    host: { member_id: "m1", name: "" }, recorder: { member_id: "m2", name: "" }, lecturer: { member_id: null, name: "" },
    observers: "上级党委组织委员", checklist: [], attendance,
    materials: [{ id: "s1", title: "中国共产党支部工作条例（试行）", source: "第三章", covered: true }],
    minutes: Array.from({ length: 28 }, (_, i) => paragraph(i + 1)).join("\n"),
    speeches: Array.from({ length: 8 }, (_, i) => ({ id: `sp${i}`, speaker: { member_id: `m${i + 3}`, name: "" },
      summary: `发言${i + 1}：结合本岗位实际，谈了对党建与业务深度融合的认识，提出了三条具体建议。` })),
    votes: Array.from({ length: 6 }, (_, i) => ({ id: `v${i}`, motion: `第${i + 1}项决议：关于调整本支部第${i + 1}党小组年度重点任务的决议`,
      in_favour: 30 + i, against: i % 2, abstain: 1 })),
    follow_ups: Array.from({ length: 16 }, (_, i) => ({ id: `f${i}`,
      task: `落实事项${i + 1}：按照会议部署完成第${i + 1}项重点任务，形成书面材料报支委会审议并在下次会议上通报进展`,
      owner: { member_id: `m${i + 5}`, name: "" }, due: "2026-12-20", done_on: i % 3 === 0 ? "2026-11-20" : null })),
    remarks: "会议记录较长，用于检查分页。", sign_in_sheet_kept: true, photos_kept: true,
  };
  return {
    branch: { name: "长记录测试党支部", parent_org: "测试机关党委",
      groups: [1, 2, 3, 4].map((n) => ({ id: `g${n}`, name: `第${n}党小组` })),
      rules: { party_lecture_quarterly: true, theme_day_of_month: null, backup_reminder_days: 30 }, study_kinds: [] },
    members, meetings: [meeting], templates: [],
  };
}

/** A plain branch of `n` full members and no meetings. */
export function smallBranch(n) {
  return {
    branch: { name: "九人测试党支部", parent_org: "", groups: [{ id: "g1", name: "第一党小组" }],
      rules: { party_lecture_quarterly: true, theme_day_of_month: null, backup_reminder_days: 30 }, study_kinds: [] },
    members: Array.from({ length: n }, (_, i) => ({
      id: `p${i + 1}`, name: `党员${"一二三四五六七八九十"[i % 10]}${i >= 10 ? i : ""}`, group_id: "g1",
      standing: "full", role: i === 0 ? "secretary" : "member", status: { state: "active" }, note: "", joined_on: null,
    })),
    meetings: [], templates: [],
  };
}

/** Ten years of a 30-member branch with 3 党小组: 600 meetings (each month
 * a 支委会, three 党小组会 and a 主题党日) with full attendance records,
 * and a 四个合格 form per member and year (300). About 3 MB. */
export function tenYears(lastYear = 2026) {
  const members = Array.from({ length: 30 }, (_, i) => ({
    id: `m${i + 1}`, name: SURNAMES[i % 20] + GIVEN[(i + Math.floor(i / 20)) % 5] + (i >= 20 ? "二" : ""),
    group_id: `g${(i % 3) + 1}`, standing: "full",
    role: i === 0 ? "secretary" : i < 5 ? "committee_member" : "member", status: { state: "active" }, note: "", joined_on: null,
  }));
  const checklist = (id) => Array.from({ length: 12 }, (_, i) => ({
    id: `${id}-c${i}`, phase: ["before", "during", "after"][i % 3], text: `检查清单事项第${i + 1}条：按要求完成`, done: true,
  }));
  const meetings = [];
  for (let year = lastYear - 9; year <= lastYear; year++) {
    for (let month = 1; month <= 12; month++) {
      const day = (d) => `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const kinds = [["committee_meeting", null, 5], ["group_meeting", "g1", 8], ["group_meeting", "g2", 10],
        ["group_meeting", "g3", 12], ["theme_day", null, 20]];
      kinds.forEach(([type, group, d], k) => {
        const id = `y${year}m${month}k${k}`;
        const due = members.filter((m, i) => (type === "committee_meeting" ? i < 5 : !group || m.group_id === group));
        meetings.push({
          id, kind: { type }, group_id: group, state: "held", sequence: null,
          planned_date: day(d), planned_time: "14:30:00", date: day(d), start_time: "14:30:00", end_time: "16:00:00",
          place: "党员活动室", theme: `${year}年${month}月${type === "theme_day" ? "主题党日" : "学习"}`, agenda: ["学习", "讨论"],
          host: { member_id: "m1", name: "" }, recorder: { member_id: "m2", name: "" }, lecturer: { member_id: null, name: "" },
          observers: "", checklist: checklist(id),
          attendance: due.map((m, i) => ({ member_id: m.id, status: i % 9 === 4 ? "leave" : "present",
            reason: i % 9 === 4 ? "work" : null, makeup: i % 9 === 4 ? { done_on: day(d + 3), note: "" } : null })),
          materials: [{ id: `${id}-s`, title: "学习材料", source: "", covered: true }],
          minutes: `本次会议学习了有关文件，大家结合工作实际交流了体会。`.repeat(6),
          speeches: [], votes: [], follow_ups: [], remarks: "", sign_in_sheet_kept: true, photos_kept: false,
        });
      });
    }
  }
  const assessments = [];
  for (let year = lastYear - 10; year < lastYear; year++) {
    for (const m of members) {
      assessments.push({
        id: `as-${year}-${m.id}`, member_id: m.id, year, kind: "four_qualified",
        entries: ["political", "discipline", "character", "contribution"].map((key) => ({
          key, rating: "好", facts: "按时参加组织生活，认真完成本职工作。".repeat(4), problems: "学习不够深入。", measures: "加强学习。",
        })),
        dimensions: [], negatives: [], self_grade: "qualified", state: { type: "finished", on: `${year + 1}-01-10` },
        log: [{ on: `${year + 1}-01-10`, action: "finished" }],
      });
    }
  }
  return {
    branch: { name: "十年测试党支部", parent_org: "测试机关党委",
      groups: [1, 2, 3].map((n) => ({ id: `g${n}`, name: `第${n}党小组` })),
      rules: { party_lecture_quarterly: false, theme_day_of_month: null, backup_reminder_days: 30 }, study_kinds: [] },
    members, meetings, templates: [], assessments, reviews: [],
  };
}
