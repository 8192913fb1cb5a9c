//! A file as text for a chat message or a link: a Chinese line saying what
//! it is and from whom, then the compressed (and maybe encrypted) file in
//! URL-safe base64 between markers, with a checksum, so a message cut
//! short by a chat is refused, never half-imported.
//!
//! ```text
//! 【支部工作手册·支部资料包】王建国 发送，2026-12-01 10:00。请在支部工作手册“我的 › 备份与交换”中粘贴导入。
//! ZB1d:3Vh...Q:9f3c2a1b.
//! ```
//!
//! `ZB1` is the version, then `d` (deflate-raw), `g` (gzip) or `n` (not
//! compressed), and `e` after it when encrypted. A link carries the same
//! token after `#zb=`; the part after `#` never reaches any server.

use super::checksum::fnv64;

const MARK: &str = "ZB1";

/// How the bytes were packed before encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packing {
    DeflateRaw,
    Gzip,
    None,
}

impl Packing {
    fn letter(self) -> char {
        match self {
            Packing::DeflateRaw => 'd',
            Packing::Gzip => 'g',
            Packing::None => 'n',
        }
    }

    fn from_letter(c: char) -> Option<Packing> {
        match c {
            'd' => Some(Packing::DeflateRaw),
            'g' => Some(Packing::Gzip),
            'n' => Some(Packing::None),
            _ => None,
        }
    }

    /// The name `CompressionStream` knows.
    pub fn stream_format(self) -> Option<&'static str> {
        match self {
            Packing::DeflateRaw => Some("deflate-raw"),
            Packing::Gzip => Some("gzip"),
            Packing::None => None,
        }
    }
}

/// What a transfer token holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub packing: Packing,
    pub encrypted: bool,
    pub bytes: Vec<u8>,
}

/// The token: marker, packing, payload, checksum, end.
pub fn token(t: &Token) -> String {
    let body = base64url(&t.bytes);
    let sum = sum(&body);
    format!(
        "{MARK}{}{}:{body}:{sum}.",
        t.packing.letter(),
        if t.encrypted { "e" } else { "" }
    )
}

/// A transfer text: the header line, then the token.
pub fn text(header: &str, t: &Token) -> String {
    format!("{header}\n{}", token(t))
}

/// What goes into the chat: a text that begins with the app's address, so a
/// member who never opened the app can find it. When the link fits
/// (`link_limit`) the text starts with the link itself, which carries the
/// token: tapping it opens the app with the package, and pasting the whole
/// text reads the token out of it. Otherwise the address, the header and
/// the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub link: Option<String>,
}

pub fn message(app_url: &str, header: &str, t: &Token, link_limit: usize) -> Message {
    let link = link(app_url, t);
    if link.len() <= link_limit {
        Message {
            text: format!("{link}\n{header}点上面的链接即可打开支部工作手册并导入；链接打不开时，复制整段文字，在支部工作手册中粘贴导入。"),
            link: Some(link),
        }
    } else {
        let base = app_url.split('#').next().unwrap_or(app_url);
        let header = format!("{header}用浏览器打开上面的网址（支部工作手册），点“粘贴书记发来的文字”或在“我的 › 备份与交换”中粘贴这整段文字导入。");
        Message {
            text: format!("{base}\n{}", text(&header, t)),
            link: None,
        }
    }
}

/// A link to this app that opens the import with the token.
pub fn link(app_url: &str, t: &Token) -> String {
    let base = app_url.split('#').next().unwrap_or(app_url);
    format!("{base}#zb={}", token(t))
}

fn sum(body: &str) -> String {
    format!("{:08x}", fnv64(&[body.as_bytes()]) as u32)
}

/// Why a pasted text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// No token in it at all.
    NoToken,
    /// The token is there but cut short or changed.
    Damaged,
    /// A newer kind of token.
    Unknown,
}

impl Unreadable {
    pub fn message(&self) -> &'static str {
        match self {
            Unreadable::NoToken => {
                "没有找到支部工作手册的传输内容。请复制对方发来的整段文字（以“ZB1”开头的部分必须完整）。"
            }
            Unreadable::Damaged => {
                "传输内容不完整或被改动过：聊天软件可能截断了过长的消息。请让对方重新发送，或改用文件。"
            }
            Unreadable::Unknown => "这段内容来自更新版本的支部工作手册，请升级后再导入。",
        }
    }
}

/// Finds and reads the token in `text`: a pasted message with the chat's
/// own additions around it, line breaks inside it, or a link. The token is
/// found by its shape, not by the first "ZB" (a branch may be called
/// "ZB1车间党支部"): every place that could start one is tried.
pub fn read(text: &str) -> Result<Token, Unreadable> {
    let mut best = Unreadable::NoToken;
    for (start, _) in text.match_indices("ZB") {
        match read_at(&text[start..]) {
            Ok(token) => return Ok(token),
            // A damaged token says more than a newer one, and either more
            // than none: the member is told the most useful of them.
            Err(Unreadable::Damaged) => best = Unreadable::Damaged,
            Err(Unreadable::Unknown) if best == Unreadable::NoToken => best = Unreadable::Unknown,
            Err(_) => {}
        }
    }
    Err(best)
}

/// The token starting right here, if this is one: `NoToken` when the text
/// here does not have a token's shape at all. It reads no further than the
/// token does, so a long pasted text with many "ZB" in it is read in one
/// pass, not once per "ZB" to its end.
fn read_at(text: &str) -> Result<Token, Unreadable> {
    let mut chars = text.chars().filter(|c| !c.is_whitespace()).peekable();
    if chars.next() != Some('Z') || chars.next() != Some('B') {
        return Err(Unreadable::NoToken);
    }
    let version = chars
        .next()
        .filter(char::is_ascii_digit)
        .ok_or(Unreadable::NoToken)?;
    let Some(packing) = chars.next().and_then(Packing::from_letter) else {
        // "ZB2…:" is a newer app's token; "ZB1车间" is a name.
        return Err(match (version, chars.take(16).any(|c| c == ':')) {
            ('1', _) | (_, false) => Unreadable::NoToken,
            _ => Unreadable::Unknown,
        });
    };
    let encrypted = chars.next_if_eq(&'e').is_some();
    if chars.next_if_eq(&':').is_none() {
        return Err(if version == '1' {
            Unreadable::NoToken
        } else {
            Unreadable::Unknown
        });
    }
    if version != '1' {
        return Err(Unreadable::Unknown);
    }
    let mut body = String::new();
    loop {
        match chars.next() {
            Some(':') => break,
            Some(c) => body.push(c),
            None => return Err(Unreadable::Damaged),
        }
    }
    let check: String = chars.take(9).collect();
    if check.strip_suffix('.') != Some(sum(&body).as_str()) {
        return Err(Unreadable::Damaged);
    }
    let body = body.as_str();
    let bytes = unbase64url(body).ok_or(Unreadable::Damaged)?;
    Ok(Token {
        packing,
        encrypted,
        bytes,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        let count = chunk.len() + 1;
        for i in 0..count {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push(((n >> (16 - 8 * i)) & 255) as u8);
        }
    }
    Some(out)
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Token {
        Token {
            packing: Packing::DeflateRaw,
            encrypted: false,
            bytes: "支部资料包".as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_pasted_message_with_the_chats_own_additions_reads_back() {
        let t = sample();
        let message = text("【支部工作手册·支部资料包】王建国 发送", &t);
        let token = token(&t);
        let (a, b) = token.split_at(12);
        let pasted = format!(
            "王建国：\n{}\n{a}\n{b}\n\n[微笑] 收到请回复",
            message.lines().next().unwrap()
        );
        assert_eq!(read(&pasted), Ok(t.clone()));
        assert_eq!(read(&link("https://example.org/zhibu/#/x", &t)), Ok(t));
    }

    #[test]
    fn a_transfer_message_begins_with_the_apps_address_and_reads_back() {
        let t = sample();
        let app = "https://example.org/zhibu/";
        let short = message(app, "【支部工作手册·交给书记的材料】吴昊发送。", &t, 16_000);
        assert!(short.text.starts_with(&format!("{app}#zb=ZB1")));
        assert_eq!(short.link.as_deref(), short.text.lines().next());
        assert_eq!(read(&short.text), Ok(t.clone()));
        let long = message(app, "【支部工作手册·支部资料包】王建国发送。", &t, 10);
        assert_eq!(long.link, None);
        assert_eq!(long.text.lines().next(), Some(app));
        assert!(long.text.contains("粘贴这整段文字导入"));
        assert_eq!(read(&long.text), Ok(t));
    }

    #[test]
    fn a_message_cut_short_or_changed_is_refused() {
        let token = token(&sample());
        for cut in 0..token.len() {
            assert!(read(&token[..cut]).is_err(), "cut at {cut}");
        }
        let changed = token.replacen('A', "B", 1).replacen('5', "6", 1);
        assert!(changed == token || read(&changed).is_err());
        assert_eq!(read("你好"), Err(Unreadable::NoToken));
        assert_eq!(read("ZB2d:abc:00000000."), Err(Unreadable::Unknown));
    }

    #[test]
    fn a_branch_named_like_a_token_does_not_hide_its_own_token() {
        let t = sample();
        let message = text("【支部工作手册·支部资料包】ZB1车间党支部 王建国 发送", &t);
        assert_eq!(read(&message), Ok(t.clone()));
        let pasted = format!("ZB1车间党支部：\n{message}\nZB2 的同志请查收");
        assert_eq!(read(&pasted), Ok(t));
        assert_eq!(read("ZB1车间党支部开会"), Err(Unreadable::NoToken));
    }

    /// Hostile testing pasted 10 MB: every "ZB" in it was read to the
    /// text's end, and the import screen froze. Each is now read only as
    /// far as a token could go (the test takes minutes without that).
    #[test]
    fn a_huge_pasted_text_full_of_zb_is_read_once_and_its_token_found() {
        let t = sample();
        let noise = "ZBZB1ZB1d ZB1车间 ".repeat(200_000);
        assert!(noise.len() >= 4_000_000);
        assert_eq!(read(&noise), Err(Unreadable::NoToken));
        let pasted = format!(
            "{noise}\n{}\n{noise}",
            text("【支部工作手册·支部资料包】", &t)
        );
        assert_eq!(read(&pasted), Ok(t));
    }

    #[test]
    fn a_truncated_doubled_or_garbled_token_is_refused_with_what_to_do() {
        let token = token(&sample());
        // Pasted twice, or once cut and then whole: the whole copy is read.
        assert_eq!(read(&format!("{token}\n{token}")), Ok(sample()));
        let doubled = format!("{}{}", &token[..token.len() - 1], token);
        assert_eq!(read(&doubled), Ok(sample()));
        let garbled: String = token.chars().rev().collect();
        assert_eq!(read(&garbled), Err(Unreadable::NoToken));
        let cut = &token[..token.len() / 2];
        assert_eq!(read(cut), Err(Unreadable::Damaged));
        assert!(Unreadable::Damaged.message().contains("重新发送"));
    }

    proptest! {
        #[test]
        fn any_bytes_go_through_base64(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(unbase64url(&base64url(&bytes)), Some(bytes.clone()));
            let t = Token { packing: Packing::Gzip, encrypted: true, bytes };
            prop_assert_eq!(read(&token(&t)), Ok(t));
        }
    }
}
