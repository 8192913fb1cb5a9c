//! Draws a printout's picture (`format::paper::picture`, laid out in plain
//! Rust) on a canvas, and hands it over as a PNG: this file only executes
//! the draw operations.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement};

use crate::format::paper::look::Face;
use crate::format::paper::picture::{Draw, Picture, TextAlign};

/// The picture drawn on a new canvas.
pub fn draw(picture: &Picture) -> Result<HtmlCanvasElement, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(picture.width.round() as u32);
    canvas.set_height(picture.height.round() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    context.set_fill_style_str("#d9dce1");
    context.fill_rect(0.0, 0.0, picture.width, picture.height);
    context.set_text_baseline("middle");
    for op in &picture.ops {
        match op {
            Draw::Sheet { x, y, w, h } => {
                context.set_fill_style_str("#ffffff");
                context.fill_rect(*x, *y, *w, *h);
            }
            Draw::Shade { x, y, w, h } => {
                context.set_fill_style_str("#f2f2f2");
                context.fill_rect(*x, *y, *w, *h);
            }
            Draw::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                context.set_stroke_style_str("#000000");
                context.set_line_width(*width);
                context.begin_path();
                context.move_to(*x1, *y1);
                context.line_to(*x2, *y2);
                context.stroke();
            }
            Draw::Text {
                text,
                left,
                width,
                middle,
                face,
                size,
                bold,
                align,
            } => {
                context.set_fill_style_str("#000000");
                context.set_font(&font(*face, *size, *bold));
                let (x, side) = match align {
                    TextAlign::Left => (*left, "left"),
                    TextAlign::Center => (left + width / 2.0, "center"),
                    TextAlign::Right => (left + width, "right"),
                };
                context.set_text_align(side);
                // The width is a ceiling: a face wider than measured is
                // narrowed rather than drawn over the next cell.
                context.fill_text_with_max_width(text, x, *middle, width.max(1.0))?;
            }
        }
    }
    Ok(canvas)
}

/// The system's faces for 宋体, 仿宋 and 黑体 (no web fonts: the picture uses
/// what the phone has, as the print view does).
fn font(face: Face, size: f64, bold: bool) -> String {
    let family = match face {
        Face::Song => "SimSun, \"Songti SC\", STSong, \"Noto Serif CJK SC\", serif",
        Face::FangSong => "FangSong, STFangsong, \"Noto Serif CJK SC\", \"Songti SC\", serif",
        Face::Hei => "SimHei, \"Heiti SC\", \"PingFang SC\", \"Noto Sans CJK SC\", sans-serif",
    };
    let weight = if bold { "bold " } else { "" };
    format!("{weight}{size:.1}px {family}")
}

/// The canvas as a `data:` address, for an `<img>` a member long-presses
/// to save (WeChat keeps no downloads).
pub fn png_data_url(canvas: &HtmlCanvasElement) -> Result<String, JsValue> {
    canvas.to_data_url_with_type("image/png")
}

/// The canvas as a PNG file.
pub async fn png_blob(canvas: &HtmlCanvasElement) -> Result<Blob, JsValue> {
    let mut result: Option<Result<(), JsValue>> = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let callback = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        result = Some(
            canvas
                .to_blob_with_type(callback.unchecked_ref(), "image/png")
                .inspect_err(|e| {
                    let _ = reject.call1(&JsValue::NULL, e);
                }),
        );
    });
    if let Some(Err(error)) = result {
        return Err(error);
    }
    let blob = wasm_bindgen_futures::JsFuture::from(promise).await?;
    blob.dyn_into()
        .map_err(|_| JsValue::from_str("the browser made no picture"))
}
