// What each path a member takes may cost (and, as `target`, what issue #27
// asks of it, printed beside it), enforced by scripts/test
// (`bench-first-load.mjs --check`, `bench-link.mjs --check`) and printed by
// scripts/bench. A budget is what the code meets today, with a little room
// for noise; lower it when the code gets faster, and never raise one
// without a line here saying why.
export const BUDGETS = {
  // A new member's first open: every file until the welcome screen works,
  // gzip -9. 242,028 B before the screens of a member with records left
  // the main module, 140,448 B after (issue #27 asks for 200,000); 142,986
  // B with main's registry of kinds and application core merged in.
  // Raised to 147,000 (stop 30): the link is now read before the first
  // screen, so a phone with no data never shows the welcome instead of the
  // package, and the welcome offers 粘贴书记发来的文字 (issue #22): 146,498 B.
  // Raised to 150,000 (stop 31): 149,324 B with the join page's styles
  // and the welcome's 我是党委组织员 with its #zbr= check (issue #26), both
  // in the inlined stylesheet and the main module; the target of 200,000
  // is still met.
  // Raised to 150,500 (stop 33): 150,263 B once the main module chooses
  // the join screen for a link on a phone with no data (ui/app.rs
  // FirstScreen, one more loader), which took 200,000 B off the link's
  // path (below).
  // Raised to 150,700 (stop 33, later): 150,669 B once the merged #25 and
  // #28 work (schema 12's absence words and 补学 way, the member's hand-in
  // as chat text, results beside their buttons) reached the main module's
  // shared types; the target of 200,000 is still met.
  // Raised to 151,000 (#28 item 3, branch roles): 150,952 B once the device
  // remembers "我是支委，显示全部" (store/device.rs, read before the first
  // screen: main module +200 B), the lazy card's loader (+41 B) and the read-only look of the committee's
  // screens on a member's phone joined the inlined stylesheet (+72 B).
  // Raised to 151,200 (stop 34, three branches merged): 151,128 B once the
  // branch's 名单顺序 (姓氏笔画/拼音/自定义, #28 item 5) is read with the
  // branch in the main module (the stroke table itself stays off this
  // path) and every control shows a focus ring for keyboard use (#28
  // item 14). The target of 200,000 is still met.
  // Raised to 151,250 (stop 35, three branches merged): 151,222 B once the
  // inlined stylesheet measures the tab bar's real height (--bar, used by
  // the page padding, the meeting's bar, scroll-padding and the toast, so
  // the bar covers no last line on a desktop: #28 item 14), the 民主评议
  // rows' summaries join the 44 px rule (#28 item 13) and read-only choices
  // hide their radio dot (#28 item 3). The 党委 table's content-visibility
  // went into its own chunk instead. The target of 200,000 is still met.
  // Raised to 151,350 (stop 36): 151,305 B. A link no longer waits for the
  // store's code (below): the page's list of the link's files and the
  // split loaders name one more file (chunk_reading), and the state keeps
  // whether the store opened behind the join page. Target 200,000: met.
  // Raised to 151,420 (stop 36, three branches merged): 151,391 B. The
  // attendance buttons stop their clicks reaching the router's listener
  // (#27's tap: a new browser binding, whose glue is in the main module's
  // zhibu.js, +26 B), and the person a phone belongs to is one memo in
  // context that the read-only frames and date fields ask (#28 item 3,
  // the main wasm about +60 B, not analysed further). Target 200,000: met.
  // Raised to 151,700 (stop 37): 151,640 B. Taking a package is a lazy
  // function of its own (its loader and preload stubs are in the main
  // module, +about 100 B), and the merged #21 clean-up (shared helpers such
  // as Member::new and the record-page kit) the rest. Target 200,000: met.
  // Raised to 151,800 (stop 37, later): 151,773 B. 加入这个支部 waits for
  // the taking code as well as the store (ui/join/), whose preload glue
  // is in the main module (+133 B). Target 200,000: met.
  // Lowered to 142,700 (stop 38): 142,653 B. The glue's ~300 imports have
  // short names in the wasm file and the glue (scripts/short-import-names.mjs,
  // the build's minify step): their 16-digit hashes do not compress, the
  // main module −4,900 B and the glue −3,800 B. Target 200,000: met.
  // Lowered to 142,350 (stop 38, later): 142,302 B. The page's inline
  // scripts are minified by finish-build.mjs (index.html −883 B); start-up
  // readies the screens' code while a member's records are read (a future
  // that start() spawns, +~450 B).
  // Raised to 142,500 (stop 39): 142,492 B. The main module gained ~190 B
  // with one IndexedDB opener for the branch's and the 党委's databases
  // (record_db.rs open_database) and the one table of pages (ui/pages.rs),
  // measured together. Target 200,000: met.
  // Raised to 142,600 (stop 40): 142,577 B. Start-up in two reads (#27
  // item 4): the main module's part is the example banner's button waiting
  // for the whole read and the first screen's gate (~+75 B). Target 200,000:
  // met.
  // Raised to 142,650 (stop 40, later): 142,599 and 142,608 B for main
  // modules of the same raw size (330,864 B) from two builds: the build's
  // hashed folder name in index.html and the glue, and the wasm's own
  // bytes, move the gzip size by about 10 B. 1 B of room was none.
  // Raised to 142,710 (stop 41): 142,696 B. browser::base::route_of, the one
  // place that reads an address's route after the app's folder (the opened
  // route and the pages' wait for the whole read each did it by hand), sits
  // in the main module: 42 B, measured by building without it (142,654 B).
  // The stylesheet's rule that keeps a ticked 反向情形 from being struck out
  // like a done checklist item: +7 B in index.html. Target 200,000: met.
  // 142,720 (stop 41, later): a rebuild with the same main module (raw
  // 413,631 against 413,634 B) measured 142,705 B; the hashed names' ~10 B
  // of noise left 5 B of room, too little for CI's own build.
  // Raised to 142,780 (stop 42): 142,753 B. Start-up reads the other years
  // in slices (a tap after the first screen no longer waits behind a
  // 50–184 ms task): the main module's share is 52 B raw (the glue of the
  // pause between slices). Target 200,000: met.
  welcome: { what: "the welcome screen's first load", gzip: 142_780, target: { gzip: 200_000 } },
  // A member with records whose browser kept nothing (no service worker
  // cache): the home screen's files. 454,684 B before the welcome screen
  // left the main module; 473,678 B after (the store and the screens are
  // two files, fetched at once). Raised from 480,000: main's registry of
  // kinds and application core (f7e435f) and tombstones and undo
  // (7a7ede9) grew the store's file, to 480,303 B; then main's rules and
  // example merge (034542f: elections, 换届, schema 5 and 6) to 501,418 B.
  // Raised to 517,000 (stop 30): 516,133 B once the 党费 kinds (schema 7),
  // the paper model, order-independent merges and one-bad-number mending
  // were merged; not yet analysed file by file.
  // Raised to 546,500 (stop 31): 545,525 B once five kinds joined the
  // registry (发展党员纪实 #25; 年度计划, 总结, 述职 #26; the branch's
  // identity), each with its checks in the store's file and its home-page
  // line (发展党员 due items); not yet analysed file by file.
  // Raised to 647,500 (stop 32): 646,818 B. The store's file stayed at
  // 259,984 B; the screens' file grew from about 136,000 to 237,039 B once
  // the 发展党员 decisions joined the meeting page (#25) and the 党委's
  // overview, dues and appraisal sheets and the year plan's schedule (#26)
  // were merged. A regression not yet analysed: the next stop finds which
  // code the meeting page now pulls into the screens' file and moves it
  // back behind its own route.
  // Lowered to 550,000 (stop 33): 549,736 B. The regression was the 清除
  // 示例 question: finding what a member added to the example rebuilt the
  // example, which took every record kind's code into the screens' file;
  // it now runs in the clearing's own chunk (ui/app.rs clear_example).
  // The screens' file is 126,242 B again, plus chunk_common's 13,435 B.
  // Raised to 556,500 (stop 33, later): 556,147 B. Home itself grew: its
  // 本月工作 rows each open the plan or say "已安排 12-18" (#28 item 10,
  // screens' file +3,870 B), "有 N 人次待补学" opens its list (item 9),
  // and the code the screens share with the join screen took the results
  // shown beside their buttons (item 12, chunk_common +1,362 B). A chrono
  // format() on home costs 15 KB: the day is written by hand.
  // Raised to 560,000 (#28 item 3, branch roles): 559,892 B. Home asks
  // once whose phone it is (ui/job: the roster's job of the device's
  // person, a memo) and loads the member's 我的工作 card as a lazy part
  // that the committee's phone never fetches (4.5 KB of its own); the
  // screens' file +3,422 B, of which the Person memo (about 2 KB raw
  // before wasm-opt) could become a bool memo.
  // Raised to 561,200 (stop 36): 561,092 B. The code the store shares with
  // the join screen (reading records and packages, 218,008 B) left the
  // store's file for one of its own, so that a link fetches it without the
  // store's 43,504 B: home fetches the same code as one more file.
  // Raised to 561,650 (stop 36, three branches merged): 561,575 B, the
  // welcome's 80 B above plus the screens' file +400 B: the meeting's one
  // 添加到 field with its 会前/会中/会后 choice (#28, the bar no longer
  // covers a row), SelectField and the shared vote result lines (#21).
  // Raised to 564,200 (stop 37): 564,162 B. A package's items are read
  // from JSON text, with the readers the store already has (format/parts.rs
  // `from_text`), instead of a second reader of every kind from `Value`:
  // the link's path lost 64,590 B (below), and the readers the two now
  // share (+2,700 B) moved into the shared file the home screen fetches too.
  // Raised to 565,100 (stop 37, later): 565,009 B, the welcome's +220 B
  // above and the loaders of one more split point and file (taking a
  // package, below) in the screens' and the store's files.
  // Raised to 565,200 (stop 37, later): 565,133 B, the welcome's +133 B.
  // Lowered to 556,100 (stop 38): 556,099 B, the welcome's short import
  // names above.
  // Lowered to 555,800 (stop 38, later): 555,777 B, the welcome's changes
  // above and the merged #21 widgets.
  // Raised to 556,300 (stop 39): 556,250 B. Records in the sealer's own
  // layout are unsealed without a second scan of their data (format/record.rs
  // unseal_as_sealed: +~300 B in the store's file; reading ten years natively
  // 23-30 -> 17 ms) and the welcome's +190 B above.
  // Raised to 568,800 (stop 40): 568,768 B. Start-up in two reads (#27
  // item 4: ten years to a drawn home at 4x CPU ~550-630 -> 388-470 ms):
  // the store's file 141,485 -> 153,880 B (same gzip, before the memory
  // store's first read left). By function (WASM_NAMES builds): the open
  // future that now reads first, draws, then reads everything (+7.2 KB raw),
  // filing the records (Core::file_records with the index's read and
  // write inlined, +4.8 KB raw), the index's reader (+2.7 KB raw); the
  // shared file chunk_common +1,300 B. Only a phone whose cache was emptied
  // but not its records fetches this path. Raised to 568,900 (stop 40,
  // later): 568,884 B, the pages waiting only while home shows its first
  // read (a signal of its own, so the 党委 side never waits for the
  // branch's store).
  // Raised to 569,200 (stop 41): 569,185 B. The welcome's +88 B above; the
  // screens' file +290 B and chunk_common +39 B from #21's widget work
  // (CheckRow with an optional ×, WhereEditable, the review's remedy
  // fields), which the splitter lays out with the screens' shared code.
  // Not traced function by function.
  // Raised to 571,560 (stop 42): 571,512 B. The read in slices above:
  // split_open_records +2,295 B (4 KB of code, measured with names against
  // the build before: the pause between slices 904 B, the store's read in
  // stretches +341 B, Core::open +268 B, the reader's slices +166 B, and
  // ~1.7 KB of core/alloc instances for them). The welcome's +48 B.
  home: { what: "the home screen's first load, nothing cached", gzip: 571_560 },
  // A 支部资料包 link opened on a phone that never opened the app, slow 4G
  // and 4× CPU, until the package's review is on screen: the files' gzip -9
  // bytes, and the time. First measured at 587,416 B brotli on the wire and
  // 4,567 ms; 638,887 B gzip (506,871 B brotli) and 3,760–4,030 ms once the
  // welcome left the main module and the path's files were fetched at once.
  // The time has room for a busy 2-core machine (runs vary by a tenth).
  // Issue #27 asks for 350,000 B and 3,000 ms: that needs a link to open
  // the import without the screens of a member with records (issue #22).
  // Raised from 645,000: main's f7e435f and 7a7ede9 (the application core,
  // tombstones, undo, the transfer text found by its shape) grew the
  // store's and the import screen's files, to 654,768 B (3,761–4,222 ms).
  // Stop 30: the bench now opens the link on a phone that never opened the
  // app (no settings at all), until the join page says what arrived; with
  // the join page and the import screen in one file it measured 747,552 B
  // and 4,485–4,559 ms. The import screen then left the link's files
  // (scripts/code-paths.mjs); the budget stays at that measurement until
  // the next stop lowers it to what the split path measures.
  // Raised to 825,000 B (stop 32): 824,471 B, the same screens' file as
  // the home screen's (above); the time stays within 4,800 ms (4,698–5,038
  // ms, median 4,735).
  // CI measured 4,921 ms (runs 4,921, 4,799, 4,962) against that 4,800:
  // the time had too little room. Lowered to 625,000 B and 4,400 ms (stop
  // 33): 624,575 B (490,643 B brotli on the wire), 3,599–4,109 ms over
  // five runs, median 3,793, once a link on a phone with no data opens the
  // join screen alone (ui/app.rs FirstScreen::Join) and the code it shares
  // with the screens is a file of its own (chunk_common): the path no
  // longer fetches the screens' file. The time keeps a tenth for CI.
  // Raised to 630,000 B (stop 33, later): 629,900 B, 3,872–4,102 ms,
  // once the join screen's password prompt shows its result beside the
  // button and brings it into view (#28 item 12), and schema 12's fields
  // joined the package's reading. The time budget raised to 4,600 ms: the
  // full run measured 4,065 ms (3,970–4,081) here, CI ran 4% slower than
  // this machine last stop and runs vary by ±150 ms, which leaves 4,400
  // within reach of a slow run; still below stop 32's 4,800.
  // Raised to 630,400 B (#28 item 3, branch roles): 630,283 B, 3,669–4,003
  // ms, the same stylesheet and device setting as the welcome's above.
  // Lowered to 589,000 B (stop 36): 588,726 B, 3,449–3,814 ms. The join
  // page shows the package's review without the store, which opens behind
  // it (ui/join/): the store's own code is off the path.
  // Lowered to 524,500 B and 3,600 ms (stop 37): 524,181 B, 2,748–2,779
  // ms, once a package's items are read from JSON text by the readers the
  // store has (format/parts.rs), not by a second set from `Value` (the join
  // page's own file 204,240 → 136,939 B); the same main module measured
  // 2,927–3,114 ms here before, so 3,600 leaves CI's slower runs room.
  // Lowered to 362,500 B and 3,000 ms (stop 37, later): 362,218 B,
  // 2,274–2,311 ms, once taking a package (planning and merging it, and
  // with it the writing of records) is a lazy function whose code comes
  // behind the review with the store's (the `taking` group,
  // scripts/code-paths.mjs): the join page's file 136,939 → 76,083 B, the
  // code it shares with the store 220,690 → 123,443 B.
  // Raised to 363,500 B (stop 37, later): 363,300 B, 2,278–2,467 ms. The
  // join page waits for the taking code beside the store before it offers
  // 加入这个支部, so a tap never waits on the network (its own task and
  // signal: the join page's file +903 B, the main module +133 B).
  // Lowered to 346,700 B (stop 38): 346,647 B, 2,102–2,280 ms: the short
  // import names above, and a check's message no longer formats a float
  // (study.rs `tenths_text`), which took core's float printing off the join
  // page's file (76,083 → 69,294 B). Target 350,000 B and 3,000 ms: met.
  // Raised to 346,800 B (stop 38, later): 346,732 B. The join card draws
  // its problems and its error line with the widgets the import screen uses
  // (ProblemSection, ErrorLine: #21's duplicates), the join page's file
  // +408 B; the minified inline scripts above take most of it back. Still
  // 3,200 B under #27's 350,000.
  // Raised to 347,100 (stop 39): 347,002 B, the welcome's +190 B above.
  // Still 3,000 B under #27's 350,000.
  // Raised to 347,400 (stop 40): 347,320 B, the welcome's +77 B above and
  // the shared file's part of the two reads. Still 2,680 B under #27's
  // 350,000.
  // Raised to 347,480 (stop 41): 347,470 B, the welcome's main module
  // (+58 B) and chunk_common (+39 B) above. Still 2,530 B under #27's
  // 350,000.
  // Raised to 347,560 (stop 42): 347,529 B, the welcome's main module
  // (+48 B) above. Still 2,470 B under #27's 350,000. 347,600 after the
  // review's mend: a rebuild measured 347,556 B (the same code within the
  // hashed names' noise of ~10–30 B), and 4 B of room is none for CI.
  link: { what: "a link opened on a fresh phone", gzip: 347_600, ms: 3000, target: { gzip: 350_000, ms: 3000 } },
};

const UNITS = { gzip: "B gzipped", ms: "ms" };

/** Lines saying how far each measured figure of `path` is over its
 * budget; none when all are within. */
export function overBudget(path, measured, budgets = BUDGETS) {
  const budget = budgets[path];
  if (!budget) throw new Error(`budgets: no budget for the path ${path}`);
  return Object.entries(measured)
    .filter(([figure, value]) => budget[figure] !== undefined && value > budget[figure])
    .map(([figure, value]) => {
      const unit = UNITS[figure] || figure;
      const by = value - budget[figure];
      return `over budget: ${budget.what} (${path}) is ${value.toLocaleString("en")} ${unit}, ` +
        `${by.toLocaleString("en")} ${unit} over its budget of ${budget[figure].toLocaleString("en")} (scripts/budgets.mjs)`;
    });
}
