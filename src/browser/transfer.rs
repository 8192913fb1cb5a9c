//! Packing a file for a chat message or a link with what the browser
//! already has: `CompressionStream` (no compression code in the wasm) and
//! WebCrypto for the optional password (AES-256-GCM, the key from the
//! password by PBKDF2-SHA-256 with 600,000 iterations, a random salt and
//! nonce per export, the token's marker bound as associated data).

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::format::transfer::{Packing, Token};

const ITERATIONS: u32 = 600_000;
const SALT: usize = 16;
const NONCE: usize = 12;

/// Runs `bytes` through a CompressionStream or DecompressionStream.
async fn stream(class: &str, format: &str, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let ctor: Function = Reflect::get(&js_sys::global(), &class.into())?.dyn_into()?;
    let transform = Reflect::construct(&ctor, &Array::of1(&format.into()))?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    let out = blob
        .stream()
        .pipe_through(transform.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&out))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Compressed with the best format this browser has: deflate-raw, else
/// gzip (older Chromium in some WeChat versions), else as it is.
pub async fn pack(bytes: &[u8]) -> (Packing, Vec<u8>) {
    for packing in [Packing::DeflateRaw, Packing::Gzip] {
        if let Some(format) = packing.stream_format() {
            if let Ok(packed) = stream("CompressionStream", format, bytes).await {
                return (packing, packed);
            }
        }
    }
    (Packing::None, bytes.to_vec())
}

pub async fn unpack(packing: Packing, bytes: &[u8]) -> Result<Vec<u8>, String> {
    match packing.stream_format() {
        None => Ok(bytes.to_vec()),
        Some(format) => stream("DecompressionStream", format, bytes)
            .await
            .map_err(|_| {
                "无法解压这段内容：它可能不完整，或这个浏览器太旧（请用系统浏览器打开，或改用文件）。".to_string()
            }),
    }
}

fn subtle() -> Result<(web_sys::Crypto, web_sys::SubtleCrypto), String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    if !window.is_secure_context() {
        return Err("密码保护需要通过 https 打开本应用。".into());
    }
    let crypto = window.crypto().map_err(|_| "这个浏览器不支持加密。")?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

async fn key(
    subtle: &web_sys::SubtleCrypto,
    password: &str,
    salt: &[u8],
) -> Result<web_sys::CryptoKey, JsValue> {
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(password.as_bytes()),
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        ITERATIONS,
        &Uint8Array::from(salt),
    );
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &web_sys::AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(nonce: &[u8], bound: &[u8]) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(bound));
    params
}

/// What the encryption binds: the token's marker, so a token cannot be
/// relabelled (say, as not compressed) without the password failing.
fn bound(packing: Packing) -> Vec<u8> {
    let plain = Token {
        packing,
        encrypted: true,
        bytes: Vec::new(),
    };
    let marker = crate::format::transfer::token(&plain);
    marker
        .split(':')
        .next()
        .unwrap_or_default()
        .as_bytes()
        .to_vec()
}

/// salt ‖ nonce ‖ ciphertext and tag.
pub async fn encrypt(password: &str, packing: Packing, plain: &[u8]) -> Result<Vec<u8>, String> {
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; SALT];
    let mut nonce = [0u8; NONCE];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut nonce))
        .map_err(|_| "无法生成随机数")?;
    let sealed = async {
        let key = key(&subtle, password, &salt).await?;
        let params = gcm(&nonce, &bound(packing));
        let out =
            JsFuture::from(subtle.encrypt_with_object_and_u8_array(&params, &key, plain)?).await?;
        Ok::<_, JsValue>(Uint8Array::new(&out).to_vec())
    }
    .await
    .map_err(|_| "加密失败".to_string())?;
    Ok([&salt[..], &nonce[..], &sealed[..]].concat())
}

pub async fn decrypt(password: &str, packing: Packing, data: &[u8]) -> Result<Vec<u8>, String> {
    if data.len() < SALT + NONCE + 16 {
        return Err("传输内容不完整。".into());
    }
    let (_, subtle) = subtle()?;
    let (salt, rest) = data.split_at(SALT);
    let (nonce, sealed) = rest.split_at(NONCE);
    let key = key(&subtle, password, salt)
        .await
        .map_err(|_| "解密失败".to_string())?;
    let params = gcm(nonce, &bound(packing));
    let opened = async {
        let out =
            JsFuture::from(subtle.decrypt_with_object_and_u8_array(&params, &key, sealed)?).await?;
        Ok::<_, JsValue>(Uint8Array::new(&out).to_vec())
    }
    .await;
    opened.map_err(|_| "密码不对，或内容被改动过。".to_string())
}

/// A file's text as a transfer token: packed, then encrypted if a
/// password is given.
pub async fn to_token(text: &str, password: Option<&str>) -> Result<Token, String> {
    let (packing, packed) = pack(text.as_bytes()).await;
    match password.filter(|p| !p.is_empty()) {
        None => Ok(Token {
            packing,
            encrypted: false,
            bytes: packed,
        }),
        Some(password) => Ok(Token {
            packing,
            encrypted: true,
            bytes: encrypt(password, packing, &packed).await?,
        }),
    }
}

/// The file's text back from a token.
pub async fn from_token(token: &Token, password: Option<&str>) -> Result<String, String> {
    let packed = if token.encrypted {
        let password = password
            .filter(|p| !p.is_empty())
            .ok_or("这段内容设了密码，请输入密码。")?;
        decrypt(password, token.packing, &token.bytes).await?
    } else {
        token.bytes.clone()
    };
    let bytes = unpack(token.packing, &packed).await?;
    String::from_utf8(bytes).map_err(|_| "内容无法识别。".to_string())
}
