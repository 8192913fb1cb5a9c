//! In-app browsers (WeChat and the like) keep their own storage, apart
//! from the phone's browser, and wipe it with their 清理缓存: the member
//! should know, once.

/// The app whose built-in browser the page is open in, if any.
pub fn in_app_browser() -> Option<&'static str> {
    let agent = web_sys::window()?.navigator().user_agent().ok()?;
    classify(&agent)
}

/// From the user agent. WeCom's contains WeChat's marker too, so it comes
/// first; " QQ/" with its space, so the QQ browser app is not taken for it.
pub fn classify(agent: &str) -> Option<&'static str> {
    const APPS: [(&str, &str); 8] = [
        ("wxwork/", "企业微信"),
        ("MicroMessenger/", "微信"),
        (" QQ/", "QQ"),
        ("DingTalk/", "钉钉"),
        ("Lark/", "飞书"),
        ("Feishu", "飞书"),
        ("AlipayClient/", "支付宝"),
        ("Weibo", "微博"),
    ];
    APPS.iter()
        .find(|(marker, _)| agent.contains(marker))
        .map(|(_, name)| *name)
}
