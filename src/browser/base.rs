//! Where the app is hosted: the same files work at a domain's root and
//! under any folder (`/zhibu/`, an intranet path). A script at the top of
//! `index.html` finds the folder from the address and sets `<base>`; the
//! app reads it back here for its routes and links.

/// The folder of the app without its trailing slash: `""` at the root,
/// `"/zhibu"` under a folder.
pub fn app_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// An address of the app, as a link needs it: `/meetings` → `/zhibu/meetings`.
pub fn at(path: &str) -> String {
    if path.starts_with('/') {
        format!("{}{path}", app_base())
    } else {
        path.to_string()
    }
}

/// The app's address with nothing after the folder, for links sent to
/// other phones.
pub fn app_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}/", app_base())
}

/// The route the page was opened on, after the app's folder: `"/"` for the
/// home screen, `"/meetings/mt-1"` for a deep link.
pub fn opened_route() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    route_of(&path, &app_base()).to_string()
}

/// An address's route after the app's folder `base` (as `app_base` gives
/// it): `"/"` for the home screen.
pub fn route_of<'a>(path: &'a str, base: &str) -> &'a str {
    match path.strip_prefix(base).unwrap_or(path) {
        "" => "/",
        route => route,
    }
}
