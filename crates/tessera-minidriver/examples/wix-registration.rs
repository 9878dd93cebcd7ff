//! Reads the installer's source (installer/windows/tessera.wxs) on stdin and prints it with the
//! minidriver registered for every card type the core recognises (installer/windows/build.sh).
fn main() {
    let mut template = String::new();
    if std::io::Read::read_to_string(&mut std::io::stdin(), &mut template).is_err() {
        eprintln!("wix-registration: stdin is not text");
        std::process::exit(1);
    }
    match tessera_minidriver::registration::wix_with_card_types(&template) {
        Ok(wxs) => print!("{wxs}"),
        Err(e) => {
            eprintln!("wix-registration: {e}");
            std::process::exit(1);
        }
    }
}
