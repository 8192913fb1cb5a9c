//! The form widgets on a page: what a member types reaches the record in
//! the shape the widget promises, and at the moment it promises.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement};
use zhibu::ui::widgets::{ChangeField, NumberSetting, OptionalNumber, TypedInput};

/// A fresh element on the page to mount one widget into.
fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// The widget's input, once it shows its value: read right after
/// `mount_to`, a field given a value was found still empty, and a task later
/// it showed it.
async fn input_in(host: &HtmlElement) -> HtmlInputElement {
    super::pause(0).await;
    host.query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// Types `text` as a member would: the value, then the event the browser
/// fires (`input` for each key, `change` when the field is left).
fn type_into(input: &HtmlInputElement, text: &str, event: &str) {
    input.set_value(text);
    input.dispatch_event(&Event::new(event).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn a_change_field_hands_on_the_trimmed_text_when_left_not_at_each_key() {
    let host = host();
    let saved = RwSignal::new(Vec::<String>::new());
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <ChangeField
                label="经办人"
                name="by"
                value=Signal::derive(|| "张".to_string())
                on_change=move |typed: String| saved.update(|s| s.push(typed))
            />
        }
    });
    let input = input_in(&host).await;
    assert_eq!(input.value(), "张");
    type_into(&input, " 王建国", "input");
    assert!(saved.get_untracked().is_empty(), "saved at a key");
    type_into(&input, " 王建国 ", "change");
    assert_eq!(saved.get_untracked(), vec!["王建国".to_string()]);
    assert_eq!(
        host.query_selector("span")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "经办人"
    );
    drop(mounted);
}

#[wasm_bindgen_test]
async fn a_number_setting_brings_a_number_typed_outside_its_range_within_and_ignores_an_empty_field(
) {
    let host = host();
    let saved = RwSignal::new(Vec::<u32>::new());
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <NumberSetting
                label="思想汇报：每几个月交一次"
                name="report-months"
                range=(1, 12)
                value=Signal::derive(|| 3)
                on_change=move |n: u32| saved.update(|s| s.push(n))
                hint="本地做法".to_string()
            />
        }
    });
    let input = input_in(&host).await;
    assert_eq!(input.value(), "3");
    assert_eq!(
        (input.min(), input.max()),
        ("1".to_string(), "12".to_string())
    );
    type_into(&input, "30", "change");
    type_into(&input, "0", "change");
    type_into(&input, "6", "change");
    type_into(&input, "", "change");
    assert_eq!(saved.get_untracked(), vec![12, 1, 6]);
    assert!(host.text_content().unwrap().contains("本地做法"));
    drop(mounted);
}

#[wasm_bindgen_test]
async fn an_optional_number_emptied_is_not_known_rather_than_nought() {
    let host = host();
    let saved = RwSignal::new(Vec::<Option<u32>>::new());
    let on_set = move |n: Option<u32>| saved.update(|s| s.push(n));
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <OptionalNumber
                label="学时"
                name="training-hours"
                value=Signal::derive(|| None)
                on_set=on_set
            />
        }
    });
    let input = input_in(&host).await;
    assert_eq!(
        (input.value(), input.min()),
        (String::new(), "0".to_string())
    );
    type_into(&input, "24", "change");
    type_into(&input, "", "change");
    assert_eq!(saved.get_untracked(), vec![Some(24), None]);
    drop(mounted);
}

#[wasm_bindgen_test]
async fn a_typed_input_keeps_each_key_for_the_forms_own_button() {
    let host = host();
    let text = RwSignal::new(String::new());
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <TypedInput
                name="excluded-reason"
                value=text
                list="exclusion-reasons"
                maxlength=100
                placeholder="原因"
            />
        }
    });
    let input = input_in(&host).await;
    type_into(&input, "因病", "input");
    assert_eq!(text.get_untracked(), "因病");
    assert_eq!(
        input.get_attribute("list").as_deref(),
        Some("exclusion-reasons")
    );
    assert_eq!(input.max_length(), 100);
    drop(mounted);
}

#[wasm_bindgen_test]
async fn a_number_in_half_steps_offers_a_keypad_with_a_decimal_point() {
    let host = host();
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <ChangeField
                label="学时（主办单位认定）"
                name="study-credited-hours"
                kind="number"
                range=(0, 200)
                step="0.5"
                value=Signal::derive(|| "1.5".to_string())
                on_change=|_: String| {}
            />
        }
    });
    let input = input_in(&host).await;
    assert_eq!(input.value(), "1.5");
    assert_eq!(input.step(), "0.5");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("decimal"));
    assert_eq!(
        (input.min(), input.max()),
        ("0".to_string(), "200".to_string())
    );
    drop(mounted);
}
