fn main() {
    commplan_app::run()
}
