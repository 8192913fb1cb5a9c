// Which code each path a member takes needs after the first screen's, in
// one place: scripts/merge-chunks.mjs merges the splitter's chunks by
// these groups, and scripts/finish-build.mjs gives index.html the files
// each path fetches at once, beside the main module.
//
// A group names split points by the start of their names (the splitter
// appends a hash: `open_records` is `open_records_<hash>`; a lazy route's
// view is `__<route>_view`). Groups are merged in this order: a chunk goes
// to the first group that needs it, so list them in the order the paths
// need them.
export const GROUPS = [
  // The code both the store and the join screen need (reading records and
  // packages): in a file of its own, so a transfer link shows its
  // package's review without fetching the store's code, which it opens
  // behind the review (ui/join/).
  ["reading", { sharedBy: ["open_records", ["join_screen", "__join_page_view"]] }],
  // The store (ui/state.rs): nothing of a member's screens runs before it.
  ["core", ["open_records"]],
  // The code both the screens and the join screen need (the router, the
  // reading of a package, the widgets): in a file of its own, so neither
  // path fetches the other's.
  ["common", { sharedBy: ["screens", ["join_screen", "__join_page_view"]] }],
  // Everything a member with records sees (ui/app.rs).
  ["screens", ["screens"]],
  // What a transfer link opens on a phone with no data, once the store is
  // open (ui/app.rs): the join screen (ui/join/), without the screens.
  ["link", ["join_screen", "__join_page_view"]],
  // Taking a package on the join screen (ui/join/arrival_card.rs): planning
  // and merging an import, fetched behind the review with the store. After
  // the link's group, so that nothing the review needs waits for it; the
  // import screen uses it too.
  ["taking", ["take_package"]],
  // The import screen, which a link opens on a phone with records: not on
  // the first-contact path, so it does not weigh on it.
  ["import", ["__backup_page_view"]],
];

// The groups each path fetches at once, after the first screen's module.
// A new member's welcome screen needs none.
export const PATHS = {
  // A member who has been welcomed: home.
  home: ["core", "screens"],
  // A transfer link (`#zb=`) on a phone with no data: the package's review
  // (the store's code follows once the review is on screen).
  link: ["link"],
};
