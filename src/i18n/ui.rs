//! Strings of the desktop window (Italian, English, German).

use super::lang::Lang;
use super::text::t;

/// A string shown in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Ui {
    AppTitle,
    DemoMode,
    DemoMenu,
    DemoCps,
    DemoTsCns,
    DemoAce2025,
    DemoIdemia2021,
    DemoCie,
    DemoNoReader,
    DemoUnknownCard,
    UseDemoCard,
    UseRealCard,
    Language,
    About,
    AboutText,
    Version,
    Close,
    Home,
    Back,
    Next,
    Cancel,
    /// Stop waiting for a mute card.
    StopWaiting,
    Confirm,
    Done,
    Retry,
    Refresh,
    Copy,
    Copied,
    /// The menu with theme and text size.
    Appearance,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    TextSize,
    ReplaceFile,
    /// Opens the system's save dialog.
    SaveAs,
    /// Shows the saved file in the file manager.
    OpenFolder,
    /// Above the path field, the other way to say where to save.
    OrTypePath,
    ChangePin,
    UnblockPin,
    ForgotPin,
    Certificate,
    Details,
    HelpdeskDetails,
    CurrentPinLabel,
    NewPinLabel,
    NewPinAgainLabel,
    PukLabel,
    RuleLength,
    RuleDigits,
    RuleDiffers,
    RuleMatches,
    TriesOfMax,
    Summary,
    ConfirmChange,
    ConfirmUnblock,
    LastTryTitle,
    LastTryContinue,
    LastTryCancel,
    LastTryHint,
    Working,
    ChangedTitle,
    UnblockedTitle,
    FailedTitle,
    PukBlockedTitle,
    PinBlockedNotice,
    Readers,
    NoCardTitle,
    CardBusyTitle,
    ExportPem,
    ExportDer,
    SaveTo,
    Save,
    Saved,
    ValidFrom,
    ValidUntil,
    Serial,
    Issuer,
    KeyUsage,
    Expired,
    PinStep1Help,
    PinStep2Help,
    CardRemovedNotice,
    Simulated,
    Help,
    ReportTitle,
    IncludePersonal,
    SaveReport,
    Selftest,
    SelftestHelp,
    RunSelftest,
    StepCertDates,
    StepPin,
    StepSignature,
    StepVerified,
    Passed,
    Failed,
    NotRun,
    SelftestOk,
    SelftestKo,
    Browser,
    BrowserHelp,
    SetUpAll,
    RemoveAll,
    SetUp,
    NotSetUp,
    BrowserOpen,
    NoProfiles,
    Module,
}

/// The name of a demo-card state (the command-line names: fresh, pin-last-try, …).
pub fn preset_name(lang: Lang, preset: &str) -> &'static str {
    match preset {
        "pin-last-try" => t(lang, "preset-1-pin-try-left"),
        "pin-blocked" => t(lang, "preset-pin-blocked"),
        "puk-low" => t(lang, "preset-pin-blocked-2-puk-tries"),
        "puk-blocked" => t(lang, "preset-puk-blocked"),
        "cert-expiring" => t(lang, "preset-certificate-expiring"),
        "cert-expired" => t(lang, "preset-certificate-expired"),
        _ => t(lang, "preset-new-card"),
    }
}

/// The text of `key` in `lang` (message `ui-KEY` of locales/LANG.ftl).
pub fn ui(lang: Lang, key: Ui) -> &'static str {
    super::fluent::text(lang, &format!("ui-{}", super::fluent::kebab(&format!("{key:?}"))))
}

impl Ui {
    /// Every key (the test that each has a message in every language walks them).
    pub const ALL: [Ui; 108] = [Ui::AppTitle, Ui::DemoMode, Ui::DemoMenu, Ui::DemoCps, Ui::DemoTsCns, Ui::DemoAce2025, Ui::DemoIdemia2021, Ui::DemoCie, Ui::DemoNoReader, Ui::DemoUnknownCard, Ui::UseDemoCard, Ui::UseRealCard, Ui::Language, Ui::About, Ui::AboutText, Ui::Version, Ui::Close, Ui::Home, Ui::Back, Ui::Next, Ui::Cancel, Ui::StopWaiting, Ui::Confirm, Ui::Done, Ui::Retry, Ui::Refresh, Ui::Copy, Ui::Copied, Ui::Appearance, Ui::ThemeSystem, Ui::ThemeLight, Ui::ThemeDark, Ui::TextSize, Ui::ReplaceFile, Ui::SaveAs, Ui::OpenFolder, Ui::OrTypePath, Ui::ChangePin, Ui::UnblockPin, Ui::ForgotPin, Ui::Certificate, Ui::Details, Ui::HelpdeskDetails, Ui::CurrentPinLabel, Ui::NewPinLabel, Ui::NewPinAgainLabel, Ui::PukLabel, Ui::RuleLength, Ui::RuleDigits, Ui::RuleDiffers, Ui::RuleMatches, Ui::TriesOfMax, Ui::Summary, Ui::ConfirmChange, Ui::ConfirmUnblock, Ui::LastTryTitle, Ui::LastTryContinue, Ui::LastTryCancel, Ui::LastTryHint, Ui::Working, Ui::ChangedTitle, Ui::UnblockedTitle, Ui::FailedTitle, Ui::PukBlockedTitle, Ui::PinBlockedNotice, Ui::Readers, Ui::NoCardTitle, Ui::CardBusyTitle, Ui::ExportPem, Ui::ExportDer, Ui::SaveTo, Ui::Save, Ui::Saved, Ui::ValidFrom, Ui::ValidUntil, Ui::Serial, Ui::Issuer, Ui::KeyUsage, Ui::Expired, Ui::PinStep1Help, Ui::PinStep2Help, Ui::CardRemovedNotice, Ui::Simulated, Ui::Help, Ui::ReportTitle, Ui::IncludePersonal, Ui::SaveReport, Ui::Selftest, Ui::SelftestHelp, Ui::RunSelftest, Ui::StepCertDates, Ui::StepPin, Ui::StepSignature, Ui::StepVerified, Ui::Passed, Ui::Failed, Ui::NotRun, Ui::SelftestOk, Ui::SelftestKo, Ui::Browser, Ui::BrowserHelp, Ui::SetUpAll, Ui::RemoveAll, Ui::SetUp, Ui::NotSetUp, Ui::BrowserOpen, Ui::NoProfiles, Ui::Module];
}

