fn main() {
    ords_playground::browser::install_crash_notice();
    ords_playground::browser::reload_when_the_fragment_changes();
    leptos::mount::mount_to_body(ords_playground::App);
}
