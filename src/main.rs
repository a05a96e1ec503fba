fn main() {
    ords_playground::browser::install_crash_notice();
    leptos::mount::mount_to_body(ords_playground::App);
}
