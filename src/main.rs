fn main() {
    vps_panel::start();
}
