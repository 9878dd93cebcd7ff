#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    tessera::cli::run()
}
