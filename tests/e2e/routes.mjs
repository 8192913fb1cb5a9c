// Every route of the app, with the example's records: the offline and the
// small-screen tests open each.
const now = new Date(Date.now() + 8 * 3600 * 1000);
const year = now.getUTCFullYear();
const lastMonth = now.getUTCMonth() === 0 ? [year - 1, 12] : [year, now.getUTCMonth()];

/** Every route of the app, with the example's records. */
export const ROUTES = [
  "/", "/meetings", "/meetings/new", "/meetings/compliance", "/meetings/mt-ex-1", "/meetings/mt-ex-1?s=votes",
  "/meetings/mt-ex-2?s=tasks", "/talks", "/talks/tk-ex-1",
  "/fusion", "/fusion/tasks/kt-ex-1", `/fusion/groups/g1/${lastMonth[0]}/${lastMonth[1]}`,
  `/fusion/commitments/m04/${year}`, "/fusion/study/st-ex-out-1", `/fusion/hours/${year}`,
  "/assess", "/assess/form/as-ex-1", "/assess/history/m10", `/assess/review/${year - 1}`,
  "/mine", "/mine/setup", "/mine/setup?step=2", "/mine/setup?step=3", "/mine/branch", "/mine/roster", "/mine/roster/m04", "/mine/backup", "/mine/templates",
  "/mine/recovery", "/mine/handover", "/committee",
  "/print/meeting/mt-ex-1", "/print/sign-in/mt-ex-1", "/print/talk/tk-ex-1", "/print/handover",
  `/print/summary/year/${year}-01-01`, "/print/assessment/as-ex-1", `/print/review/${year - 1}`,
  `/print/fusion/tasks/${year}`, `/print/fusion/groups/${year}`, `/print/fusion/pledges/${year}`,
  "/mine/dues", `/mine/dues/member/m13/${year}`, `/mine/dues/${year}`, `/print/dues/register/${year}`,
  `/print/dues/public/${year}`, `/print/dues/member/m12-${year}`,
  "/mine/year", `/mine/year/${lastMonth[0]}/plan`, `/mine/year/${lastMonth[0]}/summary`,
  `/mine/year/${lastMonth[0]}/report`, `/print/year/plan/${lastMonth[0]}`,
  `/print/year/summary/${lastMonth[0]}`, `/print/year/report/${lastMonth[0]}`,
  "/mine/development", "/mine/development/fz-ex-4", "/print/development/fz-ex-4", "/print/development/ledger",
];

