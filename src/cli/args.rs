//! Command-line arguments (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::str::FromStr;

use tessera_sim::{Preset, SimProfile};

use crate::i18n::Lang;
use crate::i18n::fluent::format;

/// The language of the value checks' messages (clap calls them before the rest of the command
/// line is known): set once, before parsing, from `--lang`, `TESSERA_LANG` or the system.
static MESSAGE_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of the value checks' messages.
pub fn set_message_lang(lang: Lang) {
    let _ = MESSAGE_LANG.set(lang);
}

fn lang() -> Lang {
    MESSAGE_LANG.get().copied().unwrap_or(Lang::En)
}

/// `--lang`: a language Tessera speaks. A wrong value is a usage error (exit 2), never a silent
/// fallback to Italian.
fn parse_lang(value: &str) -> Result<String, String> {
    match Lang::from_code(value) {
        Some(_) => Ok(value.to_owned()),
        None => Err(format!("{}{}", crate::i18n::fluent::text(lang(), "cli-value-lang"), closest(value, &["it", "en", "de"]))),
    }
}

/// `--demo=PRESET`: a state of the demo card. A card model given here (`--demo=cie`) is pointed
/// to `--demo-profile`.
fn parse_preset(value: &str) -> Result<String, String> {
    let names = Preset::ALL.map(|(name, _)| name);
    if Preset::from_str(value).is_ok() {
        return Ok(value.to_owned());
    }
    if SimProfile::from_str(value).is_ok() {
        return Err(format(lang(), "cli-value-model-not-state", &[("value", value.into()), ("states", names.join(", ").into())]));
    }
    Err(format!("{}{}", format(lang(), "cli-value-states", &[("states", names.join(", ").into())]), closest(value, &names)))
}

/// `--demo-profile`: a model of the demo card.
fn parse_profile(value: &str) -> Result<String, String> {
    let names = SimProfile::ALL.map(|(name, _)| name);
    match SimProfile::from_str(value) {
        Ok(_) => Ok(value.to_owned()),
        Err(_) => Err(format!("{}{}", format(lang(), "cli-value-models", &[("models", names.join(", ").into())]), closest(value, &names))),
    }
}

/// "; did you mean 'x'?" for the valid name nearest to `value`, when one is near.
fn closest(value: &str, names: &[&str]) -> String {
    let value = value.to_ascii_lowercase();
    names
        .iter()
        .map(|name| (strsim::damerau_levenshtein(&value, name), *name))
        .filter(|(distance, name)| *distance <= 2.max(name.len() / 3) && *distance < name.len())
        .min()
        .map(|(_, name)| format(lang(), "cli-value-did-you-mean", &[("name", name.into())]))
        .unwrap_or_default()
}

/// Tessera: manage your CPS / CNS smart card (PIN, PUK, certificate).
#[derive(Debug, Parser)]
#[command(name = "tessera", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Language of messages: it, en, de (default: from the system locale).
    #[arg(long, global = true, env = "TESSERA_LANG", value_parser = parse_lang)]
    pub lang: Option<String>,
    /// More log output on stderr (-v debug, -vv APDU trace; PINs are always redacted).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Without a command: open the window on the built-in simulated demo card; optional state
    /// (fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired).
    #[arg(long = "demo", num_args = 0..=1, require_equals = true, default_missing_value = "fresh", value_name = "PRESET", value_parser = parse_preset)]
    pub window_demo: Option<String>,
    /// Without a command: model of the demo card (cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto).
    #[arg(long = "demo-profile", default_value = "cps", value_name = "PROFILE", value_parser = parse_profile)]
    pub window_demo_profile: String,
    /// What to do (none: open the window).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the card is.
#[derive(Debug, Clone, Args)]
pub struct CardArgs {
    /// Use the card in this reader (default: the first reader with a card).
    #[arg(long)]
    pub reader: Option<String>,
    /// Use the built-in simulated demo card instead of a real one; optional state:
    /// fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired.
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "fresh", value_name = "PRESET", value_parser = parse_preset)]
    pub demo: Option<String>,
    /// Model of the demo card: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
    #[arg(long, default_value = "cps", value_name = "PROFILE", value_parser = parse_profile)]
    pub demo_profile: String,
    /// Let a card of Tessera's public test authority (the simulator in a real reader) receive
    /// a PIN. Without it, such a card is refused before any PIN is sent.
    #[arg(long)]
    pub allow_simulated_card: bool,
    /// Machine-readable JSON output on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List smart-card readers and whether a card is inserted.
    Readers {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show the card: type, holder, card number, certificate, PIN and PUK tries left (no try spent).
    Status(CardArgs),
    /// Change or unblock the PIN.
    #[command(subcommand)]
    Pin(PinCommand),
    /// Show or export the authentication certificate.
    #[command(subcommand)]
    Cert(CertCommand),
    /// Explain an ATR (as pasted from a report): card type, vendor, version.
    Atr {
        /// The ATR in hex, e.g. "3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C".
        #[arg(num_args = 1.., required = true)]
        hex: Vec<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Browser login: show, set up or remove the card's PKCS#11 module in Firefox and Chrome.
    #[command(subcommand)]
    Browser(BrowserCommand),
    /// A report for the helpdesk (no personal data unless asked; never a PIN).
    Report {
        /// Where the card is.
        #[command(flatten)]
        card: CardArgs,
        /// Include the holder's name and codice fiscale.
        #[arg(long)]
        include_personal_data: bool,
        /// Write the report to this file as well (an existing file only with --force).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Test the card: certificate dates, PIN (a real try), a signature and its verification.
    Selftest {
        /// Where the card is.
        #[command(flatten)]
        card: CardArgs,
        /// Go ahead even if this may be the last PIN try.
        #[arg(long)]
        confirm_last_try: bool,
    },
    /// Run a simulated card in the vsmartcard virtual reader (vpcd), for tests and training.
    Simulate {
        /// Card model: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
        #[arg(long, default_value = "cps")]
        profile: String,
        /// Starting state (see --demo).
        #[arg(long, default_value = "fresh")]
        preset: String,
        /// The simulated card's PIN (a test value, never a real PIN).
        #[arg(long)]
        pin: Option<String>,
        /// The simulated card's PUK (a test value, never a real PUK).
        #[arg(long)]
        puk: Option<String>,
        /// vpcd address.
        #[arg(long, default_value = tessera_sim::vpcd::DEFAULT_ADDR)]
        vpcd: String,
        /// Keep re-inserting the card after vpcd or a fault drops it.
        #[arg(long)]
        forever: bool,
        /// Also write the simulator's test CA certificate (PEM) here: what a test TLS server
        /// trusts to accept the simulated card's certificate.
        #[arg(long, value_name = "FILE")]
        write_ca: Option<std::path::PathBuf>,
    },
}

/// PIN commands. PINs are read from the terminal without echo, or from stdin, one per line:
/// change = current, new, new again; unblock = PUK, new, new again.
#[derive(Debug, Subcommand)]
pub enum PinCommand {
    /// Change the PIN (asks for the current PIN and the new one twice).
    Change {
        /// Where the card is.
        #[command(flatten)]
        card: CardArgs,
        /// Go ahead even if this may be the last PIN try.
        #[arg(long)]
        confirm_last_try: bool,
    },
    /// Unblock the PIN with the PUK and set a new PIN.
    Unblock {
        /// Where the card is.
        #[command(flatten)]
        card: CardArgs,
        /// Go ahead even if this may be the last PUK try.
        #[arg(long)]
        confirm_last_try: bool,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Text (BEGIN CERTIFICATE).
    Pem,
    /// Binary.
    Der,
}

/// Certificate commands.
#[derive(Debug, Subcommand)]
pub enum CertCommand {
    /// Show the authentication certificate.
    Show(CardArgs),
    /// Save the authentication certificate to a file.
    Export {
        /// Where the card is.
        #[command(flatten)]
        card: CardArgs,
        /// File format.
        #[arg(long, value_enum, default_value = "pem")]
        format: Format,
        /// Output file (default: certificato-<codice fiscale>.pem|der in your documents folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Browser commands.
#[derive(Debug, Subcommand)]
pub enum BrowserCommand {
    /// For each browser profile: is the card's module registered?
    Status(BrowserArgs),
    /// Register the card's module in every browser profile (Firefox must be closed).
    Setup(BrowserArgs),
    /// Remove the card's module from every browser profile.
    Remove(BrowserArgs),
}

/// Which databases and module.
#[derive(Debug, Clone, Args)]
pub struct BrowserArgs {
    /// Only this NSS database folder (instead of every profile found).
    #[arg(long)]
    pub nss_db: Option<PathBuf>,
    /// The card type to set up for (CPS, TS-CNS, CNS, CIE); default: the inserted card's.
    #[arg(long)]
    pub card_type: Option<String>,
    /// The PKCS#11 module: tessera (default, every card), opensc (classic CNS lots only), cie
    /// (the official CIE module), or a path to a library.
    #[arg(long)]
    pub module: Option<PathBuf>,
    /// Also write the Firefox enterprise policy (SecurityDevices) to this file (for admins),
    /// e.g. /etc/firefox/policies/policies.json.
    #[arg(long)]
    pub policy_file: Option<PathBuf>,
    /// Where the card is (to pick the module for its type).
    #[command(flatten)]
    pub card: CardArgs,
}
