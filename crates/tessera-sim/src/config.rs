//! What a simulated card is: the real card it imitates, its state, its faults, and the counters
//! tests read.

use std::fmt;
use std::str::FromStr;

/// The demo and simulated cards' PIN (documented in README.md).
pub const DEFAULT_PIN: &str = "31415926";
/// The demo and simulated cards' PUK (documented in README.md).
pub const DEFAULT_PUK: &str = "27182818";

/// Which real card the simulator imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimProfile {
    /// Trentino CPS: STIncard, CNS 1.1, RSA-2048, PIN references with the 0x80 bit.
    Cps,
    /// TS-CNS Trento: Siemens CardOS, CNS 1.0, RSA-1024.
    TsCns,
    /// A newer STIncard lot as seen over NFC: an ATR without CNS marker, the CNS files under
    /// the application `A0 00 00 00 95 01 00 4D` (CNS spec §1.4). Not visible to stock OpenSC.
    St2022Nfc,
    /// ACe 2025 (Actalis TS-CNS, NXP chip, G&D mask; also renewed CPS): a CNS ATR saying 1.0
    /// with an RSA-2048 key, the files under the application `A0 00 00 05 30 00 0B 10 40 01 02
    /// 1A`, paths from the current DF (P1=09), the card number as BCD in D003, the certificate
    /// in DA01/C001; the classic paths and FID selects answer 6A82. Not visible to stock OpenSC.
    Ace2025,
    /// ACe 2025, strict where the real card's behaviour is inferred: PIN commands answer 6A88
    /// unless the application is the current DF, SELECT by path with P2=0C answers 6A86 (only
    /// P2=00 was observed), and paths from the MF (P1=08) are refused with 6A82.
    Ace2025Strict,
    /// IDEMIA 2021 ("ACe 2021"): classic files, but the authentication certificate only at
    /// 1400/9001/2002; its key (reference 02) under DF 1400/9002, which must be current to
    /// sign (else 6984). Stock OpenSC 0.23 does not see it.
    Idemia2021,
    /// A signature token with a CNS ATR (the CPS one) but no health-card data
    /// (no EF_DatiPersonali): must not be reported as a CPS.
    CnsToken,
    /// CIE 3.0, Bit4id 2023 ATR: IAS by SELECT MF, DH parameters in three GET DATA.
    Cie,
    /// CIE 3.0, Gemalto ATR: IAS by its AID, DH parameters in one GET DATA.
    CieGemalto,
}

impl SimProfile {
    /// Every profile, with its command-line name.
    pub const ALL: [(&'static str, SimProfile); 9] = [
        ("cps", SimProfile::Cps),
        ("ts-cns", SimProfile::TsCns),
        ("st2022-nfc", SimProfile::St2022Nfc),
        ("ace2025", SimProfile::Ace2025),
        ("ace2025-strict", SimProfile::Ace2025Strict),
        ("idemia2021", SimProfile::Idemia2021),
        ("cns-token", SimProfile::CnsToken),
        ("cie", SimProfile::Cie),
        ("cie-gemalto", SimProfile::CieGemalto),
    ];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, p)| *p == self).map_or("cps", |(n, _)| n)
    }
}

impl FromStr for SimProfile {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.to_ascii_lowercase();
        if s == "tscns" {
            return Ok(SimProfile::TsCns);
        }
        by_name(&Self::ALL, &s, "profile")
    }
}

/// The entry of `all` named `name`, or an error listing the valid names.
fn by_name<T: Copy>(all: &[(&'static str, T)], name: &str, what: &str) -> Result<T, String> {
    all.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        format!("unknown {what} '{name}' ({})", names.join(", "))
    })
}

/// Starting state of a simulated card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// All tries left, certificate valid for years.
    Fresh,
    /// One PIN try left.
    PinLastTry,
    /// PIN blocked, PUK fine.
    PinBlocked,
    /// PIN blocked and only 2 PUK tries left.
    PukLow,
    /// PIN and PUK blocked: the card cannot be recovered.
    PukBlocked,
    /// Certificate expires in 20 days.
    CertExpiring,
    /// Certificate expired 10 days ago.
    CertExpired,
}

impl Preset {
    /// Every preset, with its command-line name.
    pub const ALL: [(&'static str, Preset); 7] = [
        ("fresh", Preset::Fresh),
        ("pin-last-try", Preset::PinLastTry),
        ("pin-blocked", Preset::PinBlocked),
        ("puk-low", Preset::PukLow),
        ("puk-blocked", Preset::PukBlocked),
        ("cert-expiring", Preset::CertExpiring),
        ("cert-expired", Preset::CertExpired),
    ];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, p)| *p == self).map_or("fresh", |(n, _)| n)
    }
}

impl FromStr for Preset {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        by_name(&Self::ALL, s, "preset")
    }
}

/// What a simulated card is made from.
#[derive(Clone)]
pub struct SimConfig {
    /// Card model.
    pub profile: SimProfile,
    /// Starting state.
    pub preset: Preset,
    /// PIN (ASCII digits).
    pub pin: String,
    /// PUK (ASCII digits).
    pub puk: String,
}

impl fmt::Debug for SimConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimConfig").field("profile", &self.profile).field("preset", &self.preset).finish_non_exhaustive()
    }
}

impl SimConfig {
    /// A profile and preset with the default PIN and PUK.
    pub fn new(profile: SimProfile, preset: Preset) -> Self {
        Self { profile, preset, pin: DEFAULT_PIN.into(), puk: DEFAULT_PUK.into() }
    }
}

/// What to break, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// At the next command with this INS.
    Ins(u8),
    /// At the n-th APDU from now (1 = the next one).
    After(u32),
}

/// How to break it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// The card is pulled out. `processed`: the command took effect before the card went.
    Removal {
        /// The command was carried out before the removal.
        processed: bool,
    },
    /// Another program resets the card instead of answering (in process only; over vpcd this
    /// behaves like a removal).
    Reset,
    /// The card dies mid-command: an empty response (over vpcd: the socket closes unanswered,
    /// which vpcd reports as a 0-byte success).
    EmptyResponse,
    /// The card answers this status word instead of processing the command.
    StatusWord(u16),
    /// The card processes the command but one bit of its answer flips on the way (on a CIE
    /// session this breaks the response MAC).
    Corrupt,
    /// The card processes the command but answers only after this many milliseconds (a card
    /// that goes mute for a while).
    Stall {
        /// The delay.
        millis: u64,
    },
    /// The simulator itself panics on this command (a bug in code that handles card I/O):
    /// tests that Tessera survives it.
    Panic,
}

/// A one-shot fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// When.
    pub when: Trigger,
    /// What.
    pub what: FaultKind,
}

/// What the card has received, for tests to assert on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counters {
    /// Every command APDU received (control bytes excluded).
    pub apdus: u32,
    /// PIN tries received: VERIFY with data and CHANGE REFERENCE DATA on the PIN.
    pub pin_tries: u32,
    /// PUK tries received: RESET RETRY COUNTER, and VERIFY with data on the PUK.
    pub puk_tries: u32,
    /// The INS byte of every command, in order.
    pub ins_log: Vec<u8>,
}
