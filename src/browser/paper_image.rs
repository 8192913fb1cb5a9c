//! A record as a picture (PNG) a member can send in a chat: the sheet's text
//! drawn one column wide, tables as "label：value" lines, readable on a phone
//! without zooming.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement};

use crate::format::paper::{Block, PaperText};

const WIDTH: f64 = 1080.0;
const MARGIN: f64 = 72.0;
/// Phones refuse larger canvases (iOS: about 16 million pixels).
const MAX_HEIGHT: f64 = 14_000.0;
const FACE: &str = "\"Noto Serif CJK SC\", \"Songti SC\", SimSun, serif";

struct Line {
    text: String,
    font: String,
    size: f64,
    indent: f64,
    /// Space above the line.
    gap: f64,
    centered: bool,
    rule_above: bool,
}

/// The PNG of `paper`.
pub async fn paper_png(paper: &PaperText) -> Result<Blob, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(WIDTH as u32);
    let context = context_2d(&canvas)?;
    let lines = layout(&context, paper);
    let mut height = MARGIN * 2.0 + lines.iter().map(|l| l.gap + l.size * 1.6).sum::<f64>();
    let clipped = height > MAX_HEIGHT;
    height = height.min(MAX_HEIGHT);
    // Setting the size clears the canvas and its state: draw after it.
    canvas.set_height(height as u32);
    let context = context_2d(&canvas)?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, WIDTH, height);
    context.set_fill_style_str("#111111");
    context.set_stroke_style_str("#999999");
    context.set_text_baseline("top");
    let mut y = MARGIN;
    let last = height - MARGIN - 60.0;
    for line in &lines {
        if clipped && y + line.gap + line.size * 1.6 > last {
            context.set_font(&font(30.0, false));
            context.fill_text(
                "（内容较长，图片只显示前面部分：完整记录请存为 PDF 或 Word 文档）",
                MARGIN,
                y + 24.0,
            )?;
            break;
        }
        y += line.gap;
        if line.rule_above {
            context.begin_path();
            context.move_to(MARGIN, y - line.gap / 2.0);
            context.line_to(WIDTH - MARGIN, y - line.gap / 2.0);
            context.stroke();
        }
        context.set_font(&line.font);
        let x = if line.centered {
            (WIDTH - context.measure_text(&line.text)?.width()) / 2.0
        } else {
            MARGIN + line.indent
        };
        context.fill_text(&line.text, x, y)?;
        y += line.size * 1.6;
    }
    to_blob(&canvas).await
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(JsValue::from)
}

fn font(size: f64, bold: bool) -> String {
    format!("{}{size}px {FACE}", if bold { "bold " } else { "" })
}

fn layout(context: &CanvasRenderingContext2d, paper: &PaperText) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut add =
        |text: &str, size: f64, bold: bool, indent: f64, gap: f64, centered: bool, rule: bool| {
            let font = font(size, bold);
            context.set_font(&font);
            let width = WIDTH - 2.0 * MARGIN - indent;
            for (i, piece) in wrap(context, text, width).into_iter().enumerate() {
                lines.push(Line {
                    text: piece,
                    font: font.clone(),
                    size,
                    indent,
                    gap: if i == 0 { gap } else { 0.0 },
                    centered,
                    rule_above: rule && i == 0,
                });
            }
        };
    if !paper.org.is_empty() {
        add(&paper.org, 30.0, false, 0.0, 0.0, true, false);
    }
    add(&paper.title, 52.0, true, 0.0, 12.0, true, false);
    for block in &paper.blocks {
        match block {
            Block::Heading(text) => add(text, 38.0, true, 0.0, 36.0, false, false),
            Block::Paragraph(text) => {
                for part in text.split('\n') {
                    add(part.trim(), 32.0, false, 0.0, 10.0, false, false);
                }
            }
            Block::Table(table) => {
                for (i, row) in table.as_lines().iter().enumerate() {
                    for (j, line) in row.iter().enumerate() {
                        let gap = if j == 0 { 24.0 } else { 4.0 };
                        add(line, 32.0, false, 0.0, gap, false, j == 0 && i > 0);
                    }
                }
            }
        }
    }
    if !paper.footer.is_empty() {
        add(&paper.footer, 28.0, false, 0.0, 40.0, false, false);
    }
    lines
}

/// `text` broken into lines no wider than `width` (character by character:
/// Chinese has no spaces to break at).
fn wrap(context: &CanvasRenderingContext2d, text: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        let too_wide = context
            .measure_text(&current)
            .map(|m| m.width() > width)
            .unwrap_or(false);
        if too_wide && current.chars().count() > 1 {
            current.pop();
            lines.push(std::mem::take(&mut current));
            current.push(c);
        }
    }
    lines.push(current);
    lines
}

async fn to_blob(canvas: &HtmlCanvasElement) -> Result<Blob, JsValue> {
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
