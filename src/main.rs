#[cfg(target_arch = "wasm32")]
fn main() {
    zhibu::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("zhibu runs in the browser: use scripts/serve");
}
